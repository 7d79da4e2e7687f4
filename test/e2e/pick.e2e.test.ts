// The picker, driven as a person would: the real binary in tmux, keys sent, screen read (#6).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, run } from "../helpers/cli";
import { tempDir } from "../helpers/temp";

const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
const session = `icp-links-test-${process.pid}`;
const tmux = (...args: string[]) => execFileSync("tmux", args, { encoding: "utf8" });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(probe: () => T | undefined, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error("timed out waiting");
    await sleep(100);
  }
}

/** Starts `icp-links <args>` in a fresh tmux session; its stdout and exit code go to a file. */
function start(args: string): { out: string; screen(): string } {
  const dir = tempDir("icp-links-pick-");
  const out = join(dir, "out");
  const command = `cd ${dir} && HOME=${dir} XDG_CACHE_HOME=${dir}/.cache XDG_STATE_HOME=${dir}/.local/state ${process.execPath} ${BIN} ${args} > ${out}; echo "exit=$?" >> ${out}; sleep 30`;
  tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "30", command);
  return { out, screen: () => tmux("capture-pane", "-t", session, "-p") };
}

const finished = (out: string) => (existsSync(out) && readFileSync(out, "utf8").includes("exit=") ? readFileSync(out, "utf8") : undefined);

afterEach(() => {
  if (hasTmux) spawnSync("tmux", ["kill-session", "-t", session]);
});

describe.runIf(hasTmux)("pick in a terminal", () => {
  it("→ follows the highlighted list entry into the list it links to (#18)", async () => {
    const dir = tempDir("icp-links-follow-");
    writeFileSync(join(dir, "lists.md"), "# Lists\n\n- [Talk lists](talks.md) - more lists.\n- [Rust](https://www.rust-lang.org/) - a site.\n");
    writeFileSync(join(dir, "talks.md"), "# Talks\n\n- [Simple Made Easy / Rich Hickey](https://talks.example/simple)\n- [Hammock Driven Development / Rich Hickey](https://talks.example/hammock)\n");
    const p = start(`--file ${join(dir, "lists.md")} pick --print`);
    await until(() => (p.screen().includes("❯ talk-lists") ? true : undefined));
    tmux("send-keys", "-t", session, "Right");
    await until(() => (p.screen().includes("❯ simple-made-easy") ? true : undefined));
    tmux("send-keys", "-t", session, "hammock");
    await until(() => (p.screen().includes("❯ hammock-driven-development") ? true : undefined));
    tmux("send-keys", "-t", session, "Enter");
    expect(await until(() => finished(p.out))).toBe("https://talks.example/hammock\nexit=0\n");
  });

  it("→ on an entry it cannot follow says why in place and stays; ← goes back; the hint names the keys (#22)", async () => {
    const dir = tempDir("icp-links-follow-");
    writeFileSync(join(dir, "lists.md"), "# Lists\n\n- [Talk lists](talks.md) - more lists.\n- [Rust](https://www.rust-lang.org/) - a site.\n");
    writeFileSync(join(dir, "talks.md"), "# Talks\n\n- [Simple Made Easy / Rich Hickey](https://talks.example/simple)\n");
    const p = start(`--file ${join(dir, "lists.md")} pick --print`);
    await until(() => (p.screen().includes("❯ talk-lists") ? true : undefined));
    expect(p.screen()).toMatch(/→ follow a list .*Esc leave/);
    tmux("send-keys", "-t", session, "Down");
    await until(() => (p.screen().includes("❯ rust") ? true : undefined));
    tmux("send-keys", "-t", session, "Right");
    await until(() => (p.screen().includes("cannot follow rust: 'rust' links to www.rust-lang.org") ? true : undefined));
    expect(p.screen()).toContain("❯ rust");
    expect(finished(p.out)).toBeUndefined();
    tmux("send-keys", "-t", session, "Up");
    await until(() => (p.screen().includes("❯ talk-lists") ? true : undefined));
    tmux("send-keys", "-t", session, "Right");
    await until(() => (p.screen().includes("❯ simple-made-easy") ? true : undefined));
    expect(p.screen()).toMatch(/→ follow a list .*← back .*Esc leave/);
    tmux("send-keys", "-t", session, "Left");
    await until(() => (p.screen().includes("❯ talk-lists") ? true : undefined));
    expect(p.screen()).not.toContain("← back");
    tmux("send-keys", "-t", session, "Down", "Enter");
    expect(await until(() => finished(p.out))).toBe("https://www.rust-lang.org/\nexit=0\n");
  });

  it("a malformed query shows its error and clears the preview of the last list (#22)", async () => {
    const p = start("pick --print");
    await until(() => (p.screen().includes("❯ internet-computer-technology") ? true : undefined));
    expect(p.screen()).toContain("https://medium.com/dfinity/https-medium-com-dfinity-technology/home");
    tmux("send-keys", "-t", session, "year:abc");
    await until(() => (p.screen().includes("year:abc is not a year") ? true : undefined));
    expect(p.screen()).not.toContain("https://");
    expect(p.screen()).not.toContain("❯");
    tmux("send-keys", "-t", session, "Escape");
    expect(await until(() => finished(p.out))).toBe("exit=130\n");
  });

  it("filters as you type and prints the chosen URL on Enter", async () => {
    const p = start("pick --print");
    await until(() => (p.screen().includes("❯ internet-computer-technology") ? true : undefined));
    tmux("send-keys", "-t", session, "consensus ov");
    await until(() => (p.screen().includes("❯ consensus-overview") && !p.screen().includes("execution") ? true : undefined));
    expect(p.screen()).toContain("Open consensus ov");
    tmux("send-keys", "-t", session, "Enter");
    expect(await until(() => finished(p.out))).toBe("https://www.youtube.com/watch?v=vVLRRYh3JYo\nexit=0\n");
    expect(p.screen()).not.toContain("? Open");
  });

  it("starts from the query given, typos forgiven", async () => {
    const p = start("pick camenish --print");
    await until(() => (p.screen().includes("❯ chain-key-cryptography ") ? true : undefined));
    tmux("send-keys", "-t", session, "Enter");
    expect(await until(() => finished(p.out))).toBe("https://www.youtube.com/watch?v=vUcDRFC09J0\nexit=0\n");
  });

  it("moves with the arrow keys", async () => {
    const p = start("pick --print --speaker manu");
    await until(() => (p.screen().includes("❯ resumption") ? true : undefined));
    tmux("send-keys", "-t", session, "Down");
    await until(() => (p.screen().includes("❯ consensus-overview") ? true : undefined));
    tmux("send-keys", "-t", session, "Enter");
    expect(await until(() => finished(p.out))).toBe("https://www.youtube.com/watch?v=vVLRRYh3JYo\nexit=0\n");
  });

  // #12: like fzf, with stdout and stderr both redirected the prompt draws on /dev/tty.
  it("draws on the terminal when stdout and stderr are both redirected", async () => {
    const p = start("pick --print 2>/dev/null");
    await until(() => (p.screen().includes("❯ internet-computer-technology") ? true : undefined));
    tmux("send-keys", "-t", session, "consensus ov");
    await until(() => (p.screen().includes("❯ consensus-overview") ? true : undefined));
    tmux("send-keys", "-t", session, "Enter");
    expect(await until(() => finished(p.out))).toBe("https://www.youtube.com/watch?v=vVLRRYh3JYo\nexit=0\n");
    expect(p.screen()).not.toContain("? Open");
  });

  it("reads keys from the terminal when standard input is not one", async () => {
    const p = start("pick --print </dev/null");
    await until(() => (p.screen().includes("❯ internet-computer-technology") ? true : undefined));
    tmux("send-keys", "-t", session, "Escape");
    expect(await until(() => finished(p.out))).toBe("exit=130\n");
  });

  it.each([["Escape"], ["C-c"]])("leaves with %s: exit 130, nothing printed, a clean screen", async (key) => {
    const p = start("pick --print");
    await until(() => (p.screen().includes("? Open") ? true : undefined));
    tmux("send-keys", "-t", session, key);
    expect(await until(() => finished(p.out))).toBe("exit=130\n");
    expect(p.screen()).not.toContain("? Open");
  });
});

describe("pick without a terminal", () => {
  it("is a usage error that points to search and open", async () => {
    const r = await run(["pick"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("icp-links: pick needs a terminal (in scripts, use 'icp-links search' and 'icp-links open')\n");
  });
});
