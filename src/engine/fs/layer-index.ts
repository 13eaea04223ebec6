// The merged view of a stack of layers: path -> entry plus a children index, built once.
// Semantics follow overlayfs as Docker's overlay2 driver uses it: a whiteout hides the lower
// path and everything below it, an opaque directory hides the lower directory's children, a
// non-directory hides a lower directory entirely, and parents implicit in a layer exist as 0755.
import type { DirEntry, FileTree, FsEntry } from "./types.js";
import { basenameOf, dirnameOf, splitPath } from "./path.js";

export const ROOT_DIR: DirEntry = { type: "dir", mode: 0o755 };

export class LayerIndex {
  readonly entries = new Map<string, FsEntry>();
  readonly children = new Map<string, Set<string>>([["/", new Set()]]);

  get(path: string): FsEntry | undefined {
    if (path === "/") return this.entries.get("/") ?? ROOT_DIR;
    return this.entries.get(path);
  }

  has(path: string): boolean {
    return path === "/" || this.entries.has(path);
  }

  childNames(dir: string): string[] {
    return [...(this.children.get(dir) ?? [])].sort();
  }

  /** Every path strictly below `dir`, parents before children. */
  descendants(dir: string): string[] {
    const out: string[] = [];
    const walk = (d: string): void => {
      for (const name of this.childNames(d)) {
        const p = d === "/" ? `/${name}` : `${d}/${name}`;
        out.push(p);
        if (this.children.has(p)) walk(p);
      }
    };
    walk(dir);
    return out;
  }

  set(path: string, entry: FsEntry): void {
    if (path === "/") {
      if (entry.type === "dir") this.entries.set("/", entry);
      return;
    }
    this.ensureParents(path);
    const old = this.entries.get(path);
    if (old?.type === "dir" && entry.type !== "dir") this.clearChildren(path);
    this.entries.set(path, entry);
    if (entry.type === "dir" && !this.children.has(path)) this.children.set(path, new Set());
    if (entry.type !== "dir") this.children.delete(path);
    this.children.get(dirnameOf(path))!.add(basenameOf(path));
  }

  delete(path: string): void {
    if (path === "/") return;
    this.clearChildren(path);
    this.children.delete(path);
    this.entries.delete(path);
    this.children.get(dirnameOf(path))?.delete(basenameOf(path));
  }

  clearChildren(dir: string): void {
    const kids = this.children.get(dir);
    if (!kids) return;
    for (const name of [...kids]) this.delete(dir === "/" ? `/${name}` : `${dir}/${name}`);
  }

  applyLayer(tree: FileTree): void {
    const paths = Object.keys(tree).sort();
    for (const p of paths) {
      const e = tree[p]!;
      if (e.type === "whiteout") this.delete(p);
      else if (e.type === "dir" && e.opaque) this.clearChildren(p);
    }
    for (const p of paths) {
      const e = tree[p]!;
      if (e.type !== "whiteout") this.set(p, e);
    }
  }

  clone(): LayerIndex {
    const copy = new LayerIndex();
    for (const [k, v] of this.entries) copy.entries.set(k, v);
    copy.children.clear();
    for (const [k, v] of this.children) copy.children.set(k, new Set(v));
    return copy;
  }

  private ensureParents(path: string): void {
    const dir = dirnameOf(path);
    if (dir === "/" || this.entries.get(dir)?.type === "dir") return;
    const parts = splitPath(dir);
    let cur = "";
    for (const part of parts) {
      const parent = cur === "" ? "/" : cur;
      cur = `${cur}/${part}`;
      const e = this.entries.get(cur);
      if (e?.type === "dir") continue;
      if (e) this.clearChildren(cur);
      this.entries.set(cur, { type: "dir", mode: 0o755 });
      if (!this.children.has(cur)) this.children.set(cur, new Set());
      this.children.get(parent)!.add(part);
    }
  }
}

export function buildIndex(layers: FileTree[]): LayerIndex {
  const index = new LayerIndex();
  for (const layer of layers) index.applyLayer(layer);
  return index;
}
