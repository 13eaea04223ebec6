// Published and exposed ports: docker/cli opts.go convertToStandardNotation and the --expose
// loop, go-connections nat/nat.go ParsePortSpecs, ParsePortRange and SplitProtoPort.
import { isIP, stripBrackets } from "./ip.js";

export type PortBindings = Record<string, Array<{ HostIp: string; HostPort: string }>>;

/** strconv.ParseUint(s, 10, 16) with Go's error text. */
function parseUint16(s: string): number {
  if (!/^\d+$/.test(s)) throw new Error(`strconv.ParseUint: parsing "${s}": invalid syntax`);
  const n = Number(s);
  if (n > 65535) throw new Error(`strconv.ParseUint: parsing "${s}": value out of range`);
  return n;
}

/** nat.ParsePortRange: "80" or "8000-9000". */
export function parsePortRange(ports: string): [number, number] {
  if (ports === "") throw new Error("empty string specified for ports");
  if (!ports.includes("-")) {
    const n = parseUint16(ports);
    return [n, n];
  }
  const parts = ports.split("-");
  const start = parseUint16(parts[0]!);
  const end = parseUint16(parts[1]!);
  if (end < start) throw new Error(`invalid range specified for port: ${ports}`);
  return [start, end];
}

/** nat.SplitProtoPort: "80/udp" -> ["udp", "80"]. */
export function splitProtoPort(raw: string): [string, string] {
  const parts = raw.split("/");
  if (raw.length === 0 || parts[0]!.length === 0) return ["", ""];
  if (parts.length === 1) return ["tcp", raw];
  if (parts[1]!.length === 0) return ["tcp", parts[0]!];
  return [parts[1]!, parts[0]!];
}

function splitParts(raw: string): [string, string, string] {
  const parts = raw.split(":");
  const n = parts.length;
  const containerPort = parts[n - 1]!;
  if (n === 1) return ["", "", containerPort];
  if (n === 2) return ["", parts[0]!, containerPort];
  if (n === 3) return [parts[0]!, parts[1]!, containerPort];
  return [parts.slice(0, n - 2).join(":"), parts[n - 2]!, containerPort];
}

interface PortMapping {
  port: string;
  binding: { HostIp: string; HostPort: string };
}

/** nat.ParsePortSpec. */
function parsePortSpec(raw: string): PortMapping[] {
  let [ip, hostPort, containerPort] = splitParts(raw);
  let proto: string;
  [proto, containerPort] = splitProtoPort(containerPort);
  if (ip !== "" && ip[0] === "[") ip = stripBrackets(ip);
  if (ip !== "" && !isIP(ip)) throw new Error(`invalid IP address: ${ip}`);
  if (containerPort === "") throw new Error(`no port specified: ${raw}<empty>`);

  let start: number;
  let end: number;
  try {
    [start, end] = parsePortRange(containerPort);
  } catch {
    throw new Error(`invalid containerPort: ${containerPort}`);
  }
  let hostStart = 0;
  let hostEnd = 0;
  if (hostPort.length > 0) {
    try {
      [hostStart, hostEnd] = parsePortRange(hostPort);
    } catch {
      throw new Error(`invalid hostPort: ${hostPort}`);
    }
  }
  if (hostPort !== "" && end - start !== hostEnd - hostStart && end !== start) {
    throw new Error(`invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`);
  }
  const lower = proto.toLowerCase();
  if (!["tcp", "udp", "sctp"].includes(lower)) throw new Error(`invalid proto: ${proto}`);

  const out: PortMapping[] = [];
  for (let i = 0; i <= end - start; i++) {
    let host = hostPort;
    if (hostPort.length > 0) host = String(hostStart + i);
    // A single container port with a host range: the range is where the daemon picks from.
    if (start === end && hostStart !== hostEnd) host = `${host}-${hostEnd}`;
    out.push({ port: `${start + i}/${lower}`, binding: { HostIp: ip, HostPort: host } });
  }
  return out;
}

/** nat.ParsePortSpecs: exposed ports and their bindings. */
export function parsePortSpecs(specs: string[]): { exposed: string[]; bindings: PortBindings } {
  const exposed: string[] = [];
  const bindings: PortBindings = {};
  for (const raw of specs) {
    for (const m of parsePortSpec(raw)) {
      if (!exposed.includes(m.port)) exposed.push(m.port);
      (bindings[m.port] ??= []).push(m.binding);
    }
  }
  return { exposed, bindings };
}

/** convertToStandardNotation: the long form "published=8080,target=80" becomes "8080:80/tcp". */
export function convertToStandardNotation(ports: string[]): string[] {
  return ports.map((publish) => {
    if (!publish.includes("=")) return publish;
    const params: Record<string, string> = { protocol: "tcp" };
    for (const param of publish.split(",")) {
      const eq = param.indexOf("=");
      if (eq <= 0) throw new Error(`invalid publish opts format (should be name=value but got '${param}')`);
      params[param.slice(0, eq)] = param.slice(eq + 1);
    }
    return `${params.published ?? ""}:${params.target ?? ""}/${params.protocol}`;
  });
}

/** The --expose loop of parse(): "80", "80/udp", "8000-8010". */
export function parseExpose(values: string[], exposed: string[]): void {
  for (const e of values) {
    if (e.includes(":")) throw new Error(`invalid port format for --expose: ${e}`);
    const [proto, port] = splitProtoPort(e);
    let start: number;
    let end: number;
    try {
      [start, end] = parsePortRange(port);
    } catch (err) {
      throw new Error(`invalid range format for --expose: ${e}, error: ${(err as Error).message}`);
    }
    for (let i = start; i <= end; i++) {
      const p = `${i}/${proto}`;
      if (!exposed.includes(p)) exposed.push(p);
    }
  }
}
