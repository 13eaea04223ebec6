// wget's command line, shared by the busybox and GNU flavours.

export interface WgetOptions {
  quiet: boolean;
  output?: string;
  dir?: string;
  serverResponse: boolean;
  spider: boolean;
  userAgent?: string;
  timeout?: number;
  headers: string[];
  continue: boolean;
  urls: string[];
}

const VALUE_SHORT = "OoPYUTt";
const LONG: Record<string, string> = {
  "output-document": "O", "output-file": "o", "directory-prefix": "P", proxy: "Y", "user-agent": "U",
  timeout: "T", tries: "t", header: "header", "post-data": "post", "post-file": "post",
};
const LONG_BOOL: Record<string, string> = {
  quiet: "q", continue: "c", "server-response": "S", spider: "spider", "no-check-certificate": "", "no-verbose": "nv",
};

/** Parses wget's options; a string is the option it rejects. */
export function parseWget(args: string[]): WgetOptions | { bad: string } {
  const o: WgetOptions = { quiet: false, serverResponse: false, spider: false, headers: [], continue: false, urls: [] };
  const set = (key: string, value: string) => {
    if (key === "O") o.output = value;
    else if (key === "P") o.dir = value;
    else if (key === "U") o.userAgent = value;
    else if (key === "T") o.timeout = Number(value);
    else if (key === "header") o.headers.push(value);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith("--") && a.length > 2) {
      const eq = a.indexOf("=");
      const name = a.slice(2, eq < 0 ? undefined : eq);
      if (name in LONG_BOOL) {
        const k = LONG_BOOL[name]!;
        if (k === "q" || k === "nv") o.quiet = true;
        else if (k === "c") o.continue = true;
        else if (k === "S") o.serverResponse = true;
        else if (k === "spider") o.spider = true;
        continue;
      }
      if (!(name in LONG)) return { bad: a };
      const value = eq >= 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined) return { bad: a };
      set(LONG[name]!, value);
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        if (VALUE_SHORT.includes(f)) {
          const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (value === undefined) return { bad: `-${f}` };
          set(f, value);
          break;
        }
        if (f === "q") o.quiet = true;
        else if (f === "c") o.continue = true;
        else if (f === "S") o.serverResponse = true;
        else return { bad: `-${f}` };
      }
      continue;
    }
    o.urls.push(a);
  }
  return o;
}
