/**
 * 开放数据 XLSX — the open-data rows (src/formats/open-data.ts) as a workbook: a 数据 sheet with the same
 * columns as the CSV (amounts as numbers in 元, two decimals) and a 说明 sheet naming each column.
 */
import ExcelJS from "exceljs";
import { parseDecimal, toYuan } from "../core/money.ts";
import { OPEN_DATA_FIELDS, type OpenDataRow } from "./open-data.ts";

export async function openDataXlsx(title: string, rows: Iterable<OpenDataRow>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Yusuan";
  const data = wb.addWorksheet("数据", { views: [{ state: "frozen", ySplit: 1 }] });
  data.columns = OPEN_DATA_FIELDS.map(([name, type]) => ({ header: name, key: name, width: type === "number" ? 16 : name.endsWith("_name") ? 28 : 12 }));
  data.getColumn("amount").numFmt = "#,##0.00";
  for (const r of rows) {
    // the CSV's exact 元 text, read back to 分 and written as the number it prints
    data.addRow({ ...r, year: Number(r.year), amount: toYuan(parseDecimal(r.amount, "元")) });
  }
  const about = wb.addWorksheet("说明");
  about.addRow([title]);
  about.addRow(["列 / column", "含义 / meaning", "类型 / type"]);
  for (const [name, type, meaning] of OPEN_DATA_FIELDS) about.addRow([name, meaning, type]);
  about.getColumn(1).width = 24;
  about.getColumn(2).width = 48;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
