// The formats `export` writes, in a module of their own so completion (#15) and the export
// command share them without loading the exporters, which are loaded lazily on first use.
export const FORMATS = ["json", "csv", "md", "html"] as const;
export type Format = (typeof FORMATS)[number];
