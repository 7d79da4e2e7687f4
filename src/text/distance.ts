// Optimal string alignment distance (Levenshtein plus adjacent transposition), cut off at `max`:
// returns max + 1 as soon as the distance must exceed it, so a scan over many words stays cheap.
// Its three rows are kept between calls: a typo search compares a word with thousands of the
// catalog's words, and three arrays made per comparison were most of its cost (40 ms of a search
// of 100,000 links for a five-digit number, #26).
let rows = new Int32Array(3 * 64);

/** The distance of `a` from `b`, or from b's first `bLength` units when given (a word's start: no copy of it made). */
export function editDistance(a: string, b: string, max: number, bLength = b.length): number {
  const n = Math.min(b.length, bLength);
  if (Math.abs(a.length - n) > max) return max + 1;
  if (n === b.length && a === b) return 0;
  const width = n + 1;
  if (rows.length < 3 * width) rows = new Int32Array(3 * width * 2);
  // Three rows of one array, turned round by offset: the one before last, the last, this one.
  let prevPrev = 0;
  let prev = width;
  let row = 2 * width;
  for (let j = 0; j <= n; j++) {
    rows[prevPrev + j] = 0;
    rows[prev + j] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    rows[row] = i;
    let best = i;
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(rows[prev + j]! + 1, rows[row + j - 1]! + 1, rows[prev + j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) v = Math.min(v, rows[prevPrev + j - 2]! + 1);
      rows[row + j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    const oldest = prevPrev;
    prevPrev = prev;
    prev = row;
    row = oldest;
  }
  const d = rows[prev + n]!;
  return d > max ? max + 1 : d;
}
