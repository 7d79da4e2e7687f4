// Word forms (#24): "scheduler" and the section "Scheduling", "loader" and "Image Loading",
// "parser" and "Parsing", "modelling" and "modeling" are one word to a person searching. A light
// suffix stripper (English), not a dictionary: two words are forms of each other when their
// stems are equal. Only letters a-z; a stem keeps at least STEM_MIN letters, so that short
// words ("user", "test", "go") stay themselves.

/** The fewest letters a stem keeps. */
export const STEM_MIN = 4;

/** Suffixes stripped, longest first (one of them, once). */
const SUFFIXES = ["ations", "ation", "ings", "ing", "ers", "er", "ions", "ion", "ors", "or", "ied", "ies", "ed", "es", "s"] as const;

/** The stem of a folded word, or undefined when it has none (not a-z, too short, or a word no suffix is stripped from). */
export function stem(word: string): string | undefined {
  if (word.length < STEM_MIN + 1 || !/^[a-z]+$/.test(word)) return undefined;
  let w = word;
  // "class", "process", "status", "analysis": no plural to strip.
  if (!/(?:ss|us|is)$/.test(w)) {
    for (const suffix of SUFFIXES) {
      if (w.endsWith(suffix) && w.length - suffix.length >= STEM_MIN) {
        w = w.slice(0, w.length - suffix.length);
        break;
      }
    }
  }
  // "schedule"/"schedul-er", "parse"/"pars-ing"; "library"/"librar-ies" (y and i as one letter).
  if (w.length > STEM_MIN && (w.endsWith("e") || w.endsWith("y") || w.endsWith("i"))) w = w.slice(0, -1);
  // "modell-ing"/"model", "mapp-ing"/"map" (a doubled last consonant).
  if (w.length > STEM_MIN && w[w.length - 1] === w[w.length - 2] && !/[aeiou]/.test(w[w.length - 1]!)) w = w.slice(0, -1);
  return w;
}

/**
 * The singular of a short plural that stem() leaves alone ("orms" is "orm", "apis" "api", "guis"
 * "gui"): a word of 3 or 4 letters a-z ending in one "s" (not "ss", "us"). Undefined for any
 * other word. Matched only as a whole word: "orm" is no start of "ormolu" for "orms".
 */
export function singular(word: string): string | undefined {
  if (word.length < 3 || word.length > STEM_MIN || !/^[a-z]+s$/.test(word) || /(?:ss|us)$/.test(word)) return undefined;
  return word.slice(0, -1);
}

/**
 * The word in the other spelling of English (#24): "dialogue" and "dialog", "colour" and "color",
 * "optimise" and "optimize", "analyse" and "analyze", "centre" and "center", "licence" and
 * "license" are one word to a person searching, and pages write either. Only endings that the two
 * spellings are known to differ by, on words of five letters or more; a-z only. Empty when the
 * word has no other spelling.
 */
export function spellings(word: string): string[] {
  if (word.length < 5 || !/^[a-z]+$/.test(word)) return [];
  const out: string[] = [];
  for (const [a, b] of SPELLINGS) if (a.test(word)) out.push(word.replace(a, b));
  return out.filter((w) => w !== word && w.length >= 4);
}

/** Pairs of endings, each way: the first pattern's match becomes the second's text ($n its groups). */
const SPELLINGS: [RegExp, string][] = [
  [/(?<=\w{3})our(s|ed|ing|ful|ite|ites|less|able)?$/, "or$1"],
  [/(?<=^(?:col|behavi|fav|flav|hon|hum|lab|neighb|rum|harb|vap|arm|sav|endeav|parl|vig|od|val|splend|glam|cand))or(s|ed|ing|ful|ite|ites|less|able)?$/, "our$1"],
  [/(?<=\w{3})ogues?$/, "og"],
  [/(?<=\w{3})og(s)?$/, "ogue$1"],
  [/(?<=\w{3})is(e|es|ed|ing|er|ers|ation|ations)$/, "iz$1"],
  [/(?<=\w{3})iz(e|es|ed|ing|er|ers|ation|ations)$/, "is$1"],
  [/(?<=\w{2})ys(e|es|ed|ing|er|ers)$/, "yz$1"],
  [/(?<=\w{2})yz(e|es|ed|ing|er|ers)$/, "ys$1"],
  [/(?<=^(?:cen|thea|fib|li|me|calib|spec|lus|sab|mi))tre(s|d)?$/, "ter$1"],
  [/(?<=^(?:cen|thea|fib|li|me|calib|spec|lus|sab|mi))ter(s|ed)?$/, "tre$1"],
  [/(?<=^(?:lic|def|off|pret))ence(s)?$/, "ense$1"],
  [/(?<=^(?:lic|def|off|pret))ense(s)?$/, "ence$1"],
];
