/**
 * 生成样例省 — `npm run seed:region -- [--departments 5000 --units 20000 --cities 16 --counties 100 --years 3]`
 *
 * Fills the database the server uses (PostgreSQL at DATABASE_URL, else PGlite in --data-dir, default ./data)
 * with a generated province: 1 省, its 市 and 县/区, departments spread over all of them, each with
 * plausible budgets (the test generator, test/support/generate.ts, with every indicator's target filled) for
 * each year, published through the workflow services (src/server/seed-region.ts). Prints progress on
 * stderr and, at the end, what it made and how long it took. Run it on an empty database (or one without
 * the province's codes): `yusuan serve --no-seed` after it shows the province on the portal.
 *
 * Options: --formats json (what each publication renders and stores; `all` for every format, slow),
 * --concurrency N (departments at once; default 4 on PostgreSQL, 2 on PGlite: it has one connection, taken in
 * turn, and one department's files render in the job pool while the other's rows are written),
 * --first-year 2021, --code 990000 --name 样例省, --schema <name> (a schema of its own on a shared server).
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { RENDERERS } from "../src/formats/renderers.ts";
import { buildApp } from "../src/server/app.ts";
import { lockDataDir } from "../src/server/data-dir-lock.ts";
import { DEFAULT_PROVINCE, type ProvinceSize, seedProvince } from "../src/server/seed-region.ts";
import { openDatabase } from "../src/store/database.ts";
import { provinceBudget } from "../test/support/province.ts";

const { values } = parseArgs({
  options: {
    departments: { type: "string" },
    units: { type: "string" },
    cities: { type: "string" },
    counties: { type: "string" },
    years: { type: "string" },
    "first-year": { type: "string" },
    code: { type: "string" },
    name: { type: "string" },
    formats: { type: "string", default: "json" },
    concurrency: { type: "string" },
    "data-dir": { type: "string", default: process.env.YUSUAN_DATA_DIR ?? "data" },
    schema: { type: "string" },
  },
  strict: true,
});

function whole(name: keyof typeof values, fallback: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(String(raw).replace(/_/g, ""));
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} 应为整数 / expects a whole number (got "${String(raw)}")`);
    process.exit(2);
  }
  return n;
}

const departments = whole("departments", DEFAULT_PROVINCE.departments);
const size: ProvinceSize = {
  departments,
  // the default keeps the default's 4 units a department when only --departments is given
  units: whole("units", values.units === undefined ? departments * (DEFAULT_PROVINCE.units / DEFAULT_PROVINCE.departments) : DEFAULT_PROVINCE.units),
  cities: whole("cities", DEFAULT_PROVINCE.cities),
  counties: whole("counties", DEFAULT_PROVINCE.counties),
  years: whole("years", DEFAULT_PROVINCE.years),
  firstYear: whole("first-year", DEFAULT_PROVINCE.firstYear),
  code: values.code ?? DEFAULT_PROVINCE.code,
  name: values.name ?? DEFAULT_PROVINCE.name,
};
const formats = values.formats === "all" ? Object.keys(RENDERERS) : values.formats.split(",").map((f) => f.trim());
for (const f of formats) {
  if (!RENDERERS[f]) {
    console.error(`未知格式 ${f} / unknown format; 可用 / available: ${Object.keys(RENDERERS).join(", ")}, all`);
    process.exit(2);
  }
}

const url = process.env.DATABASE_URL || undefined;
const dataDir = url ? undefined : resolve(values["data-dir"]);
const unlock = dataDir ? await lockDataDir(dataDir) : async () => {};
const database = await openDatabase({ url, dataDir, ...(values.schema ? { schema: values.schema } : {}) });
const app = await buildApp(database, { publishFormats: formats, logger: false });
const started = performance.now();
let lastPrint = 0;
try {
  const seeded = await seedProvince(app.ctx, size, (plan) => provinceBudget(plan, size.firstYear), {
    concurrency: whole("concurrency", url ? 4 : 2),
    progress: (done, total) => {
      const now = performance.now();
      if (now - lastPrint < 2000 && done < total) return;
      lastPrint = now;
      const s = (now - started) / 1000;
      process.stderr.write(`公开 / published ${done}/${total} budgets, ${s.toFixed(0)} s, ${(done / s).toFixed(1)}/s\n`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${size.name}（${size.code}）：${seeded.regions} 个区划 / regions, ${seeded.departments} 个部门 / departments, ${seeded.units} 个单位 / units, ` +
      `${seeded.budgets} 份预算已公开 / budgets published (${seeded.explained} warnings explained), ${seeded.facts} facts; ` +
      `${seconds.toFixed(1)} s, ${((seconds * 1000) / seeded.budgets).toFixed(0)} ms a budget (formats: ${formats.join(",")}; ${database.kind})`,
  );
} finally {
  await app.close();
  await database.close();
  await unlock();
}
