/**
 * From the read sheets to the budget-file object (the same shape YAML files have), keeping for every field
 * path the cell it came from, so the schema's issues can be reported by sheet and cell.
 */
import { REASON_KEYS } from "../../core/model.ts";
import { fieldPath } from "../errors.ts";
import { convert } from "./cells.ts";
import {
  INCOME_SHEET,
  LINE_ITEMS_SHEET,
  OWNER_DEPARTMENT,
  PRIOR_AMOUNT_FIELDS,
  PROCUREMENT_SHEET,
  PROJECTS_SHEET,
  SHEET,
  TARGET_ROW_KINDS,
  TEXTS_SHEET,
  type TableSheetDef,
  type ValueKind,
  normaliseLabel,
} from "./layout.ts";
import { type CellIn, type KvColumnData, type KvData, type Problem, type TableData, type TableRow, unitOfOwner } from "./sheets.ts";

type Path = (string | number)[];
type Obj = Record<string, unknown>;

export interface WorkbookData {
  department: KvData;
  units: TableData;
  lineItems: TableData;
  projects?: TableData;
  indicators?: TableData;
  targets?: TableData;
  income?: TableData;
  procurement?: TableData;
  assets?: KvData;
  prior?: KvData;
  texts?: KvData;
}

export interface Built {
  file: Obj;
  /** field path (lineItems[5].amount) → cell (支出明细!G7) */
  cells: Map<string, string>;
  problems: Problem[];
}

function set(o: Obj, key: string, value: unknown): void {
  if (value !== undefined) o[key] = value;
}

interface TargetsObj {
  goals: string[];
  tasks: Obj[];
  indicators: Obj[];
}

class Builder {
  readonly cells = new Map<string, string>();
  readonly problems: Problem[] = [];

  /** The first cell registered for a path wins. */
  at(path: Path, ref: string): void {
    const k = fieldPath(path);
    if (!this.cells.has(k)) this.cells.set(k, ref);
  }

  problem(ref: string, path: Path | undefined, message: string): void {
    this.problems.push({ ref, field: path ? fieldPath(path) : undefined, message });
  }

  value(cell: CellIn | undefined, kind: ValueKind, path: Path): unknown {
    if (!cell) return undefined;
    this.at(path, cell.ref);
    const c = convert(kind, cell.norm);
    if (!c.ok) {
      this.problem(cell.ref, path, c.message);
      return undefined;
    }
    return c.value;
  }

  /** A cell's text, for cells that steer the reading (归属, 类型) rather than fill a field. */
  text(cell: CellIn | undefined): string | undefined {
    if (!cell) return undefined;
    const c = convert("text", cell.norm);
    if (!c.ok) {
      this.problem(cell.ref, undefined, c.message);
      return undefined;
    }
    return c.value as string | undefined;
  }

  /** A table cell; when the column is absent, the path points at the row. */
  col(row: TableRow, key: string, kind: ValueKind, path: Path): unknown {
    const cell = row.cells.get(key);
    if (!cell) this.at(path, row.ref);
    return this.value(cell, kind, path);
  }

  /** The simple columns of a table row, each to the field of the same name. */
  rowObject(row: TableRow, def: TableSheetDef, path: Path, skip: readonly string[] = []): Obj {
    this.at(path, row.ref);
    const o: Obj = {};
    for (const c of def.columns) if (!skip.includes(c.key)) set(o, c.key, this.col(row, c.key, c.kind, [...path, c.key]));
    return o;
  }

  /**
   * 不予公开 and its 理由 → the budget file's `exempt` (a reason, or `true` for the schema's default 涉密); a
   * reason beside 否 or an empty 不予公开 is a problem at the reason's cell, not a silent publication.
   */
  exemption(row: TableRow, path: Path): unknown {
    const marked = this.col(row, "exempt", "bool", [...path, "exempt"]);
    const basisCell = row.cells.get("exemptBasis");
    const basis = this.value(basisCell, "text", [...path, "exempt"]);
    if (marked !== true) {
      if (basis !== undefined && basisCell)
        this.problem(basisCell.ref, [...path, "exempt"], "填了不予公开理由，但“不予公开”没有填“是” / a reason is given but 不予公开 is not 是");
      return undefined;
    }
    return basis ?? true;
  }

  /** A key/value cell; the path points at the row's cell even when it is empty. */
  kv(col: KvColumnData, id: string, kind: ValueKind, path: Path): unknown {
    const ref = col.refs.get(id);
    if (ref) this.at(path, ref);
    return this.value(col.values.get(id)?.[0], kind, path);
  }
}

function newTargets(): TargetsObj {
  return { goals: [], tasks: [], indicators: [] };
}

/** "基本支出" → basic, "项目支出" → project, "313001-1、313001-2" → the codes. */
function parseFunds(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (t === "基本支出" || t === "基本") return "basic";
  if (t === "项目支出" || t === "项目") return "project";
  return t.split(/[、,，;；\s]+/).filter((s) => s !== "");
}

export function buildFile(d: WorkbookData): Built {
  const b = new Builder();

  // 部门
  const dept = d.department.columns.find((c) => c.unit === undefined)!;
  b.at(["department"], dept.headerRef);
  const department: Obj = {};
  for (const [id, kind] of [["code", "code"], ["name", "text"], ["shortName", "text"], ["region", "text"]] as const) set(department, id, b.kv(dept, id, kind, ["department", id]));
  const file: Obj = { year: b.kv(dept, "year", "year", ["year"]), department };
  set(file, "date", b.kv(dept, "date", "date", ["date"]));
  set(file, "provenance", b.kv(dept, "provenance", "text", ["provenance"]));
  // When the row itself was deleted, a missing year points at the 部门 column.
  b.at(["year"], dept.headerRef);

  // 单位
  b.at(["units"], `${SHEET.units}!A2`);
  const units: Obj[] = [];
  const unitIndex = new Map<string, number>();
  for (const row of d.units.rows) {
    const p = ["units", units.length];
    b.at(p, row.ref);
    const u: Obj = {};
    set(u, "code", b.col(row, "code", "code", [...p, "code"]));
    set(u, "name", b.col(row, "name", "text", [...p, "name"]));
    set(u, "type", b.col(row, "type", "enum", [...p, "type"]));
    const staffing: Obj = {};
    for (const k of ["authorized", "actual", "retired"]) set(staffing, k, b.col(row, k, "count", [...p, "staffing", k]));
    u.staffing = staffing;
    set(u, "exempt", b.exemption(row, p));
    if (typeof u.code === "string" && !unitIndex.has(u.code)) unitIndex.set(u.code, units.length);
    units.push(u);
  }
  file.units = units;

  // 支出明细, 收入, 政府采购
  b.at(["lineItems"], `${SHEET.lineItems}!A2`);
  file.lineItems = d.lineItems.rows.map((row, i) => b.rowObject(row, LINE_ITEMS_SHEET, ["lineItems", i]));
  if (d.income && d.income.rows.length > 0) file.income = d.income.rows.map((row, i) => b.rowObject(row, INCOME_SHEET, ["income", i]));
  file.procurement = (d.procurement?.rows ?? []).map((row, i) => b.rowObject(row, PROCUREMENT_SHEET, ["procurement", i]));

  // 项目
  const projects: Obj[] = [];
  const projectIndex = new Map<string, number>();
  for (const row of d.projects?.rows ?? []) {
    const p = ["projects", projects.length];
    const o = b.rowObject(row, PROJECTS_SHEET, p, ["exempt", "exemptBasis"]);
    set(o, "exempt", b.exemption(row, p));
    o.indicators = [];
    if (typeof o.code === "string" && !projectIndex.has(o.code)) projectIndex.set(o.code, projects.length);
    projects.push(o);
  }
  file.projects = projects;

  // Owners of indicators and targets: 部门, 单位:<代码>, or a project code.
  let deptTargets: TargetsObj | undefined;
  const unitTargets = new Map<number, TargetsObj>();
  const targetsOf = (owner: { unit?: number }): { t: TargetsObj; path: Path } => {
    if (owner.unit === undefined) {
      deptTargets ??= newTargets();
      return { t: deptTargets, path: ["targets"] };
    }
    let t = unitTargets.get(owner.unit);
    if (!t) unitTargets.set(owner.unit, (t = newTargets()));
    return { t, path: ["units", owner.unit, "targets"] };
  };
  const unitOwner = (text: string, cell: CellIn): number | undefined | null => {
    const code = unitOfOwner(text);
    if (code === undefined) return undefined;
    const i = unitIndex.get(code);
    if (i === undefined) {
      b.problem(cell.ref, undefined, `“${SHEET.units}”表中没有代码为 ${code} 的单位 / no unit with code ${code}`);
      return null;
    }
    return i;
  };

  // A row with nothing but its 归属 is an empty row (people fill a column down before the rest).
  const onlyOwner = (row: TableRow) => [...row.cells].every(([key, c]) => key === "owner" || c.norm.t === "empty");

  // 绩效指标
  for (const row of d.indicators?.rows ?? []) {
    if (onlyOwner(row)) continue;
    const ownerCell = row.cells.get("owner")!;
    const owner = b.text(ownerCell) ?? "";
    let list: Obj[];
    let base: Path;
    if (!owner) {
      b.problem(ownerCell.ref, undefined, `请填写归属：项目编码、“${OWNER_DEPARTMENT}”或“单位:单位代码” / the owner is missing`);
      continue;
    }
    if (normaliseLabel(owner) === OWNER_DEPARTMENT) {
      const { t, path } = targetsOf({});
      list = t.indicators;
      base = [...path, "indicators"];
    } else {
      const u = unitOwner(owner, ownerCell);
      if (u === null) continue;
      if (u !== undefined) {
        const { t, path } = targetsOf({ unit: u });
        list = t.indicators;
        base = [...path, "indicators"];
      } else {
        const pi = projectIndex.get(owner);
        if (pi === undefined) {
          b.problem(ownerCell.ref, undefined, `没有编码为“${owner}”的项目（“${SHEET.projects}”表中没有）；归属应填项目编码、“${OWNER_DEPARTMENT}”或“单位:单位代码” / no project with this code`);
          continue;
        }
        list = projects[pi]!.indicators as Obj[];
        base = ["projects", pi, "indicators"];
      }
    }
    const p = [...base, list.length];
    b.at(p, row.ref);
    const o: Obj = {};
    for (const [key, kind] of [["level1", "text"], ["level2", "text"], ["level3", "text"], ["target", "target"], ["explanation", "text"], ["method", "text"]] as const) {
      set(o, key, b.col(row, key, kind, [...p, key]));
    }
    list.push(o);
  }

  // 部门整体目标
  for (const row of d.targets?.rows ?? []) {
    if (onlyOwner(row)) continue;
    const ownerCell = row.cells.get("owner");
    const ownerText = b.text(ownerCell);
    let owner: { unit?: number } = {};
    if (ownerText && normaliseLabel(ownerText) !== OWNER_DEPARTMENT) {
      const u = ownerCell ? unitOwner(ownerText, ownerCell) : undefined;
      if (u === null) continue;
      if (u === undefined) {
        b.problem(ownerCell!.ref, undefined, `归属应填“${OWNER_DEPARTMENT}”（或留空）或“单位:单位代码”，不是“${ownerText}” / the owner must be ${OWNER_DEPARTMENT} or 单位:<code>`);
        continue;
      }
      owner = { unit: u };
    }
    const kindCell = row.cells.get("kind")!;
    const kindText = b.text(kindCell);
    const kind = kindText?.replace(/^年度/, "");
    const { t, path } = targetsOf(owner);
    if (kind === "总体目标") {
      const p = [...path, "goals", t.goals.length];
      b.at(p, row.cells.get("content")?.ref ?? row.ref);
      const content = b.col(row, "content", "text", p);
      if (content === undefined) b.problem(row.cells.get("content")?.ref ?? row.ref, p, `年度总体目标写在“主要内容”列，这里是空的 / the goal goes in column 主要内容`);
      for (const key of ["name", "funds", "note"]) {
        const c = row.cells.get(key);
        if (c && c.norm.t !== "empty") b.problem(c.ref, undefined, `年度总体目标行只填“主要内容”，这一格应为空（主要任务请把类型选为“${TARGET_ROW_KINDS.task}”） / a goal row has only 主要内容`);
      }
      t.goals.push(content as string);
    } else if (kind === "主要任务") {
      const p = [...path, "tasks", t.tasks.length];
      b.at(p, row.ref);
      const o: Obj = {};
      set(o, "name", b.col(row, "name", "text", [...p, "name"]));
      set(o, "content", b.col(row, "content", "text", [...p, "content"]));
      set(o, "funds", parseFunds(b.col(row, "funds", "text", [...p, "funds"]) as string | undefined));
      set(o, "note", b.col(row, "note", "text", [...p, "note"]));
      t.tasks.push(o);
    } else {
      b.problem(kindCell.ref, undefined, `类型应为“${TARGET_ROW_KINDS.goal}”或“${TARGET_ROW_KINDS.task}”${kindText ? `，不是“${kindText}”` : ""} / the row type must be ${TARGET_ROW_KINDS.goal} or ${TARGET_ROW_KINDS.task}`);
    }
  }
  if (deptTargets) file.targets = deptTargets;
  for (const [i, t] of unitTargets) units[i]!.targets = t;

  // 资产, 上年数, 说明文字: the 部门 column, then 单位:<代码> columns.
  const unitColumn = (col: KvColumnData): number | undefined => {
    const i = unitIndex.get(col.unit!);
    if (i === undefined) b.problem(col.headerRef, undefined, `“${SHEET.units}”表中没有代码为 ${col.unit} 的单位 / no unit with code ${col.unit}`);
    return i;
  };
  const perColumn = (data: KvData | undefined, build: (col: KvColumnData, base: Path, target: Obj, data: KvData) => void) => {
    if (!data) return;
    for (const col of data.columns) {
      if (col.unit === undefined) {
        build(col, [], file, data);
        continue;
      }
      const i = unitColumn(col);
      if (i !== undefined) build(col, ["units", i], units[i]!, data);
    }
  };

  perColumn(d.assets, (col, base, target, data) => {
    if (col.values.size === 0) return;
    const p = [...base, "assets"];
    b.at(p, col.headerRef);
    const a: Obj = {};
    set(a, "asOf", b.kv(col, "asOf", "date", [...p, "asOf"]));
    const vehicles: Obj = {};
    b.at([...p, "vehicles"], col.headerRef);
    for (const id of data.order) {
      if (!id.startsWith("vehicle:")) continue;
      const kind = id.slice("vehicle:".length);
      set(vehicles, kind, b.kv(col, id, "count", [...p, "vehicles", kind]));
    }
    a.vehicles = vehicles;
    set(a, "generalEquipmentOver500k", b.kv(col, "generalEquipmentOver500k", "count", [...p, "generalEquipmentOver500k"]));
    set(a, "specialEquipmentOver1m", b.kv(col, "specialEquipmentOver1m", "count", [...p, "specialEquipmentOver1m"]));
    target.assets = a;
  });

  perColumn(d.prior, (col, base, target, data) => {
    if (col.values.size === 0) return;
    const p = [...base, "prior"];
    b.at(p, col.headerRef);
    const o: Obj = {};
    set(o, "year", b.kv(col, "year", "year", [...p, "year"]));
    set(o, "basis", b.kv(col, "basis", "text", [...p, "basis"]));
    for (const [id] of PRIOR_AMOUNT_FIELDS) set(o, id, b.kv(col, id, "amount", [...p, id]));
    const three = ["abroad", "reception", "vehiclePurchase", "vehicleOperation"];
    if (three.some((k) => col.values.has(`threePublic.${k}`))) {
      const tp: Obj = {};
      b.at([...p, "threePublic"], col.refs.get("threePublic.abroad") ?? col.headerRef);
      for (const k of three) set(tp, k, b.kv(col, `threePublic.${k}`, "amount", [...p, "threePublic", k]));
      o.threePublic = tp;
    }
    const classes = data.order.filter((id) => id.startsWith("byClass:") && col.values.has(id));
    if (classes.length > 0) {
      const byClass: Obj = {};
      for (const id of classes) {
        const code = id.slice("byClass:".length);
        set(byClass, code, b.kv(col, id, "amount", [...p, "byClass", code]));
      }
      o.byClass = byClass;
    }
    target.prior = o;
  });

  file.profile = { duties: [] };
  perColumn(d.texts, (col, base, target) => {
    const reasons: Obj = {};
    for (const k of REASON_KEYS) set(reasons, k, b.kv(col, `reason:${k}`, "text", [...base, "reasons", k]));
    if (base.length === 0) {
      file.reasons = reasons;
      const profile: Obj = { duties: [] };
      b.at(["profile"], col.headerRef);
      const list = (id: string, field: string): string[] =>
        (col.values.get(id) ?? []).map((cell, j) => b.value(cell, "text", ["profile", field, j]) as string);
      profile.duties = list("duties", "duties");
      set(profile, "organisation", b.kv(col, "organisation", "text", ["profile", "organisation"]));
      const included = list("unitsIncluded", "unitsIncluded");
      if (included.length > 0) profile.unitsIncluded = included;
      file.profile = profile;
      return;
    }
    if (Object.keys(reasons).length > 0) target.reasons = reasons;
    for (const row of TEXTS_SHEET.rows) {
      if (!row.departmentOnly) continue;
      for (const cell of col.values.get(row.id) ?? []) b.problem(cell.ref, undefined, `“${row.label}”只在“${OWNER_DEPARTMENT}”列填写 / only the department has ${row.label}`);
    }
  });

  return { file, cells: b.cells, problems: b.problems };
}
