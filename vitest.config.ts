import { defineConfig } from "vitest/config";

/**
 * Two projects, chosen by file name (docs/DEVELOPMENT.md):
 * - "unit" (`npm run test:unit`): every `*.test.ts` without a kind — the pure core and the commands
 *   run in process against an in-memory world (test/helpers/context.ts). No build, no process
 *   spawned, no disk beyond the fixtures, no socket, no property test of many runs.
 * - "full": the kinds `npm test` adds — `*.e2e.test.ts` (spawns the binary or another program),
 *   `*.property.test.ts` (many random runs), `*.disk.test.ts` (real files in temporary folders),
 *   `*.net.test.ts` (a server on 127.0.0.1), `*.slow.test.ts` (CPU-heavy).
 * A new file lands in "unit" unless its name says otherwise.
 */
const FULL = ["test/**/*.{e2e,property,disk,net,slow}.test.ts"];

export default defineConfig({
  test: {
    // The end-to-end tests spawn the built binary; give slow shared machines room.
    testTimeout: 30_000,
    env: { NO_COLOR: "", FORCE_COLOR: "" },
    // The run's own temporary folder, checked empty at the end; folders made by tempDir outside a
    // test are removed after their file.
    globalSetup: ["test/helpers/temp-folder.ts"],
    setupFiles: ["test/helpers/temp-cleanup.ts"],
    projects: [
      // One module graph per worker for the unit files (isolate: false): importing src/ again for
      // each file cost more than the tests themselves. They share no state that outlives a test
      // (the world is injected anew by each runInProcess), and `npm test` runs them this way too.
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: FULL, isolate: false } },
      { extends: true, test: { name: "full", include: FULL } },
    ],
  },
});
