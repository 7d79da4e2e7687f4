// Shared test helpers: the real pages, parsed.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parsePage } from "../../src/catalog/parse-page";
import { buildCatalog } from "../../src/catalog/catalog";
import type { Catalog } from "../../src/catalog/catalog";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SEED = `${ROOT}data/inside-icp.md`;
export const AWESOME_COPY = `${ROOT}test/fixtures/awesome-internet-computer.md`;

export function catalogOf(...files: string[]): Catalog {
  return buildCatalog(files.map((file) => parsePage(readFileSync(file, "utf8"), file)));
}

export function catalogFromText(text: string, source = "page.md"): Catalog {
  return buildCatalog([parsePage(text, source)]);
}
