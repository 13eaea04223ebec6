// docker search rows (docker/cli v28: cli/command/registry/formatter_search.go).
import type { SearchResultDto } from "../client/api.js";
import { marshalContext, renderContexts, TABLE_FORMAT_KEY } from "./format.js";
import { ellipsis } from "./strings.js";
import { GO_TYPE } from "./template/index.js";

export const defaultSearchTableFormat = "table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}";

const searchHeaders: Readonly<Record<string, string>> = {
  Name: "NAME",
  Description: "DESCRIPTION",
  StarCount: "STARS",
  IsOfficial: "OFFICIAL",
};

export class SearchContext {
  readonly [GO_TYPE] = "*registry.searchContext";
  readonly #r: SearchResultDto;
  readonly #trunc: boolean;
  #json = false;

  constructor(r: SearchResultDto, trunc: boolean) {
    this.#r = r;
    this.#trunc = trunc;
  }

  Name(): string {
    return this.#r.name;
  }

  Description(): string {
    const desc = this.#r.description.replace(/\n/g, " ").replace(/\r/g, " ");
    return this.#trunc ? ellipsis(desc, 45) : desc;
  }

  StarCount(): string {
    return String(this.#r.star_count);
  }

  IsOfficial(): string {
    if (this.#json) return this.#r.is_official ? "true" : "false";
    return this.#r.is_official ? "[OK]" : "";
  }

  MarshalJSON(): string {
    this.#json = true;
    try {
      return marshalContext(this, ["Description", "IsOfficial", "Name", "StarCount"]);
    } finally {
      this.#json = false;
    }
  }
}

/** Throws FormatError. */
export function formatSearch(results: readonly SearchResultDto[], opts: { format: string; trunc: boolean }): string {
  const format = opts.format === "" || opts.format === TABLE_FORMAT_KEY ? defaultSearchTableFormat : opts.format;
  return renderContexts({ format, contexts: results.map((r) => new SearchContext(r, opts.trunc)), header: searchHeaders });
}
