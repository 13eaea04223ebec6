// `docker inspect` output (docker/cli: cli/command/inspect/inspector.go): an indented JSON
// array of the daemon's objects, a compact one for `--format json`, or a Go template run
// once per object over the object's JSON (as map[string]interface{}).
import { indentJsonText, goJson } from "./json.js";
import { executePartial, GO_MAP, parseTemplate, type ExecuteOptions, type Template } from "./template/index.js";

/** The error an unparsable --format gives; the CLI exits 64 with this text. */
export class InspectFormatError extends Error {
  override name = "InspectFormatError";
}

export interface Inspector {
  /** Adds one object (the daemon's JSON, keys in its order); throws Error with the text to report. */
  inspect(raw: Record<string, unknown>): void;
  /** What the command prints once every object is in. */
  flush(): string;
}

// Fields that are Go maps in docker's typed objects: `{{json .}}` of a map sorts its keys,
// while structs keep the daemon's field order.
const MAP_FIELDS = new Set([
  "Labels", "ExposedPorts", "Volumes", "Ports", "PortBindings", "Networks", "Data", "DriverOpts",
  "Options", "Tmpfs", "Sysctls", "StorageOpt", "Annotations", "Containers",
]);

/**
 * The object as templates see it: JSON objects become Go maps (field access by key, sorted
 * when printed); the ones docker types as maps also marshal with sorted keys.
 */
export function asGoMaps(value: unknown, key = "", parent = ""): unknown {
  if (Array.isArray(value)) return value.map((v) => asGoMaps(v));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value).map(([k, v]) => [k, asGoMaps(v, k, key)] as const);
  if (MAP_FIELDS.has(key) || (key === "Config" && parent === "LogConfig")) return new Map(entries);
  const out: Record<string | symbol, unknown> = Object.fromEntries(entries);
  Object.defineProperty(out, GO_MAP, { value: true, enumerable: false });
  return out;
}

class ElementsInspector implements Inspector {
  private readonly raws: string[] = [];
  constructor(private readonly indent: boolean) {}

  inspect(raw: Record<string, unknown>): void {
    // The daemon encodes without HTML escaping (moby httputils.WriteJSON); Go maps with sorted keys.
    this.raws.push(goJson(asGoMaps(raw), { escapeHtml: false }));
  }

  flush(): string {
    if (this.raws.length === 0) return "[]\n";
    const joined = `[${this.raws.join(",")}]`;
    return (this.indent ? indentJsonText(joined, "    ") : joined) + "\n";
  }
}

class TemplateInspector implements Inspector {
  private buffer = "";
  constructor(private readonly tmpl: Template) {}

  inspect(raw: Record<string, unknown>): void {
    // docker falls back to the raw JSON with missingkey=error when the typed run fails;
    // the raw map is the only form we have, so it is used directly.
    const opts: ExecuteOptions = { missingKey: "error" };
    const r = executePartial(this.tmpl, asGoMaps(raw), opts);
    if (r.error) throw new Error(`template parsing error: ${r.error.message}`);
    this.buffer += r.output + "\n";
  }

  flush(): string {
    return this.buffer === "" ? "\n" : this.buffer;
  }
}

/** NewTemplateInspectorFromString: "" indented JSON, "json" compact, else a template. */
export function newInspector(format: string): Inspector {
  if (format === "") return new ElementsInspector(true);
  if (format === "json") return new ElementsInspector(false);
  let tmpl: Template;
  try {
    tmpl = parseTemplate(format);
  } catch (e) {
    throw new InspectFormatError(`template parsing error: ${(e as Error).message}`);
  }
  return new TemplateInspector(tmpl);
}
