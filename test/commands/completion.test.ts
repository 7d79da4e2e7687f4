// completion and its hidden helper __complete, in process (#6, #15): each script names every
// visible command, the kinds and the formats, and asks __complete for the values of the page.
// The scripts loaded in real shells are test/e2e/completion.e2e.test.ts's.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/context";
import { SEED } from "../helpers/pages";
import { COMMANDS } from "../../src/program";
import { KINDS } from "../../src/catalog/types";
import { FORMATS } from "../../src/render/formats";

const page = readFileSync(SEED, "utf8");
const VISIBLE = ["list", "search", "open", "show", "pick", "sections", "speakers", "authors", "events", "years", "check", "enrich", "export", "import", "done", "undone", "next", "random", "recent", "note", "tag", "state", "add", "remove", "move", "completion"];

describe("completion", () => {
  it("knows every visible command of the program, and only those", () => {
    expect(COMMANDS.filter((c) => !c.hidden).map((c) => c.name)).toEqual(VISIBLE);
  });

  // How each shell lists the commands and the values of --kind and --format.
  const commandsOf: Record<string, (script: string) => string[]> = {
    bash: (s) => /"\) COMPREPLY=\(\$\(compgen -W "([^"]+)"/.exec(s)![1]!.split(" "),
    zsh: (s) => [.../commands=\(([^\n]+)\)\n/.exec(s)![1]!.matchAll(/'([\w-]+):/g)].map((m) => m[1]!),
    fish: (s) => [...s.matchAll(/^complete -c icp-links -n __fish_use_subcommand -a ([\w-]+) /gm)].map((m) => m[1]!),
  };
  const kindsOf: Record<string, (script: string) => string[]> = {
    bash: (s) => /-k\|--kind\) COMPREPLY=\(\$\(compgen -W "([^"]+)"/.exec(s)![1]!.split(" "),
    zsh: (s) => /-k\|--kind\) compadd -- ([^;]+);/.exec(s)![1]!.split(" "),
    fish: (s) => /-s k -l kind -x -a '([^']+)'/.exec(s)![1]!.split(" "),
  };
  const formatsOf: Record<string, (script: string) => string[]> = {
    bash: (s) => /-F\|--format\) COMPREPLY=\(\$\(compgen -W "([^"]+)"/.exec(s)![1]!.split(" "),
    zsh: (s) => /-F\|--format\) compadd -- ([^;]+);/.exec(s)![1]!.split(" "),
    fish: (s) => /-s F -l format -x -a '([^']+)'/.exec(s)![1]!.split(" "),
  };

  it.each(["bash", "zsh", "fish"])("%s: every command, the kinds and the formats; values asked of __complete", async (shell) => {
    const r = await runInProcess(["completion", shell], page);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(commandsOf[shell]!(r.stdout)).toEqual(VISIBLE);
    expect(kindsOf[shell]!(r.stdout)).toEqual([...KINDS]);
    expect(formatsOf[shell]!(r.stdout)).toEqual([...FORMATS]);
    for (const what of ["ids", "sections", "speakers", "authors"]) expect(r.stdout).toContain(shell === "fish" ? `icp-links __complete ${what}` : `_icp_links_values ${what}`);
    if (shell !== "fish") expect(r.stdout).toContain(shell === "bash" ? `icp-links "\${files[@]}" __complete "$1" "$cur"` : `icp-links $files __complete $1 "$PREFIX"`);
    // import's argument is a file (#28); its --section completes the page's sections.
    expect(r.stdout).toContain({ bash: 'import) COMPREPLY=($(compgen -f -- "$cur")) ;;', zsh: "import) _files ;;", fish: "complete -c icp-links -n '__fish_seen_subcommand_from import' -F" }[shell]);
    // The hidden helper is never offered as a command.
    expect(commandsOf[shell]!(r.stdout)).not.toContain("__complete");
  });

  it("each script starts as its shell expects", async () => {
    expect((await runInProcess(["completion", "bash"], page)).stdout).toMatch(/^# bash completion for icp-links\.[^\n]*\n[\s\S]*\ncomplete -F _icp_links icp-links\n$/);
    expect((await runInProcess(["completion", "zsh"], page)).stdout).toMatch(/^#compdef icp-links\n/);
    expect((await runInProcess(["completion", "fish"], page)).stdout).toMatch(/^# fish completion for icp-links\.[^\n]*\ncomplete -c icp-links -f\n/);
  });

  it.each([
    [["completion", "tcsh"], "icp-links: unknown shell 'tcsh' (use one of: bash, zsh, fish)\n"],
    [["completion"], "icp-links: missing required argument 'shell' (see 'icp-links --help')\n"],
  ])("%j is a usage error, exit 2", async (argv, stderr) => {
    const r = await runInProcess(argv, page);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(stderr);
  });
});

describe("__complete", () => {
  it.each([
    [["kinds"], KINDS.map((k) => `${k}\t\n`).join("")],
    [["formats"], FORMATS.map((f) => `${f}\t\n`).join("")],
    [["sections", "you"], "YouTube\t\n"],
    [["sections", "in-s"], "In-site Pages\t\n"],
    [["sections", "'commu"], "Community Conversations\t\n"],
    [["speakers", "drij"], "Manu Drijvers\t2 talks\n"],
    [["speakers", "Manu\\ D"], "Manu Drijvers\t2 talks\n"],
    [["speakers", "zzz"], ""],
  ])("%j", async (args, stdout) => {
    const r = await runInProcess(["__complete", ...args], page);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(stdout);
  });

  it("ids: each id with its title, then each position", async () => {
    const r = await runInProcess(["__complete", "ids"], page);
    const lines = r.stdout.split("\n").filter(Boolean);
    expect(lines).toHaveLength(52);
    expect(lines.slice(0, 2)).toEqual(["internet-computer-technology\tInternet Computer Technology", "achieving-consensus-on-the\tAchieving Consensus on the Internet Computer"]);
    expect(lines.slice(26, 28)).toEqual(["1\tInternet Computer Technology", "2\tAchieving Consensus on the Internet Computer"]);
    expect(lines.at(-1)).toBe("26\tRoadmap");
  });

  it("matches sections and speakers as the filters do: any case, no accents, any word", async () => {
    const accents = "## Éléments de base\n\n- [A talk / Céline Dion](https://www.youtube.com/watch?v=abc)\n- [Another / Manu Drijvers](https://www.youtube.com/watch?v=def)\n";
    const values = async (...args: string[]) => (await runInProcess(["__complete", ...args], accents)).stdout;
    expect(await values("speakers", "celine")).toBe("Céline Dion\t1 talks\n");
    expect(await values("speakers", "DION")).toBe("Céline Dion\t1 talks\n");
    expect(await values("sections", "elements")).toBe("Éléments de base\t\n");
    expect(await values("sections", "base")).toBe("Éléments de base\t\n");
  });

  it("authors (#23): a paper list's authors, matched as speakers are", async () => {
    const papers = "## Papers\n\n- [Paxos Made Simple](https://lamport.azurewebsites.net/pubs/paxos-simple.pdf), Leslie Lamport, 2001\n- [Raft](https://raft.github.io/raft.pdf), Diego Ongaro and John Ousterhout, 2014\n";
    const values = async (...args: string[]) => (await runInProcess(["__complete", ...args], papers)).stdout;
    expect(await values("authors", "ouster")).toBe("John Ousterhout\t1 entries\n");
    expect(await values("authors", "zzz")).toBe("");
  });

  it("an unknown kind of value is a usage error, exit 2", async () => {
    const r = await runInProcess(["__complete", "colours"], page);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("icp-links: unknown values 'colours' to complete (use one of: ids, sections, speakers, authors, kinds, formats)\n");
  });
});
