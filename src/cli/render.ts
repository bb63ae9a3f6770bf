/**
 * `yusuan render <budget|dir-of-budgets> --out <dir> --format json,html,…`: the department's disclosure at
 * the top of the output, each unit's under units/<code>/. Given a directory of budgets, renders each into
 * <out>/<name>/ with a progress bar; one bad budget never stops the batch, and a summary says what failed.
 */
import { mkdir, readdir, stat, writeFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { SingleBar } from "cli-progress";
import { LAYOUTS, type Layout, deriveAll } from "../core/disclosure.ts";
import { readBudget, resolveBudgetFile } from "../formats/budget-file/read-file.ts";
import { InputError, formatProblem } from "../formats/errors.ts";
import { type CatalogOptions, catalogFor } from "../formats/catalog-choice.ts";
import { EXIT, type Io, reportFailure } from "./main.ts";
import { RENDERERS } from "../formats/renderers.ts";

export interface RenderOptions extends CatalogOptions {
  out: string;
  format: string;
  layout?: string;
  progress?: boolean;
}

export function parseFormats(list: string): string[] {
  const names = list.split(",").map((s) => s.trim()).filter(Boolean);
  const all = Object.keys(RENDERERS);
  const formats = names.includes("all") ? all : names;
  const unknown = formats.filter((f) => !RENDERERS[f]);
  if (unknown.length || formats.length === 0) {
    throw new InputError([{ file: "--format", message: `未知格式 ${unknown.join(",") || list} / unknown format; 可用 / available: ${all.join(", ")}, all` }]);
  }
  return formats;
}

export function parseLayout(layout: string | undefined): Layout {
  const l = layout ?? "henan13";
  if (!(LAYOUTS as readonly string[]).includes(l)) throw new InputError([{ file: "--layout", message: `未知表格样式 ${l} / unknown layout; 可用 / available: ${LAYOUTS.join(", ")}` }]);
  return l as Layout;
}

/** Renders one budget; returns the files written. Throws InputError on unusable input. */
export async function renderOne(budgetPath: string, out: string, formats: string[], layout: Layout, opts: CatalogOptions, warn: (s: string) => void): Promise<string[]> {
  const { budget } = await readBudget(budgetPath);
  const catalog = await catalogFor(budget.year, opts, warn);
  const written: string[] = [];
  for (const d of deriveAll(budget, catalog, layout)) {
    const dir = d.scope.kind === "department" ? out : join(out, "units", d.scope.code);
    await mkdir(dir, { recursive: true });
    for (const f of formats) {
      const r = RENDERERS[f]!;
      const path = join(dir, r.file);
      await writeFile(path, await r.render(d));
      written.push(path);
    }
  }
  return written;
}

/** The budgets inside a directory that holds no budget file itself: sub-directories and budget files. */
async function batchEntries(dir: string): Promise<string[] | undefined> {
  try {
    await resolveBudgetFile(dir);
    return undefined; // a single budget directory
  } catch {
    const s = await stat(dir).catch(() => undefined);
    if (!s?.isDirectory()) return undefined;
  }
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const found: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) found.push(p);
    else if ([".yaml", ".yml", ".json", ".xlsx"].includes(extname(e.name).toLowerCase())) found.push(p);
  }
  return found.length ? found : undefined;
}

export async function renderCommand(budgetPath: string, opts: RenderOptions, io: Io): Promise<number> {
  try {
    const formats = parseFormats(opts.format);
    const layout = parseLayout(opts.layout);
    const batch = await batchEntries(budgetPath);
    if (!batch) {
      const written = await renderOne(budgetPath, opts.out, formats, layout, opts, io.err);
      io.out(`已生成 ${written.length} 个文件 / wrote ${written.length} files:\n${written.map((p) => `  ${p}`).join("\n")}`);
      return EXIT.ok;
    }
    return await renderBatch(batch, opts, formats, layout, io);
  } catch (e) {
    return reportFailure(e, io);
  }
}

async function renderBatch(entries: string[], opts: RenderOptions, formats: string[], layout: Layout, io: Io): Promise<number> {
  const failures: { budget: string; reason: string }[] = [];
  const warnings = new Set<string>();
  const bar = new SingleBar({
    format: "渲染 / rendering [{bar}] {value}/{total} {name}",
    stream: process.stderr,
    noTTYOutput: false,
    hideCursor: true,
  });
  const showBar = opts.progress ?? Boolean(process.stderr.isTTY);
  if (showBar) bar.start(entries.length, 0, { name: "" });
  let files = 0;
  for (const [i, entry] of entries.entries()) {
    const name = basename(entry, extname(entry));
    if (showBar) bar.update(i, { name });
    try {
      files += (await renderOne(entry, join(opts.out, name), formats, layout, opts, (w) => warnings.add(w))).length;
    } catch (e) {
      const reason = e instanceof InputError ? e.problems.map(formatProblem).join("; ") : e instanceof Error ? e.message : String(e);
      failures.push({ budget: entry, reason });
    }
  }
  if (showBar) {
    bar.update(entries.length, { name: "" });
    bar.stop();
  }
  for (const w of warnings) io.err(w);
  const ok = entries.length - failures.length;
  io.out(`完成 / done: ${ok} 个预算成功 / succeeded, ${failures.length} 个失败 / failed; 共生成 ${files} 个文件 / ${files} files written to ${opts.out}`);
  for (const f of failures) io.err(`失败 / failed: ${f.budget}: ${f.reason}`);
  return failures.length ? EXIT.unusable : EXIT.ok;
}
