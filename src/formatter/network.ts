// docker network ls rows (docker/cli v28: cli/command/network/formatter.go networkContext,
// NewFormat, FormatWrite).
import type { NetworkSummary } from "../client/api.js";
import { naturalLess } from "./container.js";
import { DEFAULT_QUIET_FORMAT, marshalContext, RAW_FORMAT_KEY, renderContexts, TABLE_FORMAT_KEY } from "./format.js";
import { truncateId, joinLabels } from "./strings.js";
import { GO_TYPE } from "./template/index.js";

export const defaultNetworkTableFormat = "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}";

export const networkHeaders: Readonly<Record<string, string>> = {
  ID: "NETWORK ID",
  Name: "NAME",
  Driver: "DRIVER",
  Scope: "SCOPE",
  IPv4: "IPV4",
  IPv6: "IPV6",
  Internal: "INTERNAL",
  Labels: "LABELS",
  CreatedAt: "CREATED AT",
};

const jsonFields = Object.keys(networkHeaders);

export function newNetworkFormat(source: string, quiet: boolean): string {
  if (source === TABLE_FORMAT_KEY) return quiet ? DEFAULT_QUIET_FORMAT : defaultNetworkTableFormat;
  if (source === RAW_FORMAT_KEY) {
    return quiet ? "network_id: {{.ID}}" : "network_id: {{.ID}}\nname: {{.Name}}\ndriver: {{.Driver}}\nscope: {{.Scope}}\n";
  }
  return source;
}

/** Go's time.Time.String() of an RFC 3339 instant in UTC, as the client decoded it. */
function timeString(rfc3339: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}(?:\.\d+)?)Z$/.exec(rfc3339);
  return m ? `${m[1]} ${m[2]} +0000 UTC` : rfc3339;
}

export class NetworkContext {
  readonly [GO_TYPE] = "*network.networkContext";
  readonly #n: NetworkSummary;
  readonly #trunc: boolean;

  constructor(n: NetworkSummary, trunc: boolean) {
    this.#n = n;
    this.#trunc = trunc;
  }

  ID(): string {
    return this.#trunc ? truncateId(this.#n.Id) : this.#n.Id;
  }

  Name(): string {
    return this.#n.Name;
  }

  Driver(): string {
    return this.#n.Driver;
  }

  Scope(): string {
    return this.#n.Scope;
  }

  IPv4(): string {
    return String(this.#n.EnableIPv4);
  }

  IPv6(): string {
    return String(this.#n.EnableIPv6);
  }

  Internal(): string {
    return String(this.#n.Internal);
  }

  Labels(): string {
    return joinLabels(this.#n.Labels);
  }

  Label(name: string): string {
    return this.#n.Labels?.[name] ?? "";
  }

  CreatedAt(): string {
    return timeString(this.#n.Created);
  }

  MarshalJSON(): string {
    return marshalContext(this, jsonFields);
  }
}

export interface NetworkListFormat {
  /** "table", "raw", "json" or a template. */
  format: string;
  quiet: boolean;
  trunc: boolean;
}

/** list.go: rows sorted by name (natural order), then FormatWrite. Throws FormatError. */
export function formatNetworks(networks: readonly NetworkSummary[], opts: NetworkListFormat): string {
  const sorted = [...networks].sort((a, b) => (naturalLess(a.Name, b.Name) ? -1 : naturalLess(b.Name, a.Name) ? 1 : 0));
  return renderContexts({
    format: newNetworkFormat(opts.format, opts.quiet),
    contexts: sorted.map((n) => new NetworkContext(n, opts.trunc)),
    header: networkHeaders,
  });
}
