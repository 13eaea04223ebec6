// -v/--volume specs: docker/cli cli/compose/loader/volume.go ParseVolume and the bind
// split of opts.go parse() (binds go to HostConfig.Binds, anonymous volumes to Config.Volumes).

interface VolumeSpec {
  source: string;
  target: string;
  type: "bind" | "volume";
}

const isLetter = (c: string) => /\p{L}/u.test(c);
const isWindowsDrive = (buffer: string[], ch: string) => ch === ":" && buffer.length === 1 && isLetter(buffer[0]!);

function isFilePath(source: string): boolean {
  if (".~/".includes(source[0]!)) return true;
  const chars = [...source];
  if (chars.length === 1) return false;
  if (source.startsWith("\\\\")) return true;
  return isWindowsDrive([chars[0]!], chars[1]!);
}

/** ParseVolume; throws "invalid spec: <spec>: <why>". */
export function parseVolume(spec: string): VolumeSpec {
  const volume: VolumeSpec = { source: "", target: "", type: "volume" };
  if (spec.length === 0) throw new Error("invalid empty volume spec");
  if (spec.length <= 2) return { ...volume, target: spec };
  let buffer: string[] = [];
  const END = "\0";
  for (const ch of [...spec, END]) {
    if (isWindowsDrive(buffer, ch)) {
      buffer.push(ch);
    } else if (ch === ":" || ch === END) {
      const text = buffer.join("");
      if (buffer.length === 0) throw new Error(`invalid spec: ${spec}: empty section between colons`);
      if (volume.source === "" && ch === END) volume.target = text;
      else if (volume.source === "") volume.source = text;
      else if (volume.target === "") volume.target = text;
      else if (ch === ":") throw new Error(`invalid spec: ${spec}: too many colons`);
      buffer = [];
    } else {
      buffer.push(ch);
    }
  }
  if (volume.source !== "" && isFilePath(volume.source)) volume.type = "bind";
  return volume;
}

/** Splits -v values into binds and anonymous volumes; "./x" hosts become absolute against cwd. */
export function splitVolumes(values: string[], cwd: string | undefined): { binds: string[]; volumes: string[] } {
  const binds: string[] = [];
  const volumes: string[] = [];
  for (const bind of new Set(values)) {
    const parsed = parseVolume(bind);
    if (parsed.source === "") {
      volumes.push(bind);
      continue;
    }
    let toBind = bind;
    const colon = bind.indexOf(":");
    if (parsed.type === "bind" && colon >= 0) {
      let host = bind.slice(0, colon);
      if (!host.startsWith("/") && host.startsWith(".") && cwd) host = joinPath(cwd, host);
      toBind = `${host}:${bind.slice(colon + 1)}`;
    }
    binds.push(toBind);
  }
  return { binds, volumes };
}

/** filepath.Abs for a relative path: join and clean. */
function joinPath(cwd: string, rel: string): string {
  const out: string[] = [];
  for (const part of `${cwd}/${rel}`.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return `/${out.join("/")}`;
}
