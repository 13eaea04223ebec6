// Go strconv.Unquote for the literals a template can contain.

class SyntaxErr extends Error {}

function readEscape(s: string, i: number, quote: string): [string, number] {
  const c = s[i]!;
  const simple: Record<string, string> = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\" };
  if (c in simple) return [simple[c]!, i + 1];
  if (c === quote) return [c, i + 1];
  const hexRun = (n: number): [string, number] => {
    const h = s.slice(i + 1, i + 1 + n);
    if (h.length !== n || !/^[0-9a-fA-F]+$/.test(h)) throw new SyntaxErr();
    const v = parseInt(h, 16);
    if (c === "x") return [String.fromCharCode(v), i + 1 + n];
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new SyntaxErr();
    return [String.fromCodePoint(v), i + 1 + n];
  };
  if (c === "x") return hexRun(2);
  if (c === "u") return hexRun(4);
  if (c === "U") return hexRun(8);
  if (c >= "0" && c <= "7") {
    const o = s.slice(i, i + 3);
    if (!/^[0-7]{3}$/.test(o)) throw new SyntaxErr();
    const v = parseInt(o, 8);
    if (v > 255) throw new SyntaxErr();
    return [String.fromCharCode(v), i + 3];
  }
  throw new SyntaxErr();
}

/** strconv.Unquote; returns undefined on "invalid syntax". */
export function goUnquote(s: string): string | undefined {
  if (s.length < 2) return undefined;
  const q = s[0]!;
  if (q !== s[s.length - 1]) return undefined;
  const body = s.slice(1, -1);
  if (q === "`") return body.includes("`") ? undefined : body.replace(/\r/g, "");
  if (q !== '"' && q !== "'") return undefined;
  try {
    let out = "";
    for (let i = 0; i < body.length; ) {
      const c = body[i]!;
      if (c === q || c === "\n") return undefined;
      if (c === "\\") {
        const [v, next] = readEscape(body, i + 1, q);
        out += v;
        i = next;
      } else {
        const cp = body.codePointAt(i)!;
        const ch = String.fromCodePoint(cp);
        out += ch;
        i += ch.length;
      }
    }
    if (q === "'" && Array.from(out).length !== 1) return undefined;
    return out;
  } catch (e) {
    if (e instanceof SyntaxErr) return undefined;
    throw e;
  }
}
