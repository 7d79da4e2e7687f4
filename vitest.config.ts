import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The end-to-end tests spawn the built binary; give slow shared machines room.
    testTimeout: 30_000,
    env: { NO_COLOR: "", FORCE_COLOR: "" },
  },
});
