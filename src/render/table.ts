// Aligned columns fitted to the terminal width: long cells are cut with an ellipsis, never wrapped.
import { displayWidth } from "../text/width";

export interface Column {
  /** A name for the fitting steps. */
  key: string;
  cells: string[];
  align?: "left" | "right";
  /** Styles the (already cut) cell; `row` is its index. */
  format?: (cell: string, row: number) => string;
}

/**
 * How a table gives way when it is wider than the terminal, tried in order while it still is:
 * cut a column down to at most `to` columns (only as far as needed), or drop it.
 */
export type FitStep = { key: string; to: number } | { key: string; drop: true };

const ELLIPSIS = "…";

export { displayWidth };

let segmenter: Intl.Segmenter | undefined;

/** Cuts `text` to at most `width` columns, ending with "…" when something was cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return "";
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  let out = "";
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = displayWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return out + ELLIPSIS;
}

/** Lines of the table, one per row, without trailing spaces. Empty columns are left out. */
export function renderTable(columns: Column[], width: number, steps: FitStep[] = [], gap = 2): string[] {
  const rows = columns[0]?.cells.length ?? 0;
  const cols = columns.filter((c) => c.cells.some((cell) => cell !== ""));
  const widths = new Map(cols.map((c) => [c.key, Math.max(0, ...c.cells.map(displayWidth))]));
  const total = () => [...widths.values()].reduce((a, b) => a + b, 0) + gap * Math.max(0, widths.size - 1);
  for (const step of steps) {
    const excess = total() - width;
    if (excess <= 0) break;
    const current = widths.get(step.key);
    if (current === undefined) continue;
    if ("drop" in step) widths.delete(step.key);
    else widths.set(step.key, Math.min(current, Math.max(step.to, current - excess)));
  }
  const shown = cols.filter((c) => widths.has(c.key));
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const parts: string[] = [];
    for (let i = 0; i < shown.length; i++) {
      const c = shown[i]!;
      let w = widths.get(c.key)!;
      const cell = c.cells[r] ?? "";
      // A cell cut short takes the width of the cells after it that are empty in this row (#22):
      // a title beside an empty speaker column is not cut where that column begins. The columns
      // after them stay where they are.
      let joined = i;
      const emptyNext = () => joined + 1 < shown.length && (shown[joined + 1]!.cells[r] ?? "") === "";
      if (c.align !== "right" && emptyNext()) {
        const need = displayWidth(cell);
        while (need > w && emptyNext()) w += gap + widths.get(shown[++joined]!.key)!;
      }
      const cut = truncate(cell, w);
      const styled = c.format ? c.format(cut, r) : cut;
      const fill = " ".repeat(Math.max(0, w - displayWidth(cut)));
      parts.push(c.align === "right" ? fill + styled : joined === shown.length - 1 ? styled : styled + fill);
      i = joined;
    }
    lines.push(parts.join(" ".repeat(gap)).replace(/ +$/, ""));
  }
  return lines;
}
