import { defineConfig } from "vitest/config";

/**
 * The fast tests (`npm run test:unit`, project "unit"): the pure core and the commands run in
 * process against an in-memory world (test/helpers/context.ts). No build, no binary spawned, no
 * tmux, no disk beyond the fixtures, no socket, no property test of many runs. Everything else
 * (e2e, hostile, property, disk and network tests) is project "full"; `npm test` runs both.
 */
const UNIT = [
  "test/cache/checksum.test.ts",
  "test/cache/format.test.ts",
  "test/catalog/awesome-page.test.ts",
  "test/catalog/helpers.test.ts",
  "test/catalog/parse-page.test.ts",
  "test/catalog/resolve.test.ts",
  "test/catalog/seed-page.test.ts",
  "test/catalog/talk-facts.test.ts",
  "test/check/outcome.test.ts",
  "test/check/runner.test.ts",
  "test/commands/*.test.ts",
  "test/edit/core.test.ts",
  "test/edit/golden.test.ts",
  "test/hostile/check.test.ts",
  "test/io/output.test.ts",
  "test/render/render.test.ts",
  "test/search/*.test.ts",
  "test/state/commands.test.ts",
  "test/state/model.test.ts",
  "test/web/address.test.ts",
  "test/web/progress.test.ts",
  "test/web/remote.test.ts",
];

export default defineConfig({
  test: {
    // The end-to-end tests spawn the built binary; give slow shared machines room.
    testTimeout: 30_000,
    env: { NO_COLOR: "", FORCE_COLOR: "" },
    projects: [
      // One module graph per worker for the unit files (isolate: false): importing src/ again for
      // each file cost more than the tests themselves. They share no state that outlives a test
      // (the world is injected anew by each runInProcess), and `npm test` runs them this way too.
      { extends: true, test: { name: "unit", include: UNIT, isolate: false } },
      { extends: true, test: { name: "full", include: ["test/**/*.test.ts"], exclude: UNIT } },
    ],
  },
});
