// Detach keys (moby/term: ascii.go ToBytes, proxy.go EscapeProxy): "ctrl-p,ctrl-q" by default,
// a comma-separated list of single characters or ctrl-<key> names.

export const DEFAULT_DETACH_KEYS = "ctrl-p,ctrl-q";

/** ctrl-@ is 0, ctrl-a 1 ... ctrl-z 26, then ctrl-[ ctrl-\ ctrl-] ctrl-^ ctrl-_ (27-31). */
const CTRL = "@abcdefghijklmnopqrstuvwxyz[\\]^_";

/** term.ToBytes; throws with its message for an unknown key. */
export function detachKeyBytes(keys: string): number[] {
  const codes: number[] = [];
  for (const key of keys.split(",")) {
    if ([...key].length === 1) {
      codes.push(key.charCodeAt(0) & 0xff);
      continue;
    }
    const m = /^ctrl-(.)$/i.exec(key);
    const code = m ? CTRL.indexOf(m[1]!.toLowerCase()) : -1;
    if (code < 0) throw new Error(`Unknown character: '${key}'`);
    codes.push(code);
  }
  return codes;
}

/**
 * term.EscapeProxy: bytes that start the detach sequence are held back; a byte that breaks it
 * lets them through; the whole sequence detaches (and nothing of it is passed on).
 */
export class EscapeProxy {
  private held: number[] = [];

  constructor(private readonly keys: number[]) {}

  /** Returns the bytes to pass on, and whether the sequence completed (the rest is dropped). */
  push(bytes: Uint8Array): { pass: Uint8Array; detach: boolean } {
    const out: number[] = [];
    for (const b of bytes) {
      if (this.keys.length > 0 && b === this.keys[this.held.length]) {
        this.held.push(b);
        if (this.held.length === this.keys.length) {
          this.held = [];
          return { pass: Uint8Array.from(out), detach: true };
        }
        continue;
      }
      out.push(...this.held, b);
      this.held = [];
    }
    return { pass: Uint8Array.from(out), detach: false };
  }
}
