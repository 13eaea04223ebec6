// Compares a help text with the real client's, ignoring description words: the usage line,
// aliases, flag columns (names, value types, alignment), defaults, command names and their
// column, and the fixed closing lines must match.

interface Block {
  title: string;
  lines: string[];
}

function blocks(text: string): Block[] {
  return text
    .replace(/\n$/, "")
    .split("\n\n")
    .map((b) => {
      const lines = b.split("\n");
      return { title: lines[0]!, lines: lines.slice(1) };
    });
}

const flagHead = /^(  -\S, --\S+|      --\S+)( \S+)?( +)/;

export interface FlagEntry {
  column: string;
  def: string | undefined;
}

export function flagEntries(lines: string[]): FlagEntry[] {
  const out: { column: string; text: string[] }[] = [];
  for (const line of lines) {
    const m = flagHead.exec(line);
    if (m && (line.startsWith("  -") || line.startsWith("      --"))) {
      out.push({ column: m[0], text: [line.slice(m[0].length)] });
    } else {
      out.at(-1)!.text.push(line.trim());
    }
  }
  return out.map((e) => ({ column: e.column, def: /\(default ("(?:[^"\\]|\\.)*"|\S+)\)$/.exec(e.text.join(" "))?.[1] }));
}

function commandEntries(lines: string[]): { name: string; column: number }[] {
  return lines.map((l) => {
    const m = /^  (\S+) +/.exec(l)!;
    return { name: m[1]!, column: m[0].length };
  });
}

const isCommandList = (t: string) => /^(Common |Management |Swarm )?Commands:$/.test(t);

/** Returns a list of differences (empty when the layouts agree). */
export function compareHelp(ours: string, real: string): string[] {
  const problems: string[] = [];
  const notice = (t: string) => t.slice(0, t.indexOf("Usage:"));
  if (notice(ours) !== notice(real)) problems.push(`notice: ${JSON.stringify(notice(ours))} != ${JSON.stringify(notice(real))}`);
  const a = blocks(ours.slice(notice(ours).length));
  const b = blocks(real.slice(notice(real).length));
  // Blocks after the usage line up to the first "Title:" section are description paragraphs
  // (the summary and, for cp and a few others, a longer text): their words are ours.
  const isSection = (t: string) => /^[A-Z][A-Za-z ]*:$/.test(t) || t.startsWith("Run '") || t.startsWith("For more");
  const fixed = (bs: Block[]) => {
    const found = bs.findIndex((x, i) => i > 0 && isSection(x.title));
    const firstSection = found < 0 ? bs.length : found;
    return bs.filter((x, i) => (i === 0 || i >= firstSection) && !isCommandList(x.title));
  };
  const fa = fixed(a);
  const fb = fixed(b);
  if (fa.map((x) => x.title).join("|") !== fb.map((x) => x.title).join("|")) {
    problems.push(`sections: ${fa.map((x) => x.title).join("|")} != ${fb.map((x) => x.title).join("|")}`);
    return problems;
  }
  fa.forEach((x, i) => {
    const y = fb[i]!;
    if (x.title.endsWith("Options:")) {
      const ea = JSON.stringify(flagEntries(x.lines));
      const eb = JSON.stringify(flagEntries(y.lines));
      if (ea !== eb) problems.push(`${x.title}\n ours: ${ea}\n real: ${eb}`);
    } else if (x.lines.join("\n") !== y.lines.join("\n")) {
      problems.push(`${x.title}: ${JSON.stringify(x.lines)} != ${JSON.stringify(y.lines)}`);
    }
  });
  for (const x of a.filter((blk) => isCommandList(blk.title))) {
    const y = b.find((blk) => blk.title === x.title);
    if (!y) {
      problems.push(`real help has no ${x.title}`);
      continue;
    }
    const real = commandEntries(y.lines);
    const order = commandEntries(x.lines).map((e) => {
      const idx = real.findIndex((r) => r.name === e.name);
      if (idx < 0) problems.push(`${x.title} ${e.name} not in the real help`);
      else if (real[idx]!.column !== e.column) problems.push(`${x.title} ${e.name} column ${e.column} != ${real[idx]!.column}`);
      return idx;
    });
    if (order.some((v, k) => k > 0 && v < order[k - 1]!)) problems.push(`${x.title} order differs`);
  }
  return problems;
}
