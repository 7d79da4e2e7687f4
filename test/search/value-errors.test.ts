// Bad values in the core (#15): search/filters.ts and search/query.ts throw ValueError, which
// knows nothing of the command line (no exit code, not an IcpError); the command line reports it
// exactly as it reported their UsageError before: one line, the hint in parentheses, exit 2.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IcpError, ValueError } from "../../src/errors";
import { parseKind, parseLength, parseSort, parseYears } from "../../src/search/filters";
import { parseQuery } from "../../src/search/query";
import { runInProcess } from "../helpers/context";
import { ROOT } from "../helpers/pages";

const KINDS_HINT = "use one of: talk, podcast, paper, article, repo, forum, site, page";

describe("the core throws ValueError, not the command line's errors", () => {
  it.each([
    ["parseKind", () => parseKind("video"), "unknown kind 'video'", KINDS_HINT],
    ["parseYears", () => parseYears("soon"), "--year 'soon' is not a year or a range", "write 2014, 2010..2015, 2010.. or ..2015"],
    ["parseYears, backwards", () => parseYears("2015..2010"), "--year '2015..2010' ends before it starts", "write the earlier year first"],
    ["parseLength", () => parseLength("long", "--max-length"), "--max-length 'long' is not a length", "write 20m, 1h, 1h30m, 90s or 1:04:34"],
    ["parseSort", () => parseSort("colour"), "unknown sort 'colour'", "use one of: position, title, speaker, year, length"],
    ["parseQuery, a quote", () => parseQuery('"chain key'), 'the query has an unclosed quote: "chain key', 'close the phrase with ", or leave the quote out'],
    ["parseQuery, a field", () => parseQuery("colour:x"), "unknown field 'colour:' in the query", "use one of: title: speaker: author: section: kind: tag: event: year:"],
    ["parseQuery, a kind", () => parseQuery("-kind:zz"), "unknown kind 'zz'", KINDS_HINT],
    ["parseQuery, a year", () => parseQuery("year:21"), "year:21 is not a year", "use year:2021 or a range, year:2019..2021"],
  ])("%s", (_name, call, message, hint) => {
    let thrown: unknown;
    try {
      call();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValueError);
    expect(thrown).not.toBeInstanceOf(IcpError);
    expect(thrown).not.toHaveProperty("exitCode");
    expect(thrown).toMatchObject({ name: "ValueError", message, hint });
  });
});

describe("the command line reports a ValueError as a usage error", () => {
  const page = readFileSync(`${ROOT}test/fixtures/talk-list.md`, "utf8");
  it.each([
    // Found while the command runs: program.ts's error report.
    [["list", "--kind", "video"], `icp-links: option '-k, --kind <kind>' argument 'video' is invalid. unknown kind 'video' (${KINDS_HINT}) (see 'icp-links --help')\n`],
    [["search", '"chain key'], 'icp-links: the query has an unclosed quote: "chain key (close the phrase with ", or leave the quote out)\n'],
    [["search", "colour:camenisch"], "icp-links: unknown field 'colour:' in the query (use one of: title: speaker: author: section: kind: tag: event: year:)\n"],
    [["search", "year:21"], "icp-links: year:21 is not a year (use year:2021 or a range, year:2019..2021)\n"],
    // Found when commander reads the option: spec.ts's checked().
    [["list", "--year", "soon"], "icp-links: option '--year <years>' argument 'soon' is invalid. --year 'soon' is not a year or a range (write 2014, 2010..2015, 2010.. or ..2015) (see 'icp-links --help')\n"],
    [["list", "--sort", "colour"], "icp-links: option '--sort <order>' argument 'colour' is invalid. unknown sort 'colour' (use one of: position, title, speaker, year, length) (see 'icp-links --help')\n"],
  ])("%j", async (argv, stderr) => {
    const r = await runInProcess(argv, page);
    expect(r.stderr).toBe(stderr);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
  });
});
