// The opener watches what it launches: a launcher that is missing or exits non-zero is a
// failure (#12). The `open` package is replaced by one that spawns small shell commands, so no
// browser and no system opener is ever started.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BrowserError, systemOpener } from "../../src/io/opener";
import type { loadOpen } from "../../src/io/open-package";

/** An `open` package whose launcher is `sh -c <script>`; records the URLs it was given. */
function fakeOpen(script: string, seen: string[] = []): typeof loadOpen {
  const open = async (url: string) => {
    seen.push(url);
    const child = spawn("sh", ["-c", script], { stdio: "ignore" });
    await new Promise((resolve, reject) => child.once("spawn", resolve).once("error", reject));
    return child;
  };
  return (async () => ({ default: open, apps: {} })) as unknown as typeof loadOpen;
}

const URL_ = "https://example.org/";

describe("systemOpener", () => {
  it("fails when the system opener exits non-zero (xdg-open without a desktop exits 3)", async () => {
    const opener = systemOpener({}, { loadOpen: fakeOpen("exit 3") });
    await expect(opener({ url: URL_ })).rejects.toThrow(BrowserError);
    await expect(opener({ url: URL_ })).rejects.toThrow(/the system's opener 'sh' exited with status 3/);
  });

  it("fails when the system opener cannot be started", async () => {
    const missing = (async () => ({
      default: async () => {
        throw Object.assign(new Error("spawn xdg-open ENOENT"), { code: "ENOENT" });
      },
      apps: {},
    })) as unknown as typeof loadOpen;
    await expect(systemOpener({}, { loadOpen: missing })({ url: URL_ })).rejects.toThrow(/the system's opener was not found/);
  });

  it("succeeds when the opener exits 0, or is still running once it has settled", async () => {
    const seen: string[] = [];
    await expect(systemOpener({}, { loadOpen: fakeOpen("exit 0", seen) })({ url: URL_ })).resolves.toBeUndefined();
    // A browser started by the opener may run on: that is success, not a wait for it to quit.
    await expect(systemOpener({}, { loadOpen: fakeOpen("sleep 2", seen), settleMs: 0 })({ url: URL_ })).resolves.toBeUndefined();
    expect(seen).toEqual([URL_, URL_]);
  });

  it("fails when $BROWSER exits non-zero or is missing, without trying the system opener", async () => {
    const seen: string[] = [];
    await expect(systemOpener({ BROWSER: "false" }, { loadOpen: fakeOpen("exit 0", seen) })({ url: URL_ })).rejects.toThrow(/the browser 'false' exited with status 1/);
    await expect(systemOpener({ BROWSER: "/nonexistent/browser" }, { loadOpen: fakeOpen("exit 0", seen) })({ url: URL_ })).rejects.toThrow(/the browser '\/nonexistent\/browser' was not found/);
    expect(seen).toEqual([]);
  });
});

describe("$BROWSER with several commands, and --browser names (#22)", () => {
  it("tries each command of $BROWSER in turn until one starts, and says why each failed when none does", async () => {
    const seen: string[] = [];
    await expect(systemOpener({ BROWSER: "/nonexistent/one:true %s" }, { loadOpen: fakeOpen("exit 0", seen) })({ url: URL_ })).resolves.toBeUndefined();
    await expect(systemOpener({ BROWSER: "/nonexistent/one:false" }, { loadOpen: fakeOpen("exit 0", seen) })({ url: URL_ })).rejects.toThrow("the browser '/nonexistent/one' was not found; the browser 'false' exited with status 1");
    expect(seen).toEqual([]);
  });

  it.each(["constructor", "toString", "__proto__"])("--browser %s is an unknown browser, started by that name, not a property of an object", async (name) => {
    const names: unknown[] = [];
    const open = async (_url: string, options: { app?: { name: unknown } }) => {
      names.push(options.app?.name);
      throw Object.assign(new Error(`spawn ${String(options.app?.name)} ENOENT`), { code: "ENOENT" });
    };
    const fake = (async () => ({ default: open, apps: { firefox: "firefox" } })) as unknown as typeof loadOpen;
    await expect(systemOpener({}, { loadOpen: fake })({ url: URL_, browser: name })).rejects.toThrow(`the browser '${name}' was not found`);
    expect(names).toEqual([name]);
  });
});
