// The one rule for the files icp-links keeps for itself (page cache, check results, copies of
// web pages, one's own state): someone else's file or folder, or one others may write to, is not
// trusted (#4, #12, #16, #18). `uid` undefined: a system without owners.
import type { Stats } from "node:fs";

export function trusted(stats: Pick<Stats, "uid" | "mode">, uid: number | undefined): boolean {
  return uid === undefined || (stats.uid === uid && (stats.mode & 0o022) === 0);
}
