// Client-side --platform check: containerd/platforms Parse (v1.0.0-rc.1, the version docker/cli
// v28.2.2 vendors). Only the error matters here; the daemon normalises the value itself.

const OS_AND_VERSION = /^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.-]*)\))?$/;
const SPECIFIER = /^[A-Za-z0-9_.-]+$/;
// Go's %q of the two patterns above (backslashes doubled).
const OS_AND_VERSION_Q = '"^([A-Za-z0-9_-]+)(?:\\\\(([A-Za-z0-9_.-]*)\\\\))?$"';
const SPECIFIER_Q = '"^[A-Za-z0-9_.-]+$"';

const KNOWN_OS = new Set(["aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos"]);
const KNOWN_ARCH = new Set(["386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "ppc64", "ppc64le", "loong64", "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm"]);
const ARCH_ALIASES: Record<string, string> = { i386: "386", x86_64: "amd64", "x86-64": "amd64", aarch64: "arm64", armhf: "arm", armel: "arm" };

/** Go's %q for the printable ASCII specifiers users type. */
function quote(s: string): string {
  return JSON.stringify(s);
}

/** The error text of platforms.Parse(spec), or undefined when it parses. */
export function platformParseError(spec: string): string | undefined {
  if (spec.includes("*")) return `${quote(spec)}: wildcards not yet supported: invalid argument`;
  const parts = splitN(spec, "/", 4);
  const os = OS_AND_VERSION.exec(parts[0]!);
  if (!os) {
    return `${quote(parts[0]!)} is an invalid OS component of ${quote(spec)}: OSAndVersion specifier component must match ${OS_AND_VERSION_Q}: invalid argument`;
  }
  for (const part of parts.slice(1)) {
    if (!SPECIFIER.test(part)) {
      return `${quote(part)} is an invalid component of ${quote(spec)}: platform specifier component must match ${SPECIFIER_Q}: invalid argument`;
    }
  }
  if (parts.length === 1) {
    const name = os[1]!.toLowerCase();
    if (KNOWN_OS.has(name === "macos" ? "darwin" : name)) return undefined;
    const arch = parts[0]!.toLowerCase();
    if (KNOWN_ARCH.has(ARCH_ALIASES[arch] ?? arch)) return undefined;
    return `${quote(spec)}: unknown operating system or architecture: invalid argument`;
  }
  if (parts.length <= 3) return undefined;
  return `${quote(spec)}: cannot parse platform specifier: invalid argument`;
}

/** strings.SplitN. */
function splitN(s: string, sep: string, n: number): string[] {
  const all = s.split(sep);
  return all.length <= n ? all : [...all.slice(0, n - 1), all.slice(n - 1).join(sep)];
}
