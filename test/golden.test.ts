/**
 * Golden files for the 2021 sample: the whole disclosure as text (tables as TSV, narrative) and as JSON,
 * for the department and its unit. When output changes on purpose, run `npm run golden:update` and review the diff of test/golden/.
 */
import { join } from "node:path";
import { describe, it } from "vitest";
import { CatalogIndex } from "../src/core/catalog.ts";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import { deriveAll } from "../src/core/disclosure.ts";
import { readBudget } from "../src/formats/budget-file/read.ts";
import { renderJson } from "../src/formats/json.ts";
import { renderText } from "../src/formats/text.ts";
import { expectGolden } from "./support/golden.ts";

const dir = "test/golden/luolong-shequ-2021";

function golden(name: string, actual: string): void {
  expectGolden(join(dir, name), actual);
}

describe("2021 sample golden files", async () => {
  const { budget } = await readBudget("examples/luolong-shequ-2021");
  const disclosures = deriveAll(budget, new CatalogIndex(builtInCatalog(2021)!));

  for (const d of disclosures) {
    const stem = d.scope.kind === "department" ? "department" : `unit-${d.scope.code}`;
    it(`${stem}: text (tables and narrative)`, () => golden(`${stem}.txt`, renderText(d)));
    it(`${stem}: disclosure.json`, () => golden(`${stem}.json`, renderJson(d)));
  }
  it("department, central 9-table layout: text", () => {
    const [central] = deriveAll(budget, new CatalogIndex(builtInCatalog(2021)!), "central9");
    golden("department-central9.txt", renderText(central!));
  });
  // Shanghai's district template: tables 1–8 in 元, table 9 in 万元, 编制部门 / 编制单位, 预算单位 titles.
  for (const d of deriveAll(budget, new CatalogIndex(builtInCatalog(2021)!), "shanghai-district-2025")) {
    const stem = d.scope.kind === "department" ? "department" : `unit-${d.scope.code}`;
    it(`${stem}, Shanghai district template: text`, () => golden(`${stem}-shanghai-district-2025.txt`, renderText(d)));
    it(`${stem}, Shanghai district template: disclosure.json`, () => golden(`${stem}-shanghai-district-2025.json`, renderJson(d)));
  }
});

// Jiangsu's provincial template, drawn from the Jiangsu-shaped sample (预留机动, 结转下年, income lines, 会议费).
describe("Jiangsu sample golden files", async () => {
  const { budget } = await readBudget("test/fixtures/jiangsu-sample-2021");
  const [department] = deriveAll(budget, new CatalogIndex(builtInCatalog(2021)!), "jiangsu-province");
  it("department, Jiangsu provincial template: text", () => expectGolden("test/golden/jiangsu-sample-2021/department-jiangsu-province.txt", renderText(department!)));
});
