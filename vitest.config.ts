import { defineConfig } from "vitest/config";

/**
 * pdfjs rejects promises of its own (not ours, so we cannot catch them) when the audit's PDF importer
 * destroys a document whose reading ran past its deadline, in the fuzz tests. Those teardown messages are the
 * expected consequence of the cancellation; any other unhandled error still fails the run.
 */
const PDFJS_TEARDOWN = /^(Transport destroyed|Loading aborted|Worker was destroyed)$/;

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    testTimeout: 60_000,
    pool: "forks",
    onUnhandledError(error) {
      if (PDFJS_TEARDOWN.test(error.message ?? "")) return false;
    },
  },
});
