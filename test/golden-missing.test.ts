/** A missing golden file fails the test that reads it (and is not written), unless the update command runs. */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectGolden, updatingGolden } from "./support/golden.ts";

describe("golden files", () => {
  it.skipIf(updatingGolden())("a missing one fails and stays missing", () => {
    const path = join(mkdtempSync(join(tmpdir(), "yusuan-golden-")), "missing.txt");
    expect(() => expectGolden(path, "anything")).toThrow(/golden file missing/);
    expect(existsSync(path)).toBe(false);
  });
});
