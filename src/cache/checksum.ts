// The hashes of the page cache (#4): a cache file's checksum, and MurmurHash3 for the names of
// its files. node:crypto (the pages' keys) brings Node's stream modules with it (5–7 ms of a start,
// measured with the hash), so it is loaded only when first needed: a warm start that finds its
// page by a seed or a key note never loads it.
import type * as Crypto from "node:crypto";
import { createRequire } from "node:module";

let crypto: typeof Crypto | undefined;
/**
 * node:crypto, loaded when a page is hashed: it brings Node's stream modules with it, 5–7 ms of a
 * start here with the hash (#4). A page known by its seed or by a key note does without.
 */
export const nodeCrypto = (): typeof Crypto => (crypto ??= createRequire(import.meta.url)("node:crypto") as typeof Crypto);

/**
 * The cache file's checksum, 32 bits, of a block of any length (#26): each 32-bit word folded into
 * one of two lanes by an xor and a multiplication by an odd number (a bijection, so one changed
 * word always changes the result), the trailing bytes and the length mixed in, then MurmurHash3's
 * finaliser. Integrity against accidents (a damaged or cut file), not attackers. Measured here on
 * a 33 MB cache file: 11-15 ms, against 43-46 for MurmurHash3 in JavaScript and 43 for SHA-1 with
 * loading node:crypto, which a warm run now never loads for a checksum.
 */
export function checksum(bytes: Uint8Array): number {
  const n = bytes.length;
  const count = n >> 2;
  const words = new Int32Array(bytes.buffer, bytes.byteOffset, count);
  let a = 0;
  let b = 0x9e3779b9 | 0;
  let i = 0;
  for (; i + 1 < count; i += 2) {
    a = Math.imul(a ^ words[i]!, 0x01000193);
    b = Math.imul(b ^ words[i + 1]!, 0x85ebca6b);
  }
  if (i < count) a = Math.imul(a ^ words[i]!, 0x01000193);
  if (n & 3) {
    let k = 0;
    for (let j = n - 1; j >= count * 4; j--) k = (k << 8) | bytes[j]!;
    b = Math.imul(b ^ k, 0x85ebca6b);
  }
  return mix(a ^ Math.imul(b, 0xc2b2ae35) ^ n);
}

const C1 = 0xcc9e2d51 | 0;
const C2 = 0x1b873593;

/**
 * MurmurHash3 (x86, 32 bits, seed 0) of the bytes, their words read in the machine's byte order
 * (little-endian almost everywhere, where it is MurmurHash3 exactly). Against accidents (a
 * damaged or cut file), not attackers. The bytes must start at a multiple of 4 in their buffer
 * (a RangeError otherwise): the cache format keeps its checksummed part so.
 */
export function murmur3(bytes: Uint8Array): number {
  const n = bytes.length;
  const count = n >> 2;
  const words = new Int32Array(bytes.buffer, bytes.byteOffset, count);
  let h = 0;
  // The mixing step is written out, not called: a start checks a small file before V8 has
  // optimised anything, and a call per word doubles the time its interpreter takes.
  for (let i = 0; i < count; i++) {
    let k = Math.imul(words[i]!, C1);
    k = Math.imul((k << 15) | (k >>> 17), C2);
    h ^= k;
    h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
  }
  // The last 1–3 bytes, little-endian, mixed in without the rotation.
  if (n & 3) {
    let k = 0;
    for (let j = n - 1; j >= count * 4; j--) k = (k << 8) | bytes[j]!;
    k = Math.imul(k, C1);
    h ^= Math.imul((k << 15) | (k >>> 17), C2);
  }
  return mix(h ^ n);
}

/** MurmurHash3's finaliser: every bit of the input moves every bit of the result. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
