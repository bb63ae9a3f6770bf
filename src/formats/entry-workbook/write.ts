/**
 * Writes the entry workbook: the empty template (`yusuan new --xlsx`) or the same template filled with a
 * budget. Amounts are numbers in 元 with `#,##0.00`; codes and text are text cells (`@`), so 2080208 stays
 * text and "=1+2" is never evaluated.
 */
import ExcelJS from "exceljs";
import { CatalogIndex, type YearCatalog } from "../../core/catalog.ts";
import type { Assets, Budget, DepartmentTargets, Exemption, Indicator, PriorYear, ReasonKey, UnitType } from "../../core/model.ts";
import { FUNDING_SOURCE_NAMES, NATURE_SHORT_NAMES, PROCUREMENT_KIND_NAMES, PROCUREMENT_ORGANISATION_NAMES, PROJECT_CLASS_NAMES, REASON_KEYS } from "../../core/model.ts";
import { type Fen, toYuan } from "../../core/money.ts";
import { formatTarget } from "../../core/targets.ts";
import { guideParagraphs } from "./guide.ts";
import {
  ASSETS_SHEET,
  DEPARTMENT_SHEET,
  INCOME_SHEET,
  INDICATORS_SHEET,
  KV_LABEL_HEADER,
  KV_NOTE_HEADER,
  LINE_ITEMS_SHEET,
  MONEY_FORMAT,
  OWNER_DEPARTMENT,
  PRIOR_AMOUNT_FIELDS,
  PROCUREMENT_SHEET,
  PROJECTS_SHEET,
  SHEET,
  STANDARD_VEHICLES,
  TARGET_ROW_KINDS,
  TARGETS_SHEET,
  TEXT_FORMAT,
  TEXTS_SHEET,
  UNIT_OWNER_PREFIX,
  UNITS_SHEET,
  VEHICLE_PREFIX,
  type KvRowDef,
  type KvSheetDef,
  type TableSheetDef,
  type ValueKind,
  columnLetter,
  priorSheet,
} from "./layout.ts";

/** Rows below the header that carry the validations and formats in an empty sheet. */
export const TEMPLATE_ROWS = 1000;
/** Rows of room kept below the data of a filled sheet. */
const SPARE_ROWS = 500;

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const LABEL_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
const THIN: Partial<ExcelJS.Borders> = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };
const FONT = "宋体";
/** Printed landscape, fitted to the page width. */
const PAGE: Partial<ExcelJS.PageSetup> = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" };

const UNIT_TYPE_SHORT: Record<UnitType, string> = { administrative: "行政", "civil-service-managed": "参公", institution: "事业" };

/** One cell's content as written: a value of a kind. */
type Out = string | number | boolean | undefined;

/** exceljs types the sheet's validation list only loosely; this is the part used here. */
interface Validations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

function validations(ws: ExcelJS.Worksheet): Validations {
  return (ws as unknown as { dataValidations: Validations }).dataValidations;
}

/** Width in Excel character units: CJK and other wide characters count double. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! > 0xff ? 2 : 1;
  return w;
}

/**
 * A row's height for its wrapped cells ([text, column width, font size]). Heights are set rather than left
 * to the viewer: not every program grows a row for wrapped text when it opens a file.
 */
function fitHeight(row: ExcelJS.Row, cells: [Out, number, number][]): void {
  let lines = 1;
  for (const [text, width, size] of cells) {
    if (typeof text !== "string") continue;
    const room = Math.max(1, width - 1.5);
    const n = text.split("\n").reduce((k, line) => k + Math.max(1, Math.ceil((displayWidth(line) * 1.1 * size) / 11 / room)), 0);
    lines = Math.max(lines, n);
  }
  if (lines > 1) row.height = lines * 14.5 + 4;
}

/** 元 as the cell's number: the core's exact 元 digits (the same double as 分 / 100). */
function yuan(fen: number | undefined): number | undefined {
  return fen === undefined ? undefined : toYuan(fen as Fen);
}

/** 不予公开, 不予公开理由: 是 and the reason for a withheld unit or project, both empty otherwise. */
function exemptCells(e: Exemption | undefined): Out[] {
  return e === undefined ? [undefined, undefined] : [true, e.basis];
}

function put(cell: ExcelJS.Cell, kind: ValueKind, value: Out): void {
  if (kind === "amount") cell.numFmt = MONEY_FORMAT;
  else if (kind !== "count" && kind !== "year") cell.numFmt = TEXT_FORMAT;
  if (value === undefined || value === "") return;
  if (kind === "bool" && typeof value === "boolean") cell.value = value ? "是" : "否";
  else cell.value = value;
}

function header(cell: ExcelJS.Cell, text: string, note: string): void {
  cell.value = text;
  cell.font = { name: FONT, bold: true, size: 11 };
  cell.fill = HEADER_FILL;
  cell.border = THIN;
  cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  cell.numFmt = TEXT_FORMAT;
  cell.note = note;
}

interface CodeRanges {
  functional: string;
  economic: string;
}

// ——— table sheets ———

function addTableSheet(wb: ExcelJS.Workbook, def: TableSheetDef, rows: readonly Out[][], codes: CodeRanges): void {
  const ws = wb.addWorksheet(def.name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0, activeCell: "A2" }], pageSetup: PAGE });
  const last = Math.max(TEMPLATE_ROWS, rows.length + SPARE_ROWS) + 1;
  def.columns.forEach((col, i) => {
    const column = ws.getColumn(i + 1);
    column.width = col.width;
    // Column styles reach the cells people type into later.
    if (col.kind === "amount") column.numFmt = MONEY_FORMAT;
    else if (col.kind !== "count") column.numFmt = TEXT_FORMAT;
    column.font = { name: FONT, size: 11 };
    column.alignment = col.wrap ? { wrapText: true, vertical: "top" } : { vertical: "top" };
    header(ws.getCell(1, i + 1), col.header, `${col.header}${col.required ? "（必填）" : ""}：${col.note}`);
    const range = `${columnLetter(i + 1)}2:${columnLetter(i + 1)}${last}`;
    if (col.list) {
      validations(ws).add(range, {
        type: "list",
        allowBlank: true,
        formulae: [`"${col.list.join(",")}"`],
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: col.header,
        error: `请从下拉列表中选择：${col.list.join("、")}`,
      });
    } else if (col.codeList) {
      validations(ws).add(range, {
        type: "list",
        allowBlank: true,
        formulae: [codes[col.codeList]],
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: col.header,
        error: `这个编码不在“${SHEET.codes}”表的${col.codeList === "functional" ? "功能分类" : "经济分类"}科目中。仍要使用请点“是”；检查时会提示。`,
      });
    } else if (col.kind === "count") {
      validations(ws).add(range, {
        type: "whole",
        operator: "greaterThanOrEqual",
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: col.header,
        error: "请填写不小于 0 的整数。",
      });
    }
  });
  ws.getRow(1).height = 30;
  rows.forEach((values, r) => {
    def.columns.forEach((col, c) => put(ws.getCell(r + 2, c + 1), col.kind, values[c]));
    fitHeight(
      ws.getRow(r + 2),
      def.columns.flatMap((col, c): [Out, number, number][] => (col.wrap ? [[values[c], col.width, 11]] : [])),
    );
  });
}

// ——— key/value sheets ———

interface KvColumnOut {
  header: string;
  values: Map<string, Out[]>;
}

function addKvSheet(wb: ExcelJS.Workbook, def: KvSheetDef, rows: readonly KvRowDef[], columns: readonly KvColumnOut[], valueWidth: number): void {
  const ws = wb.addWorksheet(def.name, { views: [{ state: "frozen", ySplit: 1, xSplit: 1, activeCell: "C2" }], pageSetup: PAGE });
  ws.getColumn(1).width = 40;
  ws.getColumn(2).width = 44;
  header(ws.getCell(1, 1), KV_LABEL_HEADER, `${KV_LABEL_HEADER}：固定的栏目名称，不要修改。${def.dynamic ? def.dynamic.note : ""}${rows.some((r) => r.repeat) ? "可重复的栏目（如 主要职能）每项一行，需要时插入行并写同样的栏目名称。" : ""}`);
  header(ws.getCell(1, 2), KV_NOTE_HEADER, `${KV_NOTE_HEADER}：每一栏怎么填，只作提示，导入时不读取。`);
  const unitNote = def.unitColumns
    ? `某个单位自己的数（用于单位的公开表）：在右侧加一列，列标题写“${UNIT_OWNER_PREFIX}单位代码”，如 ${UNIT_OWNER_PREFIX}313001。`
    : "";
  columns.forEach((col, i) => {
    ws.getColumn(3 + i).width = valueWidth;
    header(ws.getCell(1, 3 + i), col.header, col.header === def.valueHeader ? `${def.valueHeader}：在这一列填写${def.name === SHEET.department ? "部门的基本信息" : "部门的数"}。${unitNote}` : `${col.header}：这个单位自己的数。`);
  });
  ws.getRow(1).height = 30;
  // A repeated row is written once per value (at least once).
  let r = 2;
  for (const row of rows) {
    const count = Math.max(1, ...columns.map((c) => c.values.get(row.id)?.length ?? 0));
    for (let k = 0; k < count; k++, r++) {
      const label = ws.getCell(r, 1);
      label.value = row.label;
      label.numFmt = TEXT_FORMAT;
      label.font = { name: FONT, size: 11 };
      label.fill = LABEL_FILL;
      label.alignment = { vertical: "top", wrapText: true };
      const note = ws.getCell(r, 2);
      note.value = row.note;
      note.numFmt = TEXT_FORMAT;
      note.font = { name: FONT, size: 9, color: { argb: "FF7F7F7F" } };
      note.alignment = { vertical: "top", wrapText: true };
      columns.forEach((col, i) => {
        const cell = ws.getCell(r, 3 + i);
        cell.font = { name: FONT, size: 11 };
        cell.alignment = row.kind === "amount" || row.kind === "count" ? { vertical: "top" } : { vertical: "top", horizontal: "left", wrapText: true };
        put(cell, row.kind, col.values.get(row.id)?.[k]);
      });
      fitHeight(ws.getRow(r), [
        [row.label, 40, 11],
        [row.note, 44, 9],
        ...columns.map((col): [Out, number, number] => [col.values.get(row.id)?.[k], valueWidth, 11]),
      ]);
    }
  }
}

function kvColumn(header: string, entries: Iterable<[string, Out | Out[]]>): KvColumnOut {
  const values = new Map<string, Out[]>();
  for (const [id, v] of entries) {
    const list = Array.isArray(v) ? v : [v];
    if (list.some((x) => x !== undefined)) values.set(id, list);
  }
  return { header, values };
}

function assetsEntries(a: Assets | undefined): [string, Out][] {
  if (!a) return [];
  return [
    ["asOf", a.asOf],
    ...Object.entries(a.vehicles).map(([k, n]): [string, Out] => [`vehicle:${k}`, n]),
    ["generalEquipmentOver500k", a.generalEquipmentOver500k],
    ["specialEquipmentOver1m", a.specialEquipmentOver1m],
  ];
}

function priorEntries(p: PriorYear | undefined): [string, Out][] {
  if (!p) return [];
  return [
    ["year", p.year],
    ["basis", p.basis],
    ...PRIOR_AMOUNT_FIELDS.map(([id]): [string, Out] => [id, yuan(p[id])]),
    ...(p.threePublic ? Object.entries(p.threePublic).map(([k, v]): [string, Out] => [`threePublic.${k}`, yuan(v)]) : []),
    ...Object.entries(p.byClass ?? {}).map(([code, v]): [string, Out] => [`byClass:${code}`, yuan(v)]),
  ];
}

function reasonEntries(r: Partial<Record<ReasonKey, string>> | undefined): [string, Out][] {
  return REASON_KEYS.map((k): [string, Out] => [`reason:${k}`, r?.[k]]);
}

// ——— the workbook ———

function indicatorRow(owner: string, i: Indicator): Out[] {
  return [owner, i.level1, i.level2, i.level3, i.target ? formatTarget(i.target) : undefined, i.explanation, i.method];
}

function targetRows(owner: string, t: DepartmentTargets | undefined): Out[][] {
  if (!t) return [];
  return [
    ...t.goals.map((g): Out[] => [owner, TARGET_ROW_KINDS.goal, undefined, g]),
    ...t.tasks.map((task): Out[] => [
      owner,
      TARGET_ROW_KINDS.task,
      task.name,
      task.content,
      task.funds.kind === "basic" ? "基本支出" : task.funds.kind === "project" ? "项目支出" : task.funds.codes.join("、"),
      task.note,
    ]),
  ];
}

function codeEntries(catalog: YearCatalog) {
  return {
    functional: catalog.functional.entries.filter((e) => e.code.length === 7).sort((a, b) => a.code.localeCompare(b.code)),
    economic: catalog.departmentEconomic.entries.filter((e) => e.code.length >= 5).sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/** The ranges of the 科目 sheet the code columns' lists point at. */
function codeRanges(catalog: YearCatalog): CodeRanges {
  const { functional, economic } = codeEntries(catalog);
  return {
    functional: `'${SHEET.codes}'!$A$2:$A$${Math.max(2, functional.length + 1)}`,
    economic: `'${SHEET.codes}'!$D$2:$D$${Math.max(2, economic.length + 1)}`,
  };
}

function addCodesSheet(wb: ExcelJS.Workbook, catalog: YearCatalog): void {
  const ws = wb.addWorksheet(SHEET.codes, { views: [{ state: "frozen", ySplit: 1, xSplit: 0, activeCell: "A2" }], pageSetup: PAGE });
  const { functional, economic } = codeEntries(catalog);
  const widths = [18, 44, 3, 18, 40];
  widths.forEach((w, i) => {
    const col = ws.getColumn(i + 1);
    col.width = w;
    col.numFmt = TEXT_FORMAT;
  });
  const headers: [number, string, string][] = [
    [1, "功能分类科目编码", `${catalog.year}年支出功能分类科目的“项”级编码（${functional.length}个），支出明细和项目中的功能分类编码从这里选。来源：${catalog.functional.source}`],
    [2, "功能分类科目名称", "科目名称。"],
    [4, "经济分类科目编码", `${catalog.year}年部门预算支出经济分类科目的“款”级编码及地方细化编码（${economic.length}个），支出明细中的经济分类编码从这里选。来源：${catalog.departmentEconomic.source}`],
    [5, "经济分类科目名称", "科目名称。"],
  ];
  for (const [c, h, note] of headers) {
    header(ws.getCell(1, c), h, `${h}：${note} 本表只供参考和下拉列表使用，不要修改。`);
  }
  functional.forEach((e, i) => {
    ws.getCell(i + 2, 1).value = e.code;
    ws.getCell(i + 2, 2).value = e.name;
  });
  economic.forEach((e, i) => {
    ws.getCell(i + 2, 4).value = e.code;
    ws.getCell(i + 2, 5).value = e.name;
  });
}

const GUIDE_WIDTH = 96;

function addGuideSheet(wb: ExcelJS.Workbook, year: number): void {
  const ws = wb.addWorksheet(SHEET.guide, { views: [{ showGridLines: false }], pageSetup: { ...PAGE, orientation: "portrait", printTitlesRow: undefined } });
  ws.getColumn(1).width = GUIDE_WIDTH;
  guideParagraphs(year).forEach((p, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = p.text;
    cell.numFmt = TEXT_FORMAT;
    cell.alignment = { wrapText: true, vertical: "top" };
    cell.font = { name: FONT, size: p.style === "title" ? 16 : 11, bold: p.style !== "text" };
    if (p.style === "text") fitHeight(ws.getRow(i + 1), [[p.text, GUIDE_WIDTH, 11]]);
    else ws.getRow(i + 1).height = p.style === "title" ? 30 : 24;
  });
}

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Yusuan";
  return wb;
}

async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** Everything a sheet set needs from a budget (or nothing, for the template). */
function fill(wb: ExcelJS.Workbook, year: number, catalog: YearCatalog, b: Budget | undefined): void {
  addGuideSheet(wb, year);
  // The 科目 sheet comes last, but its ranges are known up front.
  const codes = codeRanges(catalog);

  addKvSheet(
    wb,
    DEPARTMENT_SHEET,
    DEPARTMENT_SHEET.rows,
    [
      kvColumn(DEPARTMENT_SHEET.valueHeader, [
        ["year", b?.year ?? year],
        ["code", b?.department.code],
        ["name", b?.department.name],
        ["shortName", b?.department.shortName],
        ["region", b?.department.region],
        ["date", b?.date],
        ["provenance", b?.provenance],
      ]),
    ],
    40,
  );
  addTableSheet(
    wb,
    UNITS_SHEET,
    (b?.units ?? []).map((u) => [u.code, u.name, UNIT_TYPE_SHORT[u.type], u.staffing.authorized, u.staffing.actual, u.staffing.retired, ...exemptCells(u.exempt)]),
    codes,
  );
  addTableSheet(
    wb,
    LINE_ITEMS_SHEET,
    (b?.lineItems ?? []).map((l) => [l.unit, l.functional, l.economic, NATURE_SHORT_NAMES[l.nature], l.project, FUNDING_SOURCE_NAMES[l.source], yuan(l.amount), l.memo]),
    codes,
  );
  addTableSheet(
    wb,
    PROJECTS_SHEET,
    (b?.projects ?? []).map((p) => [p.code, p.name, p.unit, PROJECT_CLASS_NAMES[p.class], p.functional, p.specialTransfer, p.goal, ...exemptCells(p.exempt)]),
    codes,
  );
  addTableSheet(
    wb,
    INDICATORS_SHEET,
    [
      ...(b?.projects ?? []).flatMap((p) => p.indicators.map((i) => indicatorRow(p.code, i))),
      ...(b?.targets?.indicators ?? []).map((i) => indicatorRow(OWNER_DEPARTMENT, i)),
      ...(b?.units ?? []).flatMap((u) => (u.targets?.indicators ?? []).map((i) => indicatorRow(`${UNIT_OWNER_PREFIX}${u.code}`, i))),
    ],
    codes,
  );
  addTableSheet(
    wb,
    TARGETS_SHEET,
    [...targetRows(OWNER_DEPARTMENT, b?.targets), ...(b?.units ?? []).flatMap((u) => targetRows(`${UNIT_OWNER_PREFIX}${u.code}`, u.targets))],
    codes,
  );
  addTableSheet(wb, INCOME_SHEET, (b?.income ?? []).map((i) => [i.unit, FUNDING_SOURCE_NAMES[i.source], yuan(i.amount)]), codes);
  addTableSheet(wb, PROCUREMENT_SHEET, (b?.procurement ?? []).map((p) => [p.unit, PROCUREMENT_KIND_NAMES[p.kind], yuan(p.amount), p.project, p.item, p.economic, p.organisation && PROCUREMENT_ORGANISATION_NAMES[p.organisation]]), codes);

  const units = b?.units ?? [];
  const unitHeader = (code: string) => `${UNIT_OWNER_PREFIX}${code}`;

  // 资产: the standard vehicle kinds, then any other kind the budget uses.
  const vehicleKinds = new Set<string>(STANDARD_VEHICLES);
  for (const a of [b?.assets, ...units.map((u) => u.assets)]) for (const k of Object.keys(a?.vehicles ?? {})) vehicleKinds.add(k);
  const isVehicle = (r: KvRowDef) => r.id.startsWith("vehicle:");
  const [asOf, ...rest] = ASSETS_SHEET.rows.filter((r) => !isVehicle(r));
  const assetRows: KvRowDef[] = [
    asOf!,
    ...[...vehicleKinds].map((v): KvRowDef => ASSETS_SHEET.rows.find((r) => r.id === `vehicle:${v}`) ?? { id: `vehicle:${v}`, label: `${VEHICLE_PREFIX}${v}`, kind: "count", note: "车辆数（辆），整数。" }),
    ...rest,
  ];
  addKvSheet(
    wb,
    ASSETS_SHEET,
    assetRows,
    [kvColumn(ASSETS_SHEET.valueHeader, assetsEntries(b?.assets)), ...units.filter((u) => u.assets).map((u) => kvColumn(unitHeader(u.code), assetsEntries(u.assets)))],
    16,
  );

  // 上年数: every 类 of the year's catalog, then any other 类 the budget's prior figures use.
  const index = new CatalogIndex(catalog);
  const classes = index.functionalClasses().map((e) => ({ code: e.code, name: e.label ?? e.name }));
  const known = new Set(classes.map((c) => c.code));
  for (const p of [b?.prior, ...units.map((u) => u.prior)]) {
    for (const code of Object.keys(p?.byClass ?? {})) {
      if (!known.has(code)) {
        known.add(code);
        classes.push({ code, name: index.functionalName(code) === code ? "" : index.functionalName(code) });
      }
    }
  }
  const prior = priorSheet(classes);
  addKvSheet(
    wb,
    prior,
    prior.rows,
    [kvColumn(prior.valueHeader, priorEntries(b?.prior)), ...units.filter((u) => u.prior).map((u) => kvColumn(unitHeader(u.code), priorEntries(u.prior)))],
    18,
  );

  // 说明文字: reasons, then the profile.
  const profile: [string, Out | Out[]][] = b
    ? [
        ["duties", b.profile.duties],
        ["organisation", b.profile.organisation],
        ["unitsIncluded", b.profile.unitsIncluded ?? []],
      ]
    : [];
  const templateRows = TEXTS_SHEET.rows.flatMap((r) => (r.id === "duties" && !b ? [r, r, r] : [r]));
  addKvSheet(
    wb,
    TEXTS_SHEET,
    b ? TEXTS_SHEET.rows : templateRows,
    [
      kvColumn(TEXTS_SHEET.valueHeader, [...reasonEntries(b?.reasons), ...profile]),
      ...units.filter((u) => u.reasons && Object.keys(u.reasons).length > 0).map((u) => kvColumn(unitHeader(u.code), reasonEntries(u.reasons))),
    ],
    70,
  );

  // 科目 last: a reference for people and the source of the code lists.
  addCodesSheet(wb, catalog);
}

/** The empty template `yusuan new --xlsx` writes. */
export async function writeEntryTemplate(opts: { year: number; catalog: YearCatalog }): Promise<Uint8Array> {
  const wb = workbook();
  fill(wb, opts.year, opts.catalog, undefined);
  return toBytes(wb);
}

/** The template filled with a budget's data. */
export async function writeEntryWorkbook(budget: Budget, catalog: YearCatalog): Promise<Uint8Array> {
  const wb = workbook();
  fill(wb, budget.year, catalog, budget);
  return toBytes(wb);
}
