// The results of `check`: a summary with the links that need attention (#5). Pure.
import type { Entry } from "../catalog/types";
import type { CheckResult, CheckState } from "./types";
import { STATES } from "./types";
import { sanitize } from "../text/sanitize";
import { renderTable } from "../render/table";
import type { Style, View } from "../render/style";

export interface CheckedEntry {
  entry: Entry;
  result: CheckResult;
  /** Taken from an earlier run (--max-age). */
  reused: boolean;
}

export function checkJson(c: CheckedEntry) {
  return {
    id: c.entry.id,
    title: c.entry.title,
    url: c.result.url,
    state: c.result.state,
    reason: c.result.reason,
    status: c.result.status ?? null,
    finalUrl: c.result.finalUrl ?? null,
    checkedAt: c.result.checkedAt,
    reused: c.reused,
    // check --archive (#28): {url, timestamp} of the snapshot, null when none or not asked.
    archived: c.result.archived ?? null,
    archiveError: c.result.archiveError ?? null,
  };
}

export function stateStyle(state: CheckState, style: Style): (t: string) => string {
  return state === "ok" ? style.ok : state === "broken" ? style.bad : state === "redirected" || state === "blocked" ? style.warn : style.bad;
}

/** What check --archive found of a link (#28): the snapshot, "no snapshot", the archive's error, or "". */
export function archivedText(result: CheckResult): string {
  if (result.archived) return result.archived.url;
  if (result.archived === null) return "no snapshot";
  return result.archiveError ?? "";
}

export function renderCheckSummary(checked: CheckedEntry[], skipped: { entry: Entry; why: string }[], view: View, interrupted: boolean, archive = false): string {
  const attention = checked.filter((c) => c.result.state !== "ok");
  if (!view.tty) {
    // In a pipe: the links that need attention, tab-separated: id, state, reason, url, final
    // url, and with --archive the snapshot (else "").
    return attention.map((c) => [c.entry.id, c.result.state, c.result.reason, c.result.url, c.result.finalUrl ?? "", ...(archive ? [c.result.archived?.url ?? ""] : [])].map(sanitize).join("\t") + "\n").join("");
  }
  const { style } = view;
  const counts = STATES.map((s) => [s, checked.filter((c) => c.result.state === s).length] as const).filter(([, n]) => n > 0);
  const lines: string[] = [];
  lines.push(
    `${checked.length} ${checked.length === 1 ? "link" : "links"} checked${interrupted ? " before the interruption" : ""}: ` +
      (counts.map(([s, n]) => stateStyle(s, style)(`${n} ${s}`)).join(", ") || "none"),
  );
  if (attention.length > 0) {
    lines.push("");
    lines.push(
      ...renderTable(
        [
          { key: "id", cells: attention.map((c) => sanitize(c.entry.id)), format: (t) => style.id(t) },
          { key: "title", cells: attention.map((c) => sanitize(c.entry.title)) },
          { key: "state", cells: attention.map((c) => c.result.state), format: (t, r) => stateStyle(attention[r]!.result.state, style)(t) },
          { key: "reason", cells: attention.map((c) => sanitize(c.result.reason)), format: (t) => style.dim(t) },
          { key: "final", cells: attention.map((c) => (c.result.finalUrl ? `→ ${sanitize(c.result.finalUrl)}` : "")) },
          ...(archive ? [{ key: "archived", cells: attention.map((c) => sanitize(archivedText(c.result))), format: (t: string, r: number) => (attention[r]!.result.archived ? t : style.dim(t)) }] : []),
        ],
        view.width,
        [{ key: "title", to: 24 }, { key: "final", to: 36 }, { key: "reason", to: 28 }, { key: "title", to: 12 }, { key: "final", to: 20 }, { key: "reason", to: 12 }, ...(archive ? [{ key: "archived", to: 40 }] : [])],
      ),
    );
  }
  for (const s of skipped) lines.push(style.dim(`not checked: ${sanitize(s.entry.id)}: ${sanitize(s.why)}`));
  return `${lines.join("\n")}\n`;
}

/** The marker `list` and `show` give an entry the last check found broken or redirected. */
export function checkMark(result: CheckResult | undefined): string {
  if (!result || (result.state !== "broken" && result.state !== "redirected")) return "";
  return `${result.state} ${result.checkedAt.slice(0, 10)}`;
}
