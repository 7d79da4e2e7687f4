// `icp-links help <topic>` (#25): the topics of the reference (docs/topics/*.md) as plain text;
// `--help` names them; a name that is neither a command nor a topic is still a usage error.
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/context";
import { TOPICS } from "../../src/docs/topics";

const page = "# P\n\n- [A](https://a.example/)\n";

describe("help <topic>", () => {
  it.each(Object.keys(TOPICS))("prints the topic %s as plain text", async (name) => {
    const r = await runInProcess(["help", name], page);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const [title, underline] = r.stdout.split("\n");
    expect(title).toBe(/^# (.+)$/m.exec(TOPICS[name]!)![1]);
    expect(underline).toBe("=".repeat(title!.length));
    // No markdown fences or heading marks left.
    expect(r.stdout).not.toMatch(/^```|^#+ /m);
  });

  it("names the topics in --help", async () => {
    const r = await runInProcess(["--help"], page);
    expect(r.stdout).toContain(`Topics (icp-links help <topic>): ${Object.keys(TOPICS).join(", ")}`);
    expect(Object.keys(TOPICS)).toEqual(expect.arrayContaining(["query", "pages", "web", "state", "editing", "guarantees", "environment"]));
  });

  it("is a usage error for a name that is neither a command nor a topic", async () => {
    const r = await runInProcess(["help", "nope"], page);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("icp-links: unknown command 'nope' (see 'icp-links --help' for the commands)\n");
  });
});
