/**
 * `renderAll` with a job runner (src/server/disclosure-files.ts): several renders in flight so every thread
 * of the pool works, the files in the order of the disclosures and formats whatever order the renders end
 * in, and a refused render stops the other lanes from starting more. The runner here is the in-process one
 * with random delays (the real pool is exercised by test/server/workflow-api.test.ts).
 */
import { describe, expect, it, vi } from "vitest";
import { CatalogIndex } from "../../src/core/catalog.ts";
import { builtInCatalog } from "../../src/core/catalogs/index.ts";
import { RENDERS_IN_FLIGHT, renderAll } from "../../src/server/disclosure-files.ts";
import { type JobRunner, inProcess } from "../../src/server/jobs/runner.ts";
import { generateBudget } from "../support/generate.ts";

const catalog = new CatalogIndex(builtInCatalog(2021)!);
const budget = generateBudget(11, { units: [3, 3], lineItems: [20, 40], projects: [2, 4] });
const FORMATS = ["json", "txt", "html"];

function delayed(fail?: (n: number) => boolean) {
  const inner = inProcess();
  const seen = { started: 0, inFlight: 0, maxInFlight: 0 };
  const runner: JobRunner = {
    async run(kind, input) {
      const n = seen.started++;
      seen.inFlight++;
      seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
      try {
        // a refusal comes at once (before any other render ends), so what the lanes do after it is certain
        if (fail?.(n)) throw new Error(`render ${n} refused`);
        await new Promise((r) => setTimeout(r, Math.random() * 15));
        return await inner.run(kind, input);
      } finally {
        seen.inFlight--;
      }
    },
    close: async () => {},
  };
  return { runner, seen };
}

describe("renderAll through a job runner", () => {
  it("keeps RENDERS_IN_FLIGHT renders going and returns the files in order", async () => {
    const sequential = await renderAll(budget, catalog, FORMATS);
    for (let round = 0; round < 3; round++) {
      const { runner, seen } = delayed();
      const files = await renderAll(budget, catalog, FORMATS, undefined, runner);
      expect(files.map((f) => [f.scope, f.format, f.sha256])).toEqual(sequential.map((f) => [f.scope, f.format, f.sha256]));
      expect(seen.maxInFlight).toBe(Math.min(RENDERS_IN_FLIGHT, sequential.length));
    }
    expect(RENDERS_IN_FLIGHT).toBeGreaterThanOrEqual(2);
    // the department and its three units, each in every format
    expect(sequential).toHaveLength(4 * FORMATS.length);
  }, 60_000);

  it("starts nothing more once a render is refused", async () => {
    const { runner, seen } = delayed((n) => n === 1);
    await expect(renderAll(budget, catalog, FORMATS, undefined, runner)).rejects.toThrow("render 1 refused");
    // the renders in flight when it failed end; no lane takes another after them
    await vi.waitFor(() => expect(seen.inFlight).toBe(0), { timeout: 20_000 });
    expect(seen.started).toBeLessThanOrEqual(1 + RENDERS_IN_FLIGHT);
  }, 60_000);
});
