// Completion scripts, loaded in the real shells (#6).
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, run } from "../helpers/cli";
import { ROOT } from "../helpers/pages";
import { tempDir } from "../helpers/temp";

const has = (shell: string) => spawnSync(shell, ["-c", "exit 0"]).status === 0;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = tempDir("icp-links-completion-");
  // The scripts call `icp-links` by name: put the built binary on PATH.
  symlinkSync(BIN, join(dir, "icp-links"));
  // A UTF-8 locale, as users have: in the C locale bash quotes "Céline" as $'C\303\251line'.
  env = { PATH: `${dir}:${process.env.PATH}`, HOME: dir, XDG_CACHE_HOME: join(dir, ".cache"), XDG_CONFIG_HOME: join(dir, ".config"), LANG: "C.UTF-8" };
  for (const shell of ["bash", "zsh", "fish"]) writeFileSync(join(dir, `script.${shell}`), (await run(["completion", shell])).stdout);
});

function bash(line: string): string[] {
  const script = `source ${dir}/script.bash
read -ra COMP_WORDS <<< ${JSON.stringify(line)}
[[ ${JSON.stringify(line)} == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$((\${#COMP_WORDS[@]} - 1))
_icp_links
printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync("bash", ["-c", script], { env, encoding: "utf8" });
  expect(r.stderr).toBe("");
  return r.stdout.split("\n").filter(Boolean);
}

describe("bash", () => {
  it.each([
    ["icp-links ", ["list", "search", "open", "show", "pick", "sections", "speakers", "authors", "events", "years", "check", "enrich", "export", "import", "done", "undone", "next", "random", "recent", "note", "tag", "state", "add", "remove", "move", "completion"]],
    ["icp-links remove cons", ["consensus-overview"]],
    ["icp-links move exec", ["execution"]],
    ["icp-links move execution --section Med", ["Medium"]],
    ["icp-links se", ["search", "sections"]],
    ["icp-links open cons", ["consensus-overview"]],
    ["icp-links show 2", ["2", "20", "21", "22", "23", "24", "25", "26"]],
    ["icp-links list --speaker Ma", ["Manu\\ Drijvers"]],
    ["icp-links list -s In", ["In-site\\ Pages"]],
    ["icp-links list --kind ", ["talk", "podcast", "paper", "article", "repo", "forum", "site", "page"]],
    ["icp-links export --format ", ["json", "csv", "md", "html"]],
    ["icp-links completion ", ["bash", "zsh", "fish"]],
    ["icp-links check --st", ["--strict"]],
    ["icp-links enrich --wr", ["--write"]],
    ["icp-links next --fi", ["--fields", "--fit", "--file"]],
    ["icp-links check --arch", ["--archive"]],
    ["icp-links check --rep", ["--replace"]],
    ["icp-links import --new", ["--new-section"]],
    ["icp-links --js", ["--json"]],
    [`icp-links --file ${ROOT}test/fixtures/site.md open `, ["about", "home", "talk", "1", "2", "3"]],
  ])("%s", (line, expected) => {
    expect(bash(line)).toEqual(expected);
  });

  // #12: completion of sections and speakers matched by case and by the start only.
  it("completes sections and speakers as the filters match them: any case, no accents, any word", () => {
    const page = join(dir, "accents.md");
    writeFileSync(page, "## Éléments de base\n\n- [A talk / Céline Dion](https://www.youtube.com/watch?v=abc)\n- [Another / Manu Drijvers](https://www.youtube.com/watch?v=def)\n");
    expect(bash(`icp-links --file ${page} list --speaker celine`)).toEqual(["Céline\\ Dion"]);
    expect(bash(`icp-links --file ${page} list --speaker DION`)).toEqual(["Céline\\ Dion"]);
    expect(bash(`icp-links --file ${page} list -s elements`)).toEqual(["Éléments\\ de\\ base"]);
    expect(bash(`icp-links --file ${page} list -s base`)).toEqual(["Éléments\\ de\\ base"]);
    expect(bash("icp-links list --speaker drij")).toEqual(["Manu\\ Drijvers"]);
    expect(bash("icp-links list --speaker zzz")).toEqual([]);
  });

  it("completes files for --file", () => {
    expect(bash(`icp-links --file ${ROOT}test/fixtures/sit`)).toEqual([`${ROOT}test/fixtures/site.md`]);
  });

  it("completes a file for import's argument and for its -o, and the page's sections for its --section (#28)", () => {
    expect(bash(`icp-links import ${ROOT}test/fixtures/sit`)).toEqual([`${ROOT}test/fixtures/site.md`]);
    expect(bash(`icp-links import x.html -o ${ROOT}test/fixtures/sit`)).toEqual([`${ROOT}test/fixtures/site.md`]);
    expect(bash("icp-links import x.html --section In")).toEqual(["In-site\\ Pages"]);
  });

  it("never lists the hidden helper", () => {
    expect(bash("icp-links __")).toEqual([]);
  });
});

/**
 * Runs our zsh completion function for a command line in real zsh. zsh's own completion builtins
 * are stubbed to print what they are given (zsh filters by prefix itself, so all candidates come).
 */
function zsh(line: string): string[] {
  const words = line.split(" ");
  const script = `
compdef() { : }
compadd() { local i=\${@[(i)--]}; print -l -- "\${@[i+1,-1]}" }
_describe() { local name=\${@[-1]}; print -l -- "\${(@P)name%%:*}" }
_files() { print -- FILES }
source ${dir}/script.zsh
words=(${words.map((w) => `'${w}'`).join(" ")}); CURRENT=${words.length}; PREFIX='${words.at(-1)}'
_icp_links`;
  const r = spawnSync("zsh", ["-f", "-c", script], { env, encoding: "utf8" });
  expect(r.stderr).toBe("");
  return r.stdout.split("\n").filter(Boolean);
}

describe.runIf(has("zsh"))("zsh", () => {
  it.each([
    ["icp-links ", ["list", "search", "open", "show", "pick", "sections", "speakers", "authors", "events", "years", "check", "enrich", "export", "import", "done", "undone", "next", "random", "recent", "note", "tag", "state", "add", "remove", "move", "completion"], true],
    ["icp-links open cons", ["consensus-overview", "execution", "1", "26"], false],
    // icp-links filters the values itself, by the start of any word, any case and accents (#12).
    ["icp-links list --speaker Ma", ["Manu Drijvers"], true],
    ["icp-links list --kind t", ["talk", "podcast", "paper", "article", "repo", "forum", "site", "page"], true],
    ["icp-links export --format ", ["json", "csv", "md", "html"], true],
    ["icp-links --file x", ["FILES"], true],
    ["icp-links check --st", ["--strict"], false],
    ["icp-links enrich --wr", ["--write"], false],
    [`icp-links --file ${ROOT}test/fixtures/site.md open `, ["about", "home", "talk", "1", "2", "3"], true],
  ])("%s", (line, expected, exactly) => {
    const got = zsh(line);
    if (exactly) expect(got).toEqual(expected);
    else expect(got).toEqual(expect.arrayContaining(expected));
  });

  it("accepts the script and defines the completion function", () => {
    const r = spawnSync("zsh", ["-c", `autoload -Uz compinit && compinit -u -D && source ${dir}/script.zsh && whence -w _icp_links && echo "\${_comps[icp-links]}"`], { env, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("_icp_links: function\n_icp_links\n");
    expect(spawnSync("zsh", ["-n", `${dir}/script.zsh`]).status).toBe(0);
  });
});

describe.runIf(has("fish"))("fish", () => {
  const complete = (line: string) => {
    const r = spawnSync("fish", ["--no-config", "-c", `source ${dir}/script.fish; complete -C ${JSON.stringify(line)}`], { env, encoding: "utf8" });
    expect(r.stderr).toBe("");
    return r.stdout.split("\n").filter(Boolean).map((l) => l.split("\t")[0]);
  };
  it("accepts the script and completes commands, ids and option values", () => {
    expect(spawnSync("fish", ["--no-execute", `${dir}/script.fish`]).status).toBe(0);
    expect(complete("icp-links se")).toEqual(expect.arrayContaining(["search", "sections"]));
    expect(complete("icp-links open consensus")).toContain("consensus-overview");
    expect(complete("icp-links list --kind ")).toEqual(["article", "forum", "page", "paper", "podcast", "repo", "site", "talk"]);
    expect(complete("icp-links list --speaker ")).toContain("Manu Drijvers");
  });
});

describe("the install lines (#22)", () => {
  it.each(["bash", "zsh", "fish"] as const)("%s: the line in 'completion --help' works on a fresh home, making the folder it writes to", async (shell) => {
    const help = (await run(["completion", "--help"])).stdout;
    const line = help.split("\n").map((l) => l.trim()).find((l) => l.includes(`completion ${shell} >`))!;
    expect(line).toMatch(/^mkdir -p /);
    const home = tempDir("icp-links-fresh-home-");
    try {
      const r = spawnSync("sh", ["-c", line.replace(/\s+#.*$/, "")], { env: { ...env, HOME: home }, encoding: "utf8" });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const written = { bash: ".local/share/bash-completion/completions/icp-links", zsh: ".zfunc/_icp-links", fish: ".config/fish/completions/icp-links.fish" }[shell];
      expect(readFileSync(join(home, written), "utf8")).toContain(`${shell} completion for icp-links. Install: ${line}`);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
