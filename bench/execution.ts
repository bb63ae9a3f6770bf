/**
 * Execution import benchmark: `npm run bench:execution [-- --rows 200000] [-- --xlsx]`.
 *
 * A year of treasury payments for a large department (default 200,000 rows over 20 units, 300 projects
 * and the sample's codes), written as a CSV export (and, with --xlsx, as an XLSX one), then read with the
 * all-or-nothing importer and carried through the side-by-side ledger and the self-evaluation. Reports
 * rows per second and the process's peak RSS. Target on this machine: the CSV import under 10 s.
 */
import os from "node:os";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { evaluateDepartment, evaluateProjects, sideBySide } from "../src/core/execution/index.ts";
import type { Execution } from "../src/core/execution/model.ts";
import type { Budget } from "../src/core/model.ts";
import { fen } from "../src/core/money.ts";
import { importPaymentsCsv, importPaymentsXlsx } from "../src/formats/execution/payments.ts";
import { benchArgs, positiveInt } from "./args.ts";

const args = benchArgs({ strings: ["rows"], flags: ["xlsx"] });
const ROWS = positiveInt(args, "rows", 200_000);
const XLSX = args.xlsx === true;
const TARGET_S = 10;

let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const timer = setInterval(sample, 20);

// A deterministic generator (no Math.random: the same file every run).
let seed = 42;
const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);

const UNITS = Array.from({ length: 20 }, (_, i) => `313${String(i + 1).padStart(3, "0")}`);
const FUNCTIONAL = ["2080208", "2010101", "2080505", "2101101", "2210201", "2060799"];
const ECONOMIC = ["30101", "30102", "30103", "30201", "30205", "30211", "30216", "30227", "30299", "31002"];
const PROJECTS = Array.from({ length: 300 }, (_, i) => `${UNITS[i % UNITS.length]}-${i + 1}`);

function budget(): Budget {
  return {
    year: 2021,
    department: { code: "313", name: "大型部门" },
    units: UNITS.map((code) => ({ code, name: `单位${code}`, type: "administrative", staffing: { actual: 50 } })),
    lineItems: PROJECTS.map((p, i) => ({ unit: p.slice(0, 6), functional: FUNCTIONAL[i % FUNCTIONAL.length]!, economic: ECONOMIC[i % ECONOMIC.length]!, nature: "project", project: p, source: "gpb-appropriation", amount: fen(100_000_000) })),
    projects: PROJECTS.map((code) => ({ code, name: `项目${code}`, unit: code.slice(0, 6), class: "general", indicators: [{ level1: "产出指标", level2: "数量指标", level3: "数量", target: { kind: "numeric", comparator: "≥", value: "10", unit: "个" } }] })),
    procurement: [],
    reasons: {},
    profile: { duties: [], organisation: "" },
  };
}

function csv(rows: number): string {
  const parts = ["支付日期,单位代码,功能科目,经济科目,项目编码,金额"];
  for (let i = 0; i < rows; i++) {
    const p = rnd(3) === 0 ? "" : PROJECTS[rnd(PROJECTS.length)]!;
    const unit = p ? p.slice(0, 6) : UNITS[rnd(UNITS.length)]!;
    parts.push(`2021-${String(1 + rnd(12)).padStart(2, "0")}-${String(1 + rnd(28)).padStart(2, "0")},${unit},${FUNCTIONAL[rnd(FUNCTIONAL.length)]},${ECONOMIC[rnd(ECONOMIC.length)]},${p},${rnd(5_000_000) / 100}`);
  }
  return parts.join("\n");
}

/** Written with exceljs's streaming writer, so making the file does not inflate the importer's peak RSS. */
async function xlsx(text: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet("支付明细");
  for (const line of text.split("\n")) ws.addRow(line.split(",")).commit();
  ws.commit();
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

const b = budget();
const opts = { year: 2021, units: new Set(UNITS), projects: new Set(PROJECTS) };
const text = csv(ROWS);
console.log(`machine: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, load ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}, node ${process.version}`);
console.log(`CSV export: ${ROWS.toLocaleString("en")} rows, ${(text.length / 1048576).toFixed(1)} MB of text`);

peak = 0;
sample();
// the bytes of an upload, as the server receives them
const bytes = Buffer.from(text);
const baseRss = process.memoryUsage().rss;
let t0 = performance.now();
const cpu0 = process.cpuUsage();
const r = await importPaymentsCsv(bytes, "payments.csv", opts);
const importMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
sample();
if (!r.ok) throw new Error(`bench data rejected: ${r.findings[0]?.message}`);
console.log(`CSV import: ${(importMs / 1000).toFixed(2)} s wall (${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU), ${Math.round(ROWS / (importMs / 1000)).toLocaleString("en")} rows/s, peak RSS ${(peak / 1048576).toFixed(0)} MB (${((peak - baseRss) / 1048576).toFixed(0)} MB above the start) — target < ${TARGET_S} s: ${importMs / 1000 < TARGET_S ? "met" : "MISSED"}`);

const exec: Execution = { year: 2021, asOf: "2021-12-31", payments: r.payments, adjustments: [], actuals: [] };
t0 = performance.now();
const lines = sideBySide(b, exec);
evaluateProjects(b, exec, {}, lines);
evaluateDepartment(b, exec, {}, lines);
sample();
console.log(`side by side + self-evaluation of ${PROJECTS.length} projects: ${((performance.now() - t0) / 1000).toFixed(2)} s, ${lines.length.toLocaleString("en")} lines, peak RSS ${(peak / 1048576).toFixed(0)} MB`);

if (XLSX) {
  const data = await xlsx(text);
  peak = 0;
  sample();
  t0 = performance.now();
  const x = await importPaymentsXlsx(data, "payments.xlsx", opts);
  const ms = performance.now() - t0;
  sample();
  if (!x.ok) throw new Error("xlsx rejected");
  console.log(`XLSX import: ${(data.byteLength / 1048576).toFixed(1)} MB, ${(ms / 1000).toFixed(2)} s, ${Math.round(ROWS / (ms / 1000)).toLocaleString("en")} rows/s, peak RSS ${(peak / 1048576).toFixed(0)} MB`);
}
clearInterval(timer);
