/**
 * The sample carried through a simulated 2021 (examples/luolong-shequ-2021/execution-2021: monthly
 * payments, one 追加, targets met and missed) to its self-evaluation report, pinned as text, JSON and
 * HTML. When output changes on purpose: `npm run golden:update`,
 * then review the diff of test/golden/execution/.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluationDocument, evaluationReport } from "../../src/core/execution/index.ts";
import { readBudget } from "../../src/formats/budget-file/read.ts";
import { readExecutionDir } from "../../src/formats/execution/execution-file.ts";
import { renderHtml } from "../../src/formats/html.ts";
import { renderJson } from "../../src/formats/json.ts";
import { renderText } from "../../src/formats/text.ts";
import { renderXlsx } from "../../src/formats/xlsx.ts";
import { expectGolden } from "../support/golden.ts";

const dir = "test/golden/execution";

function golden(name: string, actual: string): void {
  expectGolden(join(dir, name), actual);
}

describe("the sample's simulated 2021, evaluated", async () => {
  const { budget } = await readBudget("examples/luolong-shequ-2021");
  const exec = await readExecutionDir("examples/luolong-shequ-2021/execution-2021");
  const doc = evaluationDocument(budget, exec);

  it("reads the monthly payments and the one adjustment", () => {
    expect(exec.payments).toHaveLength(324);
    expect(exec.adjustments).toHaveLength(1);
  });
  it("keeps 年初预算 as published and totals 年初 + 追加 = 调整后", () => {
    const r = evaluationReport(budget, exec);
    const first = doc.tables[0]!.rows[0]!.cells;
    expect(first.slice(0, 4)).toEqual(["合计", 4117910000, 4137910000, 4074534000]);
    expect(r.projects.find((p) => p.code === "313001-8")!.indicators.find((i) => i.level3 === "换届完成时间")!.completion.status).toBe("missed");
    expect(r.overall.formulas.find((f) => f.id === "procurement-execution")!.value).toEqual({ kind: "na" });
  });
  it("text", () => golden("evaluation.txt", renderText(doc)));
  it("json", () => golden("evaluation.json", renderJson(doc)));
  // without the embedded font subsets (hundreds of kB of base64; test/html-print.test.ts covers them)
  it("html", () => golden("evaluation.html", renderHtml(doc, { embedFonts: false })));
  it("xlsx: one sheet per table", async () => {
    const bytes = await renderXlsx(doc);
    expect(bytes.byteLength).toBeGreaterThan(1000);
  });
});
