// The hashes of the page cache (#4) and the rule that picks a cache file's checksum: MurmurHash3
// in JavaScript for a small file, SHA-1 for a big one. node:crypto brings Node's stream modules
// with it (5–7 ms of a start, measured with the hash), so it is loaded only when first needed: a
// warm start that finds its page by a seed or a key note, with a small cache file, never loads it.
import type * as Crypto from "node:crypto";
import { createRequire } from "node:module";

let crypto: typeof Crypto | undefined;
/**
 * node:crypto, loaded when a page is hashed or a big cache file checked: it brings Node's stream
 * modules with it, 5–7 ms of a start here with the hash (#4). A page known by its seed or by a
 * key note, with a cache file under JS_CHECKSUM_BELOW, does without.
 */
export const nodeCrypto = (): typeof Crypto => (crypto ??= createRequire(import.meta.url)("node:crypto") as typeof Crypto);

/**
 * Cache files shorter than this are checked with MurmurHash3 in JavaScript, longer ones with
 * SHA-1. Measured here, each in a fresh process, with loading crypto: 5 KB 0.3 ms against 5.4 ms,
 * 300 KB 3.6 against 5.9, 2 MB 5.9 against 6.5, 13 MB 21 against 16 (V8 checks a file before it
 * has optimised the loop, and the optimised loop is slower than SHA-1 in OpenSSL).
 */
export const JS_CHECKSUM_BELOW = 4 << 20;

/**
 * The cache file's checksum, 32 bits: MurmurHash3 or SHA-1 by the length of what it covers, so
 * that writer and reader choose alike.
 */
export const checksum = (bytes: Uint8Array): number =>
  bytes.length < JS_CHECKSUM_BELOW ? murmur3(bytes) : nodeCrypto().createHash("sha1").update(bytes).digest().readUInt32LE(0);

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
  h ^= n;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
