// Lexical path helpers for absolute container paths ("/a/b", never trailing "/").

/** Joins and normalises `path` against `cwd` without touching the filesystem. */
export function normalizePath(path: string, cwd = "/"): string {
  const full = path.startsWith("/") ? path : `${cwd}/${path}`;
  const out: string[] = [];
  for (const part of full.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}

export function dirnameOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i <= 0 ? "/" : path.slice(0, i);
}

export function basenameOf(path: string): string {
  if (path === "/") return "/";
  const trimmed = path.endsWith("/") ? path.replace(/\/+$/, "") : path;
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

/** Components of a normalised absolute path ("/" -> []). */
export function splitPath(path: string): string[] {
  return path.split("/").filter((p) => p !== "");
}

export function isUnder(path: string, dir: string): boolean {
  return dir === "/" ? path !== "/" : path.startsWith(dir + "/");
}
