/**
 * Golden files: the exact expected output, reviewed as a diff when it changes on purpose. A missing golden
 * file fails the test — it is written only by the update command (`npm run golden:update`, which sets
 * UPDATE_GOLDEN=1), never as a side effect of a test run, so CI cannot pass by writing its own expectation.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { expect } from "vitest";

/** Whether this run rewrites golden files (`npm run golden:update`). */
export function updatingGolden(): boolean {
  return !!process.env.UPDATE_GOLDEN;
}

/** Reads a golden file, failing with a message that says how to make it when it does not exist. */
export function readGolden(path: string): string {
  if (!existsSync(path)) {
    throw new Error(`golden file missing: ${path} — run \`npm run golden:update\` and review the new file before committing it`);
  }
  return readFileSync(path, "utf8");
}

/** Writes `actual` to `path` when updating; then expects it to equal the golden file. */
export function expectGolden(path: string, actual: string): void {
  if (updatingGolden()) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readGolden(path));
}
