// search's query language, --fields, and the picker's details, run in process (#14).
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { runInProcess } from "../helpers/context";
import { pickDetails } from "../../src/commands/pick";
import { catalogFromText, SEED } from "../helpers/pages";

const page = readFileSync(SEED, "utf8");

describe("search: the query language and --fields", () => {
  it("runs a phrase, an exclusion and a field", async () => {
    const r = await runInProcess(["search", "--", '"chain key"', "-kind:article", "speaker:camenisch"], page);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").filter(Boolean).map((l) => l.split("\t")[0])).toEqual(["chain-key-cryptography"]);
  });

  it.each([
    [['"chain key'], /unclosed quote/],
    [["colour:camenisch"], /unknown field 'colour:'/],
  ])("%j is a usage error that says what is wrong", async (args, message) => {
    const r = await runInProcess(["search", ...args], page);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });

  it("chooses the TSV columns", async () => {
    const r = await runInProcess(["search", "resumption", "--fields", "title,speakers,section,url"], page);
    expect(r.stdout).toBe("Resumption\tManu Drijvers\tYouTube\thttps://www.youtube.com/watch?v=H7HCqonSMFU\n");
  });

  it("chooses the --json keys", async () => {
    const r = await runInProcess(["--json", "search", "resumption", "--fields", "id,speakers,event"], page);
    expect(JSON.parse(r.stdout)).toEqual([{ id: "resumption", speakers: ["Manu Drijvers"], event: null }]);
  });

  it("keeps today's columns without --fields", async () => {
    const r = await runInProcess(["search", "resumption"], page);
    expect(r.stdout).toBe("resumption\tResumption\thttps://www.youtube.com/watch?v=H7HCqonSMFU\tManu Drijvers\tYouTube\n");
  });

  it("refuses an unknown field", async () => {
    const r = await runInProcess(["search", "resumption", "--fields", "id,colour"], page);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown field 'colour'/);
  });
});

describe("pick: the highlighted entry's details", () => {
  it("shows url, description and speakers, event, year and length when there are some", () => {
    const [e] = catalogFromText("- [Talk / Jan Camenisch](https://a.example/t) - On keys.").entries;
    expect(pickDetails(e!)).toBe("https://a.example/t\nOn keys.\nJan Camenisch");
    const talk = { ...e!, speakers: ["Jan Camenisch", "Jens Groth"], event: "ICC", year: 2022, duration: 41 * 60 + 5 };
    expect(pickDetails(talk)).toBe("https://a.example/t\nOn keys.\nJan Camenisch, Jens Groth \u00b7 ICC \u00b7 2022 \u00b7 41:05");
  });
});
