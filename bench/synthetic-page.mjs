// The synthetic pages of the benchmarks: deterministic (seeded), of any number of links, in the
// shapes of the bundled page (talks with speakers, articles, repositories, bare links, front matter).
/** mulberry32: a small seeded generator, so every run benchmarks the same pages. */
export function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const WORDS = "consensus canister chain key cryptography subnet replica boundary node motoko rust candid ledger governance neuron cycles threshold signature bitcoin ethereum identity upgrade state sync message routing execution certified variables bootstrapping resumption peer network nervous system frontend asset storage stable memory timers outcalls http query update agent".split(" ");
const FIRST = "Manu Yvonne Jan Jens Lara Akhi Bogdan David Stefan Yotam Bjorn Joachim Andrea Maria Lucas Chen Aiko Priya Omar Elena".split(" ");
const LAST = "Drijvers Pignolet Camenisch Groth Schmidt Singhania Warinschi Derler Kaestle Harchol Tackmann Breitner Cerulli Rossi Silva Wang Tanaka Patel Haddad Novak".split(" ");

export function page(links, seed) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  const out = ["---", `title: Synthetic page of ${links} links`, "tags: [bench]", "---", ""];
  let section = 0;
  for (let i = 0; i < links; i++) {
    if (i % 50 === 0) out.push("", `## ${cap(words(2))} ${++section}`, "");
    else if (i % 25 === 0) out.push("", `### ${cap(words(1))} talks`, "");
    const kind = rnd();
    const title = `${cap(words(2 + Math.floor(rnd() * 4)))} ${i}`;
    if (kind < 0.3) out.push(`- [${title} / ${pick(FIRST)} ${pick(LAST)}](https://www.youtube.com/watch?v=v${i.toString(36)})`);
    else if (kind < 0.6) out.push(`- [${title}](https://medium.com/dfinity/${title.toLowerCase().replace(/\W+/g, "-")}) - ${cap(words(8))}.`);
    else if (kind < 0.9) out.push(`- [${title}](https://github.com/org${i % 97}/repo-${i}) - ${cap(words(6))}, see [docs](https://docs.example.org/${i}).`);
    else out.push("", `https://example.org/page/${i}`, "");
  }
  return `${out.join("\n")}\n`;
}
