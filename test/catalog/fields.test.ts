// One field, one place (#25): a field added to the table of fields (src/catalog/fields.ts) is
// extracted by the parser, kept by the cache (a cold run and a warm one give the same entries),
// and printed by --json, --fields, show and the CSV export, with nothing else changed. The cache's version
// follows the table: a file written with another table is not read.
import { describe, expect, it } from "vitest";
import { FIELDS, fieldNames, tableVersion, type FieldRow } from "../../src/catalog/fields";
import { parsePage } from "../../src/catalog/parse-page";
import { buildCatalog } from "../../src/catalog/catalog";
import { assignIds } from "../../src/catalog/ids";
import type { Entry, Page } from "../../src/catalog/types";
import { MAGIC, pack, unpack } from "../../src/cache/format";
import { checksum } from "../../src/cache/checksum";
import { entryFields, entryJson, fieldsLine, parseFields, renderShow } from "../../src/render/entries";
import { plainStyle } from "../../src/render/style";
import { exportCsv } from "../../src/render/export";

type WithPublished = Entry & { published?: string };

/** The new field: when a link was published, as a page's description says it. */
const PUBLISHED: FieldRow = {
  name: "published",
  type: "date",
  cache: { kind: "text", pack: (e) => (e as unknown as WithPublished).published ?? "", unpack: (text) => ({ published: text || undefined }) as Partial<Entry> },
  json: { key: "published", value: (e) => (e as WithPublished).published ?? null },
  fields: { name: "published", at: 16, value: (e) => (e as WithPublished).published ?? null },
  show: { label: "published", at: 11.7, text: (e) => (e as WithPublished).published },
  csv: { column: "published", at: 13.5, cell: (e) => (e as WithPublished).published ?? "", text: true },
  extract: (e) => /published (\d{4}-\d{2}-\d{2})/.exec(e.description ?? "")?.[1],
};
// FIELDS has a "published" of its own (a fact of the link's page, #27): this made-up one, kept by the page, stands in for it.
const TABLE = [...FIELDS.filter((r) => r.name !== "published"), PUBLISHED];

const PAGE = "# Talks\n\n- [Consensus at scale](https://a.example/t) - published 2021-03-04, on consensus\n- [Chain keys](https://b.example/k) - no date\n";
const pipe = { tty: false, width: 80, style: plainStyle };

/** Every output of an entry that the table drives. */
function outputs(e: Entry, table: readonly FieldRow[]) {
  const fields = parseFields("id,published", table);
  return {
    json: entryJson(e, undefined, undefined, table),
    fields: entryFields(e, fields, undefined, table),
    line: fieldsLine(entryFields(e, fields, undefined, table), fields),
    show: renderShow(e, pipe, [], table),
    csv: exportCsv([e], undefined, table).split("\r\n").slice(0, 2),
  };
}

function cold(table: readonly FieldRow[]): { page: Page; entries: Entry[] } {
  const page = parsePage(PAGE, "talks.md", { fields: table });
  return { page, entries: buildCatalog([page], table).entries as Entry[] };
}

describe("a field added to the table", () => {
  it("is extracted by the parser", () => {
    const { entries } = cold(TABLE);
    expect(entries.map((e) => (e as WithPublished).published)).toEqual(["2021-03-04", undefined]);
  });

  it("reaches --json, --fields, show and the CSV export", () => {
    const [dated, undated] = cold(TABLE).entries;
    const out = outputs(dated!, TABLE);
    expect(out.json).toMatchObject({ id: dated!.id, published: "2021-03-04", check: null, state: null });
    expect(Object.keys(out.json).slice(-3)).toEqual(["published", "check", "state"]);
    expect(out.fields).toEqual({ id: dated!.id, published: "2021-03-04" });
    expect(out.line).toBe(`${dated!.id}\t2021-03-04\n`);
    expect(out.show).toContain("\npublished\t2021-03-04\n");
    expect(out.show.indexOf("description")).toBeLessThan(out.show.indexOf("published"));
    const [header, row] = out.csv;
    expect(header!.split(",").slice(12, 16)).toEqual(["year", "duration", "published", "done"]);
    // Then one's own layer (done, opened, note, own_tags) and the columns placed after it (authors).
    expect(row).toMatch(/,,,,2021-03-04,,,,,$/);
    expect(header!.split(",").slice(-2)).toEqual(["own_tags", "authors"]);
    expect(outputs(undated!, TABLE)).toMatchObject({ json: { published: null }, fields: { published: null } });
    expect(outputs(undated!, TABLE).show).not.toContain("published");
    expect(fieldNames(TABLE).at(-1)).toBe("published");
  });

  it("survives the cache: a warm run gives what the cold one gave", () => {
    const { page, entries } = cold(TABLE);
    const bytes = pack(page, assignIds(page.entries), "build", "key", checksum, TABLE);
    const back = unpack(bytes, "build", "key", page.source, checksum, TABLE);
    expect(back).toBeDefined();
    const warm = buildCatalog([back!], TABLE).entries as Entry[];
    expect(warm.map((e) => (e as WithPublished).published)).toEqual(["2021-03-04", undefined]);
    expect(warm.map((e) => outputs(e, TABLE))).toEqual(entries.map((e) => outputs(e, TABLE)));
  });

  it("gives the cache another version: a file of the old table is not read with the new, nor the other way", () => {
    expect(tableVersion(TABLE, "8")).not.toBe(tableVersion(FIELDS, "8"));
    const { page } = cold(TABLE);
    const ids = assignIds(page.entries);
    const withField = pack(page, ids, "build", "key", checksum, TABLE);
    const without = pack(page, ids, "build", "key", checksum);
    expect(new TextDecoder().decode(without.subarray(0, MAGIC.length))).toBe(MAGIC);
    expect(unpack(withField, "build", "key", page.source, checksum)).toBeUndefined();
    expect(unpack(without, "build", "key", page.source, checksum, TABLE)).toBeUndefined();
    expect(unpack(without, "build", "key", page.source, checksum)).toBeDefined();
  });
});

describe("the table of fields", () => {
  it("gives each --fields name and show place once", () => {
    const names = FIELDS.flatMap((r) => (r.fields ? [r.fields.name] : []));
    expect(new Set(names).size).toBe(names.length);
    const at = FIELDS.flatMap((r) => (r.fields ? [r.fields.at] : []));
    expect(new Set(at).size).toBe(at.length);
    const shown = FIELDS.flatMap((r) => (r.show ? [r.show.at] : []));
    expect(new Set(shown).size).toBe(shown.length);
  });

  it("names each --json key once", () => {
    const keys = FIELDS.flatMap((r) => (r.json ? [r.json.key] : []));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
