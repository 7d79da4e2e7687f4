// Shell completion scripts, generated from the command specs (#6): the commands and options
// come from the same declarations as --help, so they never drift. Values that depend on the page
// (ids, sections, speakers, authors) are asked of `icp-links __complete`, which reads through the cache.
import type { CommandSpec, OptionSpec } from "./spec";
import { KINDS } from "../catalog/types";
import { FORMATS } from "../render/formats";

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

interface Flag {
  short?: string;
  long: string;
  /** The option takes a value. */
  value: boolean;
  description: string;
}

function parseFlags(flags: string, description: string): Flag {
  const m = /^(?:-(\w), )?--([\w-]+)( [<[])?/.exec(flags)!;
  return { ...(m[1] ? { short: m[1] } : {}), long: m[2]!, value: Boolean(m[3]), description };
}

const KIND_VALUES = KINDS.join(" ");
const FORMAT_VALUES = FORMATS.join(" ");
/** Which completion an option's value gets. */
/**
 * How each script is installed, for its first line and for `completion --help` (#22): each line
 * makes the folder it writes to, so that it works on a fresh home.
 */
export const INSTALL: Record<Shell, string> = {
  bash: "mkdir -p ~/.local/share/bash-completion/completions && icp-links completion bash > ~/.local/share/bash-completion/completions/icp-links",
  zsh: "mkdir -p ~/.zfunc && icp-links completion zsh > ~/.zfunc/_icp-links   # then add fpath=(~/.zfunc $fpath) before compinit in ~/.zshrc",
  fish: "mkdir -p ~/.config/fish/completions && icp-links completion fish > ~/.config/fish/completions/icp-links.fish",
};

const VALUE_OF: Record<string, string> = { file: "files", output: "files", into: "files", section: "sections", speaker: "speakers", author: "authors", kind: "kinds", format: "formats" };
/** Commands whose arguments are entry refs. */
const REF_COMMANDS = ["open", "show", "check", "done", "undone", "note", "tag", "remove", "move"];
/** Commands whose argument is a file (#28). */
const FILE_COMMANDS = ["import"];

function words(list: string[]): string {
  return list.join(" ");
}

function quoteSingle(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

export function completionScript(shell: Shell, commands: CommandSpec<never>[], globals: OptionSpec[]): string {
  const visible = commands.filter((c) => !c.hidden);
  const global = globals.map((g) => parseFlags(g.flags, g.description));
  const perCommand = visible.map((c) => ({ name: c.name, summary: c.summary, flags: c.options.map((o) => parseFlags(o.flags, o.description)) }));
  const all = [...global, ...perCommand.flatMap((c) => c.flags)];
  const flagNames = (list: Flag[]) => [...new Set(list.flatMap((f) => [...(f.short ? [`-${f.short}`] : []), `--${f.long}`]))];
  const takingValue = (kind: string) => flagNames(all.filter((f) => VALUE_OF[f.long] === kind));
  const freeValue = flagNames(all.filter((f) => f.value && !VALUE_OF[f.long]));
  switch (shell) {
    case "bash":
      return `# bash completion for icp-links. Install: ${INSTALL.bash}
_icp_links_values() {
  local v
  COMPREPLY=()
  # Sections, speakers and authors are matched by icp-links itself, as the filters match (any case, no
  # accents, any word); ids by their start here.
  while IFS=$'\\t' read -r v _; do
    [[ "$1" != ids || "$v" == "$cur"* ]] && COMPREPLY+=("$(printf '%q' "$v")")
  done < <(icp-links "\${files[@]}" __complete "$1" "$cur" 2>/dev/null)
}
_icp_links() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="" i
  local -a files=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      -f|--file) files+=(--file "\${COMP_WORDS[i+1]}"); ((i++)) ;;
      ${[...freeValue, ...takingValue("sections"), ...takingValue("speakers"), ...takingValue("authors"), ...takingValue("kinds"), ...takingValue("formats"), "-o", "--output"].join("|")}) ((i++)) ;;
      -*) ;;
      *) [[ -z "$cmd" ]] && cmd="\${COMP_WORDS[i]}" ;;
    esac
  done
  case "$prev" in
    ${takingValue("files").join("|")}) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    ${takingValue("sections").join("|")}) _icp_links_values sections; return ;;
    ${takingValue("speakers").join("|")}) _icp_links_values speakers; return ;;
    ${takingValue("authors").join("|")}) _icp_links_values authors; return ;;
    ${takingValue("kinds").join("|")}) COMPREPLY=($(compgen -W "${KIND_VALUES}" -- "$cur")); return ;;
    ${takingValue("formats").join("|")}) COMPREPLY=($(compgen -W "${FORMAT_VALUES}" -- "$cur")); return ;;
    ${freeValue.join("|")}) return ;;
  esac
  if [[ "$cur" == -* ]]; then
    case "$cmd" in
${perCommand.map((c) => `      ${c.name}) COMPREPLY=($(compgen -W "${words([...flagNames(c.flags), ...flagNames(global)])}" -- "$cur")) ;;`).join("\n")}
      *) COMPREPLY=($(compgen -W "${words(flagNames(global))}" -- "$cur")) ;;
    esac
    return
  fi
  case "$cmd" in
    "") COMPREPLY=($(compgen -W "${words(perCommand.map((c) => c.name))}" -- "$cur")) ;;
    ${REF_COMMANDS.join("|")}) _icp_links_values ids ;;
    ${FILE_COMMANDS.join("|")}) COMPREPLY=($(compgen -f -- "$cur")) ;;
    completion) COMPREPLY=($(compgen -W "${SHELLS.join(" ")}" -- "$cur")) ;;
  esac
}
complete -F _icp_links icp-links
`;
    case "zsh":
      return `#compdef icp-links
# zsh completion for icp-links. Install: ${INSTALL.zsh}
_icp_links_values() {
  local -a lines
  lines=("\${(@f)$(icp-links $files __complete $1 "$PREFIX" 2>/dev/null)}")
  lines=("\${(@)lines//:/\\\\:}")
  lines=("\${(@)lines//$'\\t'/:}")
  _describe -t values $1 lines
}
_icp_links() {
  local -a files
  local cmd i
  for ((i = 2; i < CURRENT; i++)); do
    case \${words[i]} in
      -f|--file) files+=(--file \${words[i+1]}); ((i++)) ;;
      ${[...freeValue, ...takingValue("sections"), ...takingValue("speakers"), ...takingValue("authors"), ...takingValue("kinds"), ...takingValue("formats"), "-o", "--output"].join("|")}) ((i++)) ;;
      -*) ;;
      *) [[ -z $cmd ]] && cmd=\${words[i]} ;;
    esac
  done
  case \${words[CURRENT-1]} in
    ${takingValue("files").join("|")}) _files; return ;;
    ${takingValue("sections").join("|")}) _icp_links_values sections; return ;;
    ${takingValue("speakers").join("|")}) _icp_links_values speakers; return ;;
    ${takingValue("authors").join("|")}) _icp_links_values authors; return ;;
    ${takingValue("kinds").join("|")}) compadd -- ${KIND_VALUES}; return ;;
    ${takingValue("formats").join("|")}) compadd -- ${FORMAT_VALUES}; return ;;
    ${freeValue.join("|")}) return ;;
  esac
  if [[ $PREFIX == -* ]]; then
    case $cmd in
${perCommand.map((c) => `      ${c.name}) compadd -- ${words([...flagNames(c.flags), ...flagNames(global)])} ;;`).join("\n")}
      *) compadd -- ${words(flagNames(global))} ;;
    esac
    return
  fi
  case $cmd in
    "")
      local -a commands
      commands=(${perCommand.map((c) => quoteSingle(`${c.name}:${c.summary.replace(/:/g, "\\:")}`)).join(" ")})
      _describe -t commands command commands ;;
    ${REF_COMMANDS.join("|")}) _icp_links_values ids ;;
    ${FILE_COMMANDS.join("|")}) _files ;;
    completion) compadd -- ${SHELLS.join(" ")} ;;
  esac
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then _icp_links "$@"; else compdef _icp_links icp-links; fi
`;
    case "fish": {
      const lines = [
        `# fish completion for icp-links. Install: ${INSTALL.fish}`,
        "complete -c icp-links -f",
        ...perCommand.map((c) => `complete -c icp-links -n __fish_use_subcommand -a ${c.name} -d ${quoteSingle(c.summary)}`),
        `complete -c icp-links -n '__fish_seen_subcommand_from ${REF_COMMANDS.join(" ")}' -a '(icp-links __complete ids 2>/dev/null)'`,
        `complete -c icp-links -n '__fish_seen_subcommand_from ${FILE_COMMANDS.join(" ")}' -F`,
        `complete -c icp-links -n '__fish_seen_subcommand_from completion' -a '${SHELLS.join(" ")}'`,
      ];
      const fishFlag = (f: Flag, condition?: string) => {
        const parts = ["complete -c icp-links"];
        if (condition) parts.push(`-n '__fish_seen_subcommand_from ${condition}'`);
        if (f.short) parts.push(`-s ${f.short}`);
        parts.push(`-l ${f.long}`);
        const kind = VALUE_OF[f.long];
        if (kind === "files") parts.push("-r -F");
        else if (kind === "sections" || kind === "speakers" || kind === "authors") parts.push(`-x -a '(icp-links __complete ${kind} (commandline -ct) 2>/dev/null)'`);
        else if (kind === "kinds") parts.push(`-x -a '${KIND_VALUES}'`);
        else if (kind === "formats") parts.push(`-x -a '${FORMAT_VALUES}'`);
        else if (f.value) parts.push("-x");
        parts.push(`-d ${quoteSingle(f.description)}`);
        return parts.join(" ");
      };
      for (const f of global) lines.push(fishFlag(f));
      const seen = new Set<string>();
      for (const c of perCommand) {
        for (const f of c.flags) {
          const users = perCommand.filter((x) => x.flags.some((y) => y.long === f.long)).map((x) => x.name);
          if (seen.has(f.long)) continue;
          seen.add(f.long);
          lines.push(fishFlag(f, users.join(" ")));
        }
      }
      return `${lines.join("\n")}\n`;
    }
  }
}
