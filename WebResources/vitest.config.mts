import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Dates in the banner are shown in Saudi time whatever the machine's zone.
    env: { TZ: "UTC" },
  },
});
