// --platform values as containerd's platforms.Parse/Normalize read them, and Format.
import { invalidParameter } from "../errors.js";

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

const KNOWN_OS = new Set(["linux", "windows", "darwin", "freebsd", "netbsd", "openbsd", "solaris", "illumos", "aix", "android", "ios", "js", "plan9", "dragonfly", "wasip1"]);

function normalizeArch(arch: string, variant: string | undefined): [string, string | undefined] | undefined {
  switch (arch.toLowerCase()) {
    case "i386":
    case "386":
      return ["386", undefined];
    case "x86_64":
    case "x86-64":
    case "amd64":
      return ["amd64", variant === "v1" ? undefined : variant];
    case "aarch64":
    case "arm64":
      return ["arm64", variant === undefined || variant === "8" || variant === "v8" ? "v8" : variant];
    case "armhf":
      return ["arm", "v7"];
    case "armel":
      return ["arm", "v6"];
    case "arm": {
      const v = variant === undefined || variant === "7" ? "v7" : variant.startsWith("v") ? variant : `v${variant}`;
      return ["arm", v];
    }
    case "ppc64le":
    case "s390x":
    case "riscv64":
    case "mips64le":
    case "loong64":
      return [arch.toLowerCase(), variant];
    default:
      return undefined;
  }
}

/** Parses and normalises "os/arch[/variant]" (or a lone os or arch); throws docker's invalid-argument error. */
export function parsePlatform(spec: string): Platform {
  const bad = () => invalidParameter(`"${spec}": unknown operating system or architecture: invalid argument`);
  const parts = spec.split("/");
  if (parts.length > 3 || parts.some((p) => p === "")) throw bad();
  let os: string;
  let arch: string;
  let variant: string | undefined;
  if (parts.length === 1) {
    if (KNOWN_OS.has(parts[0]!.toLowerCase())) return { os: parts[0]!.toLowerCase(), architecture: "amd64" };
    [os, arch] = ["linux", parts[0]!];
  } else {
    [os, arch, variant] = [parts[0]!.toLowerCase(), parts[1]!, parts[2]];
    if (!KNOWN_OS.has(os)) throw bad();
  }
  const n = normalizeArch(arch, variant);
  if (!n) throw bad();
  return n[1] ? { os, architecture: n[0], variant: n[1] } : { os, architecture: n[0] };
}

export function formatPlatform(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join("/");
}

export function samePlatform(a: Platform, b: Platform): boolean {
  return a.os === b.os && a.architecture === b.architecture && (a.variant ?? "") === (b.variant ?? "");
}
