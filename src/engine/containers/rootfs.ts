// A container's filesystem: its image's layers (from the host's layer records or the
// catalogue) under its own writable layer.
import { heavy } from "../heavy.js";
import type { ContainerFs, FileTree } from "../fs/types.js";
import type { ContainerRecord, HostState } from "../model.js";

const EMPTY: FileTree = {};

export function layerFiles(state: HostState, diffId: string): FileTree {
  return state.layers[diffId]?.files ?? heavy().catalogue.getLayer(diffId)?.files ?? EMPTY;
}

export function containerFs(state: HostState, c: ContainerRecord, now: number): ContainerFs {
  const image = state.images[c.image];
  const lowers = (image?.layers ?? []).map((id) => layerFiles(state, id));
  lowers.push(initLayer(c));
  return heavy().overlay.createOverlayFs(lowers, c.rwLayer, { readOnly: c.hostConfig.ReadonlyRootfs, now: () => now });
}

/** What Docker bind-mounts into every container: hostname, hosts, resolv.conf. */
function initLayer(c: ContainerRecord): FileTree {
  const hostname = c.config.Hostname;
  const ip = Object.values(c.networks)[0]?.ipAddress ?? "";
  const hosts = [
    "127.0.0.1\tlocalhost",
    "::1\tlocalhost ip6-localhost ip6-loopback",
    "fe00::\tip6-localnet",
    "ff00::\tip6-mcastprefix",
    "ff02::1\tip6-allnodes",
    "ff02::2\tip6-allrouters",
    ...(ip ? [`${ip}\t${hostname}`] : []),
  ];
  const dns = c.hostConfig.Dns.length > 0 ? c.hostConfig.Dns : ["192.168.65.7"];
  return {
    "/etc/hostname": { type: "file", mode: 0o644, content: `${hostname}\n` },
    "/etc/hosts": { type: "file", mode: 0o644, content: hosts.join("\n") + "\n" },
    "/etc/resolv.conf": { type: "file", mode: 0o644, content: dns.map((d) => `nameserver ${d}`).join("\n") + "\n" },
    "/proc": { type: "dir", mode: 0o555 },
    "/sys": { type: "dir", mode: 0o555 },
    "/dev": { type: "dir", mode: 0o755 },
  };
}
