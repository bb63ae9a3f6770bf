/**
 * The Excel entry workbook (录入工作簿): a template people fill in Excel or WPS, and the reader that turns a
 * filled one into a Budget through the same schema as YAML files, reporting bad cells by sheet and cell.
 */
export { parseEntryWorkbook, readEntryWorkbook } from "./read.ts";
export { writeEntryTemplate, writeEntryWorkbook } from "./write.ts";
export { REQUIRED_SHEETS, SHEET, SHEET_ORDER } from "./layout.ts";
export { registerXlsxReader } from "./register.ts";
