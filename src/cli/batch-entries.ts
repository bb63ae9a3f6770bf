/** Which paths a command treats as a directory of budgets (a batch), and the budgets in it. */
import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { resolveBudgetFile } from "../formats/budget-file/read-file.ts";

/** The budgets inside a directory that holds no budget file itself: sub-directories and budget files. */
export async function batchEntries(dir: string): Promise<string[] | undefined> {
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
