// Where a replay's transcripts come from: a whole transcript file, or the fenced shell blocks of
// a Markdown file that hold `$ docker ...` / `$ mockdocker ...` lines. Each block is a transcript
// (same syntax) placed at a line offset in the file, so --update can rewrite it in place.
export interface TranscriptBlock {
  /** Index in the file's lines of the block's first line. */
  start: number;
  /** Lines of the block (without the fences). */
  lines: string[];
}

const FENCE = /^\s*(```+|~~~+)/;

export function transcriptBlocks(text: string, markdown: boolean): TranscriptBlock[] {
  const lines = text.split("\n");
  if (!markdown) return [{ start: 0, lines: lines[lines.length - 1] === "" ? lines.slice(0, -1) : lines }];
  const blocks: TranscriptBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    let end = i + 1;
    while (end < lines.length && !lines[end]!.trim().startsWith(fence)) end++;
    const body = lines.slice(i + 1, end);
    if (body.some((l) => /^\$ (docker|mockdocker)(\s|$)/.test(l))) blocks.push({ start: i + 1, lines: body });
    i = end;
  }
  return blocks;
}
