// Shell glob patterns (*, ?, [...]) as regular expressions, and pathname expansion.
import type { ContainerFs } from "../../fs/types.js";

/** `escaped` marks characters that came from quotes and so match literally. */
export function globToRegex(pattern: string, escaped?: boolean[], anchored = true): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (escaped?.[i]) {
      re += escapeRe(c);
      continue;
    }
    if (c === "*") re += ".*";
    else if (c === "?") re += ".";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end < 0) {
        re += "\\[";
        continue;
      }
      let body = pattern.slice(i + 1, end);
      if (body.startsWith("!") || body.startsWith("^")) body = "^" + body.slice(1);
      re += `[${body.replace(/\\/g, "\\\\")}]`;
      i = end;
    } else re += escapeRe(c);
  }
  return new RegExp(anchored ? `^${re}$` : re, "s");
}

export function hasGlob(pattern: string, escaped?: boolean[]): boolean {
  for (let i = 0; i < pattern.length; i++) {
    if (!escaped?.[i] && (pattern[i] === "*" || pattern[i] === "?" || pattern[i] === "[")) return true;
  }
  return false;
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Pathname expansion; [] when nothing matches (the caller keeps the word as is). */
export function expandGlob(fs: ContainerFs, cwd: string, pattern: string, escaped: boolean[]): string[] {
  const absolute = pattern.startsWith("/");
  const parts: Array<{ text: string; esc: boolean[] }> = [];
  let cur = { text: "", esc: [] as boolean[] };
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === "/") {
      if (cur.text !== "") parts.push(cur);
      cur = { text: "", esc: [] };
    } else {
      cur.text += pattern[i];
      cur.esc.push(escaped[i] ?? false);
    }
  }
  if (cur.text !== "") parts.push(cur);
  let paths = [absolute ? "/" : ""];
  for (const part of parts) {
    const next: string[] = [];
    for (const base of paths) {
      const dir = base === "" ? cwd : absOf(cwd, base);
      if (!hasGlob(part.text, part.esc)) {
        const p = joinRel(base, part.text);
        if (fs.lstat(absOf(cwd, p))) next.push(p);
        continue;
      }
      let names: string[];
      try {
        names = fs.readdir(dir);
      } catch {
        continue;
      }
      const re = globToRegex(part.text, part.esc);
      for (const n of names) {
        if (n.startsWith(".") && !part.text.startsWith(".")) continue;
        if (re.test(n)) next.push(joinRel(base, n));
      }
    }
    paths = next;
    if (paths.length === 0) return [];
  }
  return paths.sort();
}

function joinRel(base: string, name: string): string {
  if (base === "") return name;
  return base.endsWith("/") ? base + name : `${base}/${name}`;
}

function absOf(cwd: string, p: string): string {
  return p.startsWith("/") ? p : cwd === "/" ? `/${p}` : `${cwd}/${p}`;
}
