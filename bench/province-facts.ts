/**
 * The generated province's facts alone, for the portal's benchmarks at full size: the regions as
 * src/server/seed-region.ts lays them out (省 990000, 市 99cc00, 县/区 99cckk), one department each round
 * the regions, each with the generator's budget (test/support/province.ts), a publication without files and
 * its facts written by `writeFacts` — what publishing writes for the portal, without the workflow, the
 * documents or the accounts (the portal reads none of them). 5,000 departments take about half a minute.
 */
import { budgetFacts, budgetTotals } from "../src/core/facts.ts";
import type { ProvinceSize } from "../src/server/seed-region.ts";
import type { Db } from "../src/store/schema.ts";
import { createBudget } from "../src/store/repos/budgets.ts";
import { writeFacts } from "../src/store/repos/facts.ts";
import { insertPublication } from "../src/store/repos/publications.ts";
import { addRegion } from "../src/store/repos/regions.ts";
import { createDepartment } from "../src/store/repos/tenancy.ts";
import { provinceBudget } from "../test/support/province.ts";

export async function writeProvinceFacts(db: Db, size: ProvinceSize, progress?: (done: number) => void): Promise<{ budgets: number; facts: number }> {
  const regions: { id: number; name: string }[] = [];
  const province = await addRegion(db, { code: size.code, name: size.name, parentId: null });
  regions.push({ id: province, name: size.name });
  for (let c = 1; c <= size.cities; c++) {
    const cityCode = `${size.code.slice(0, 2)}${String(c).padStart(2, "0")}`;
    const city = await addRegion(db, { code: `${cityCode}00`, name: `${size.name}第${c}市`, parentId: province });
    regions.push({ id: city, name: `${size.name}第${c}市` });
    const here = Math.floor(size.counties / size.cities) + (c <= size.counties % size.cities ? 1 : 0);
    for (let k = 1; k <= here; k++) {
      const name = `${size.name}第${c}市第${k}县`;
      regions.push({ id: await addRegion(db, { code: `${cityCode}${String(k).padStart(2, "0")}`, name, parentId: city }), name });
    }
  }
  let budgets = 0;
  let facts = 0;
  for (let index = 0; index < size.departments; index++) {
    const region = regions[index % regions.length]!;
    const code = String(101 + Math.floor(index / regions.length));
    const name = `${region.name}第${code}部门`;
    const departmentId = await createDepartment(db, region.id, code, name);
    for (let y = 0; y < size.years; y++) {
      const year = size.firstYear + y;
      const budget = provinceBudget({ index, year, code, name, regionName: region.name, units: 1 + (index % 7) }, size.firstYear);
      const budgetId = await createBudget(db, departmentId, year);
      const rows = budgetFacts(budget);
      await db.transaction().execute(async (trx) => {
        const p = await insertPublication(trx, { budgetId, budgetVersion: 1, publishedOn: `${year}-02-20`, publishedBy: null, changeNote: null, regionId: region.id, year, departmentCode: code, departmentName: name, title: `${name}${year}年度部门预算`, files: [] });
        await writeFacts(trx, { publicationId: p.id, budgetId, regionId: region.id, departmentId, year }, rows, budgetTotals(budget), budget.prior);
      });
      budgets++;
      facts += rows.length;
    }
    progress?.(index + 1);
  }
  return { budgets, facts };
}
