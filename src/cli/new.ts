/** `yusuan new <dir>` writes a commented budget.yaml; `yusuan new --xlsx <file>` writes the Excel entry workbook. */
import { access, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { budgetTemplate } from "../formats/budget-file/template.ts";
import { InputError } from "../formats/errors.ts";
import { EXIT, type Io, reportFailure } from "./main.ts";

export interface NewOptions {
  year?: string;
  xlsx?: string;
  force?: boolean;
}

async function refuseOverwrite(path: string, force: boolean | undefined): Promise<void> {
  if (force) return;
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  if (exists) throw new InputError([{ file: path, message: "文件已存在，未覆盖（用 --force 覆盖）/ file exists, not overwritten (use --force)" }]);
}

export function parseYear(y: string | undefined): number {
  const year = y === undefined ? new Date().getFullYear() + 1 : Number(y);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new InputError([{ file: "--year", message: `年度无效 / invalid year: ${y}` }]);
  return year;
}

export async function newCommand(dir: string | undefined, opts: NewOptions, io: Io): Promise<number> {
  try {
    const year = parseYear(opts.year);
    if (opts.xlsx) {
      const { writeXlsxTemplate } = await import("./new-xlsx.ts");
      await refuseOverwrite(opts.xlsx, opts.force);
      await writeXlsxTemplate(opts.xlsx, year);
      io.out(`已生成填报模板 / wrote the entry workbook: ${opts.xlsx}`);
      return EXIT.ok;
    }
    if (!dir) throw new InputError([{ file: "yusuan new", message: "请给出目录或 --xlsx <文件> / give a directory or --xlsx <file>" }]);
    await mkdir(dir, { recursive: true });
    const path = join(dir, "budget.yaml");
    await refuseOverwrite(path, opts.force);
    await writeFile(path, budgetTemplate(year));
    io.out(`已生成 / wrote ${path}`);
    return EXIT.ok;
  } catch (e) {
    return reportFailure(e, io);
  }
}
