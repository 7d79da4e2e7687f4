// A page as lines that keep their own endings (#17): editing replaces whole lines and joins the
// rest back byte for byte, so front matter, CRLF or CR endings, a BOM, trailing spaces and every
// line not edited come out as they went in. Pure.

export interface Line {
  text: string;
  /** "\n", "\r\n", "\r", or "" for the last line of a file without a final newline. */
  eol: string;
}

export interface Doc {
  /** A UTF-8 byte order mark, kept apart so that the first line reads as written. */
  bom: string;
  /** Line i is the file's line i + 1. A file ending in a newline ends with an empty line. */
  lines: Line[];
  /** The ending new lines get: the file's first one, "\n" when it has none. */
  eol: string;
}

/** Lines split as the parser counts them: "\r\n", "\r" and "\n" each end a line. */
export function readDoc(text: string): Doc {
  const bom = text.startsWith("\ufeff") ? "\ufeff" : "";
  const body = bom ? text.slice(1) : text;
  const lines: Line[] = [];
  const ending = /\r\n|\r|\n/g;
  let at = 0;
  for (let m = ending.exec(body); m; m = ending.exec(body)) {
    lines.push({ text: body.slice(at, m.index), eol: m[0] });
    at = m.index + m[0].length;
  }
  lines.push({ text: body.slice(at), eol: "" });
  return { bom, lines, eol: lines.find((l) => l.eol)?.eol ?? "\n" };
}

export function writeDoc(doc: Doc): string {
  let out = doc.bom;
  for (const line of doc.lines) out += line.text + line.eol;
  return out;
}

/** Replaces lines [start, end) (0-based) of the original by new ones. */
export interface Splice {
  start: number;
  end: number;
  insert: string[];
}

/**
 * Applies non-overlapping splices made against the same document. New lines get the file's
 * ending; a file without a final newline keeps having none, whichever line is last now.
 */
export function applySplices(doc: Doc, splices: Splice[]): Doc {
  const endsBare = doc.lines.at(-1)!.text !== "";
  const lines = [...doc.lines];
  const ordered = [...splices].sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i]!.end > ordered[i - 1]!.start) throw new Error("overlapping edits");
  }
  for (const s of ordered) lines.splice(s.start, s.end - s.start, ...s.insert.map((text) => ({ text, eol: doc.eol })));
  if (lines.length === 0) lines.push({ text: "", eol: "" });
  // Only the last line may lack an ending; it lacks one exactly when the original's did.
  for (let i = 0; i < lines.length - 1; i++) if (lines[i]!.eol === "") lines[i] = { text: lines[i]!.text, eol: doc.eol };
  const last = lines.length - 1;
  if (endsBare && lines[last]!.eol !== "") lines[last] = { text: lines[last]!.text, eol: "" };
  else if (!endsBare && lines[last]!.text !== "") lines.push({ text: "", eol: "" });
  return { bom: doc.bom, lines, eol: doc.eol };
}

export function isBlank(text: string): boolean {
  return text.trim() === "";
}
