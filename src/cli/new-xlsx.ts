/** The Excel entry workbook for `yusuan new --xlsx` (src/formats/entry-workbook). */
import { writeFile } from "node:fs/promises";
import { builtInCatalog, BUILT_IN_YEARS } from "../core/catalogs/index.ts";
import { writeEntryTemplate } from "../formats/entry-workbook/index.ts";

export async function writeXlsxTemplate(path: string, year: number): Promise<void> {
  const catalog = builtInCatalog(year) ?? { ...builtInCatalog(BUILT_IN_YEARS[BUILT_IN_YEARS.length - 1]!)!, year };
  await writeFile(path, await writeEntryTemplate({ year, catalog }));
}
