// An OCI image layout (index.json without manifest.json), read as the containerd image store
// imports one: nested indexes resolved to the wanted platform, gzipped layers accepted.
import { invalidParameter, notFound } from "../errors.js";
import type { Tx } from "../host.js";
import { fullString, parseNormalizedNamed, type NamedReference } from "../registry/reference.js";
import { checkOs, imageOf, newLayer, sizeOf, type Plan, type Planned, type Reader } from "./archive-plan.js";
import { readJson, type LoadOptions } from "./archive-read.js";
import { parsePlatform, samePlatform, type Platform } from "./platform.js";

const MANIFEST_TYPES = new Set(["application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.v2+json"]);
const INDEX_TYPES = new Set(["application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json"]);

function blob(r: Reader, desc: unknown): { path: string; bytes: Uint8Array } {
  const digest = typeof desc === "object" && desc ? String((desc as Record<string, unknown>).digest ?? "") : "";
  if (!/^sha256:[a-f0-9]{64}$/.test(digest)) throw invalidParameter(`invalid digest ${JSON.stringify(digest)}`);
  const path = `blobs/sha256/${digest.slice(7)}`;
  const bytes = r.archive.files[path];
  if (!bytes) throw notFound(`content digest ${digest}: not found`);
  return { path, bytes };
}

/** The name an OCI layout gives a manifest: containerd's image name, else a full ref.name. */
function ociName(annotations: unknown): NamedReference | undefined {
  const a = (typeof annotations === "object" && annotations ? annotations : {}) as Record<string, unknown>;
  for (const key of ["io.containerd.image.name", "org.opencontainers.image.ref.name"]) {
    const v = a[key];
    if (typeof v !== "string") continue;
    try {
      const ref = parseNormalizedNamed(v);
      if (ref.tag && !ref.digest) return ref;
    } catch {
      // A bare tag ("latest") names nothing by itself.
    }
  }
  return undefined;
}

/** An OCI image layout (index.json), as the containerd image store imports it. */
export function planOci(tx: Tx, r: Reader, opts: LoadOptions, plan: Plan): void {
  const want: Platform = opts.platform ? parsePlatform(opts.platform) : { os: "linux", architecture: "amd64" };
  const byId = new Map<string, Planned>();
  const visit = (desc: Record<string, unknown>, name: NamedReference | undefined, depth: number): void => {
    const mediaType = String(desc.mediaType ?? "");
    const { bytes } = blob(r, desc);
    const doc = readJson(bytes, "manifest") as Record<string, unknown>;
    const type = mediaType || String(doc.mediaType ?? "");
    if (INDEX_TYPES.has(type) || Array.isArray(doc.manifests)) {
      if (depth > 4) throw invalidParameter("invalid index: nested too deep");
      const children = (Array.isArray(doc.manifests) ? doc.manifests : []) as Array<Record<string, unknown>>;
      const match = children.find((c) => {
        const p = c?.platform as Record<string, string> | undefined;
        if (!p) return true;
        try {
          return samePlatform(want, parsePlatform([p.os, p.architecture, p.variant].filter(Boolean).join("/")));
        } catch {
          return false;
        }
      });
      if (!match) throw notFound(`no match for platform in manifest: not found`);
      visit(match, name, depth + 1);
      return;
    }
    if (type && !MANIFEST_TYPES.has(type)) throw invalidParameter(`unsupported media type ${type}`);
    const record = imageOf(blob(r, doc.config).bytes);
    checkOs(record);
    const layers = (Array.isArray(doc.layers) ? doc.layers : []) as Array<Record<string, unknown>>;
    if (layers.length !== record.layers.length) {
      throw invalidParameter(`invalid manifest, layers length mismatch: expected ${layers.length}, got ${record.layers.length}`);
    }
    record.layers.forEach((diffId, i) => {
      if (tx.state.layers[diffId] || plan.layers.has(diffId)) return;
      const file = blob(r, layers[i]);
      const { tar, tree } = r.layer(file.path);
      newLayer(plan, diffId, tar, tree, file.bytes.length, opts.quiet === true, (actual) => `failed to extract layer ${diffId}: wrong diff id calculated on extraction "${actual}"`);
    });
    record.size = sizeOf(tx, plan, record.layers);
    let planned = byId.get(record.id);
    if (!planned) {
      planned = { record, tags: [] };
      byId.set(record.id, planned);
      plan.images.push(planned);
    }
    if (name && !planned.tags.some((t) => fullString(t) === fullString(name))) planned.tags.push(name);
  };
  const index = readJson(r.archive.files["index.json"]!, "index.json") as Record<string, unknown>;
  const manifests = (Array.isArray(index?.manifests) ? index.manifests : []) as Array<Record<string, unknown>>;
  for (const desc of manifests) visit(desc, ociName(desc.annotations), 0);
  plan.printIds = plan.images.length > 0 && plan.images[plan.images.length - 1]!.tags.length === 0;
}

