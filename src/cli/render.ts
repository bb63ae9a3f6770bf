/** `yusuan render <budget> --out <dir> --format json,html`: the department's disclosure at the top, each unit's under units/<code>/. */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { deriveAll } from "../core/disclosure.ts";
import { InputError } from "../formats/errors.ts";
import { readBudget } from "../formats/budget-file/read.ts";
import { catalogFor } from "./catalog.ts";
import { EXIT, type Io, reportFailure } from "./main.ts";
import { RENDERERS } from "./renderers.ts";

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

export async function renderCommand(
  budgetPath: string,
  opts: { out: string; format: string; catalog?: string[]; catalogMode: "extend" | "replace" },
  io: Io,
): Promise<number> {
  try {
    const formats = parseFormats(opts.format);
    const { budget } = await readBudget(budgetPath);
    const catalog = await catalogFor(budget.year, opts, io.err);
    const disclosures = deriveAll(budget, catalog);
    const written: string[] = [];
    for (const d of disclosures) {
      const dir = d.scope.kind === "department" ? opts.out : join(opts.out, "units", d.scope.code);
      await mkdir(dir, { recursive: true });
      for (const f of formats) {
        const r = RENDERERS[f]!;
        const path = join(dir, r.file);
        await writeFile(path, await r.render(d));
        written.push(path);
      }
    }
    io.out(`已生成 ${written.length} 个文件 / wrote ${written.length} files:\n${written.map((p) => `  ${p}`).join("\n")}`);
    return EXIT.ok;
  } catch (e) {
    return reportFailure(e, io);
  }
}
