// MurmurHash3 in JavaScript, for the cache file's checksum (#4): a small cache file is checked
// without loading node:crypto, which brings Node's stream modules with it (5–7 ms of a start,
// measured with the hash). io/cache.ts picks it or SHA-1 by the file's length.

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
