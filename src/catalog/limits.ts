// The bounds of what one run reads (#12, #26), in a module of their own: the loader checks them
// without loading the parser, which a cached run never needs. Pure.
/**
 * The most entries read at once, all pages together, web pages too (#12, #26): a safety net far
 * above any real catalog (a page of 1,000,000 links is read within 1 GB, BENCHMARKS.md), so that
 * no page can make the catalog, the search and the cache outgrow memory. A page is refused as
 * soon as its parsing passes it, not after.
 */
export const MAX_ENTRIES = 5_000_000;
