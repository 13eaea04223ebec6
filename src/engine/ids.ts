// Ids and random choices. Random by default; with a seed, derived from sha256(seed:counter)
// where the counter lives in the host state, so parallel commands under the lock and replays
// give the same ids.
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import type { HostState } from "./model.js";

export interface RandomSource {
  /** n random bytes. */
  bytes(n: number): Uint8Array;
}

export class IdGenerator {
  constructor(
    private readonly state: HostState,
    private readonly random: RandomSource,
    private readonly seed: string | undefined,
  ) {}

  private next32(): Uint8Array {
    if (this.seed === undefined) return this.random.bytes(32);
    this.state.idCounter += 1;
    return sha256(utf8ToBytes(`${this.seed}:${this.state.idCounter}`));
  }

  /** A 64-hex id whose first 12 characters are not all digits (moby: pkg/stringid). */
  hex64(): string {
    for (;;) {
      const id = bytesToHex(this.next32());
      if (!/^[0-9]{12}/.test(id)) return id;
    }
  }

  /** 0 <= x < 1. */
  float(): number {
    const b = this.next32();
    return ((b[0]! << 16) | (b[1]! << 8) | b[2]!) / 0x1000000;
  }

  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** A random, locally administered unicast MAC (moby 28: netutils.GenerateRandomMAC). */
  mac(): string {
    const b = this.next32().slice(0, 6);
    b[0] = (b[0]! & 0xfe) | 0x02;
    return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join(":");
  }

  uuid(): string {
    const h = bytesToHex(this.next32());
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

export function sha256Hex(text: string | Uint8Array): string {
  return bytesToHex(sha256(typeof text === "string" ? utf8ToBytes(text) : text));
}
