// The cache's checksum (src/cache/checksum.ts): MurmurHash3's reference values, what a checksum
// must catch, and the cache file's checksum (#26).
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checksum, murmur3 } from "../../src/cache/checksum";

const bytes = (text: string) => new TextEncoder().encode(text);
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

describe("murmur3", () => {
  // MurmurHash3_x86_32 with seed 0, as SMHasher and its ports give it.
  it.runIf(LITTLE_ENDIAN).each([
    ["", 0],
    ["a", 0x3c2569b2],
    ["abc", 0xb3dd93fa],
    ["test", 0xba6bd213],
    ["Hello, world!", 0xc0363e43],
    ["The quick brown fox jumps over the lazy dog", 0x2e4ff723],
  ])("is MurmurHash3_x86_32: %j", (text, expected) => {
    expect(murmur3(bytes(text))).toBe(expected);
  });

  it("changes with any one bit, anywhere, including the last bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.nat(), fc.integer({ min: 0, max: 7 }), (data, at, bit) => {
        const copy = Uint8Array.from(data);
        copy[at % copy.length]! ^= 1 << bit;
        expect(murmur3(copy)).not.toBe(murmur3(data));
      }),
    );
  });

  it("changes when bytes are cut off or zeros added", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 8 }), (data, k) => {
        expect(murmur3(data.subarray(0, Math.max(0, data.length - k)))).not.toBe(murmur3(data));
        const longer = new Uint8Array(data.length + k);
        longer.set(data);
        expect(murmur3(longer)).not.toBe(murmur3(data));
      }),
    );
  });

  it("depends on the bytes, not on where they lie in memory (at a multiple of 4)", () => {
    const data = bytes("Inside the Internet Computer: consensus, chain key, NNS");
    const elsewhere = new Uint8Array(data.length + 16).subarray(8, 8 + data.length);
    elsewhere.set(data);
    expect(murmur3(elsewhere)).toBe(murmur3(data));
  });

  it("refuses bytes that do not start at a multiple of 4", () => {
    expect(() => murmur3(new Uint8Array(16).subarray(2))).toThrow(RangeError);
  });
});

describe("checksum", () => {
  it("changes with any one bit, anywhere, including the last bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.nat(), fc.integer({ min: 0, max: 7 }), (data, at, bit) => {
        const copy = Uint8Array.from(data);
        copy[at % copy.length]! ^= 1 << bit;
        expect(checksum(copy)).not.toBe(checksum(data));
      }),
    );
  });

  it("changes with any one word changed, and when bytes are cut off, zeros added or two words swapped", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 300 }), fc.nat(), fc.integer({ min: 1, max: 0xffffffff }), fc.integer({ min: 1, max: 8 }), (data, at, xor, k) => {
        const copy = Uint8Array.from(data);
        const words = new Uint32Array(copy.buffer, 0, copy.length >> 2);
        words[at % words.length]! ^= xor;
        expect(checksum(copy)).not.toBe(checksum(data));
        expect(checksum(data.subarray(0, data.length - k))).not.toBe(checksum(data));
        const longer = new Uint8Array(data.length + k);
        longer.set(data);
        expect(checksum(longer)).not.toBe(checksum(data));
        const swapped = Uint8Array.from(data);
        const w = new Uint32Array(swapped.buffer, 0, swapped.length >> 2);
        if (w[0] !== w[1]) {
          [w[0], w[1]] = [w[1]!, w[0]!];
          expect(checksum(swapped)).not.toBe(checksum(data));
        }
      }),
    );
  });

  it("depends on the bytes, not on where they lie in memory, and needs no node:crypto at any length", () => {
    const data = new Uint8Array(5 << 20).fill(7);
    const elsewhere = new Uint8Array(data.length + 16).subarray(8, 8 + data.length);
    elsewhere.set(data);
    expect(checksum(elsewhere)).toBe(checksum(data));
    expect(checksum(data)).not.toBe(createHash("sha1").update(data).digest().readUInt32LE(0));
  });
});
