// Sizes in words (#12).

/** A size for people: "64 MB", "1.5 MB", "10 KB", "512 bytes" (#12: 0.001 MB is not "0.0 MB"). */
export function formatSize(bytes: number): string {
  const trim = (n: number) => n.toFixed(1).replace(/\.0$/, "");
  if (bytes >= 1024 * 1024) return `${trim(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KB`;
  return `${bytes} byte${bytes === 1 ? "" : "s"}`;
}
