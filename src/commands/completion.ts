// icp-links completion <bash|zsh|fish>, and the hidden helper the scripts call for values (#6).
import { GLOBAL_OPTIONS, type CommandSpec } from "../command-kit/spec";
import { completionScript, INSTALL, SHELLS, type Shell } from "../command-kit/completion";
import { KINDS } from "../catalog/types";
import { FORMATS } from "../render/formats";
import { sanitize } from "../text/sanitize";
import { UsageError } from "../errors";
import { fold, words } from "../text/fold";

/** `completion`, given the commands it completes (the program's list, which includes it). */
export const completionCommand = (commands: () => CommandSpec<never>[]): CommandSpec<Record<string, never>> => ({
  name: "completion",
  args: "<shell>",
  summary: "print a shell completion script (bash, zsh or fish)",
  options: [],
  examples: SHELLS.map((shell) => INSTALL[shell]),
  async run(ctx, [shell]) {
    if (!SHELLS.includes(shell as Shell)) throw new UsageError(`unknown shell '${shell}'`, `use one of: ${SHELLS.join(", ")}`);
    ctx.out.write(completionScript(shell as Shell, commands(), GLOBAL_OPTIONS));
  },
});

/**
 * A section or speaker completes the word typed so far as the filters match it: case and accents
 * ignored, from the start of the name or of any of its words ("celine", "drij" → "Manu
 * Drijvers"; #12). The shell's quoting (backslashes, quotes) is not part of the word.
 */
export function completes(value: string, typed: string | undefined): boolean {
  const w = words(fold((typed ?? "").replace(/\\(.)/g, "$1").replace(/^['"]/, ""))).join(" ");
  if (!w) return true;
  const v = words(fold(value));
  return v.join(" ").startsWith(w) || v.some((_, i) => v.slice(i).join(" ").startsWith(w));
}

const WHAT = ["ids", "sections", "speakers", "authors", "kinds", "formats"] as const;

/** Values for the completion scripts, one per line: value<TAB>description. Quick: reads through the cache. */
export const complete: CommandSpec<Record<string, never>> = {
  name: "__complete",
  hidden: true,
  args: "<what> [word]",
  summary: "values for shell completion",
  options: [],
  examples: [],
  async run(ctx, [what, word]) {
    // A UsageError, not commander's InvalidArgumentError: thrown from run(), that one ended exit 2 without a word.
    if (!WHAT.includes(what as (typeof WHAT)[number])) throw new UsageError(`unknown values '${what}' to complete`, `use one of: ${WHAT.join(", ")}`);
    const line = (value: string, description = "") => `${sanitize(value).replace(/\t/g, " ")}\t${sanitize(description)}\n`;
    if (what === "kinds") return ctx.out.write(KINDS.map((k) => line(k)).join(""));
    if (what === "formats") return ctx.out.write(FORMATS.map((f) => line(f)).join(""));
    const catalog = await ctx.catalog();
    if (what === "ids") {
      ctx.out.write(catalog.entries.map((e) => line(e.id, e.title)).join("") + catalog.entries.map((e) => line(String(e.position), e.title)).join(""));
    } else if (what === "sections") {
      ctx.out.write([...new Set(catalog.bySection.map((f) => f.name))].filter((name) => completes(name, word)).map((name) => line(name)).join(""));
    } else if (what === "authors") {
      ctx.out.write(catalog.byAuthor.filter((f) => completes(f.name, word)).map((f) => line(f.name, `${f.entries.length} entries`)).join(""));
    } else {
      ctx.out.write(catalog.bySpeaker.filter((f) => completes(f.name, word)).map((f) => line(f.name, `${f.entries.length} talks`)).join(""));
    }
  },
};
