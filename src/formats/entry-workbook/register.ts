import { registerBudgetReader } from "../budget-file/read-file.ts";

/**
 * Lets every command that reads a budget read .xlsx entry workbooks too. The reader (and ExcelJS with it)
 * is loaded when the first workbook is read, so registering it costs a command that reads YAML nothing.
 */
export function registerXlsxReader(): void {
  registerBudgetReader(".xlsx", async (file) => (await import("./read.ts")).readEntryWorkbookPlaced(file));
}
