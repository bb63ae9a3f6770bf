/**
 * A fast, deterministic generator of valid department budgets (部门预算) of realistic size, for property
 * tests and the benchmark. A small seeded PRNG drives it (no fast-check inside `generateBudget`, so the
 * benchmark can call it cheaply); `arbBudget` wraps it as a fast-check arbitrary with small sizes.
 *
 * Valid means: unit and project codes are unique; every functional code is a 2021 项 (7 digits) and every
 * department economic code a 2021 款 (5 digits) or a Henan sub-item (7 digits) of the built-in catalog;
 * basic lines carry no project; project lines reference an existing project of their own unit; amounts
 * are positive integers of 分; procurement references existing units (and projects of that unit).
 */
import fc from "fast-check";
import { builtInCatalog } from "../../src/core/catalogs/index.ts";
import type {
  Assets,
  Budget,
  Comparator,
  DepartmentTargets,
  FundingSource,
  Indicator,
  LineItem,
  PriorYear,
  Procurement,
  ProcurementKind,
  Project,
  ProjectClass,
  ReasonKey,
  Target,
  Task,
  Unit,
  UnitType,
} from "../../src/core/model.ts";
import { FUNDING_SOURCES, PROCUREMENT_ORGANISATIONS, REASON_KEYS, indicator, lineItem, priorYear, procurement as procurementRow, project, unit } from "../../src/core/model.ts";
import { type Fen, fen } from "../../src/core/money.ts";
import { isAppropriation, isGeneralPublicBudget } from "./reference-figures.ts";

// ── PRNG ────────────────────────────────────────────────────────────────────

/** mulberry32 over a splitmix-style scrambled seed: tiny, fast, good enough for test data. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    let h = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    this.state = (h ^ (h >>> 16)) >>> 0;
  }

  /** uniform in [0, 1) */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** integer in [min, max], both inclusive */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** picks by weight: [[value, weight], …] */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let r = this.next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1]![0];
  }

  /** `n` distinct items (or all of them when fewer) */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    const k = Math.min(n, copy.length);
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, k);
  }
}

// ── Code pools, from the built-in 2021 catalog only ─────────────────────────

const catalog = builtInCatalog(2021);
if (!catalog) throw new Error("no built-in 2021 catalog");

const FUNCTIONAL_ITEMS: readonly string[] = catalog.functional.entries.filter((e) => e.code.length === 7).map((e) => e.code);
const FUNCTIONAL_SET = new Set(FUNCTIONAL_ITEMS);
/** 行政运行 (…01) and 事业运行 (…50): where basic expenditure usually sits */
const OPERATION_ITEMS = FUNCTIONAL_ITEMS.filter((c) => c.endsWith("01") || c.endsWith("50"));
const known = (...codes: string[]) => codes.filter((c) => FUNCTIONAL_SET.has(c));
/** the personnel-related 项 every unit's basic expenditure touches */
const PENSION = known("2080505", "2080506");
const MEDICAL_ADMIN = known("2101101", "2101103");
const MEDICAL_INSTITUTION = known("2101102");
const HOUSING = known("2210201");

const ECONOMIC_SECTIONS: readonly string[] = catalog.departmentEconomic.entries.filter((e) => e.code.length === 5).map((e) => e.code);
const ECONOMIC_SUBITEMS: readonly string[] = catalog.departmentEconomic.entries.filter((e) => e.code.length === 7).map((e) => e.code);
/** "三公" 款: 因公出国（境）, 公务接待, 公务用车运行维护, 公务用车购置 */
export const THREE_PUBLIC_CODES = ["30212", "30217", "30231", "31013"] as const;
const THREE_PUBLIC_SET = new Set<string>(THREE_PUBLIC_CODES);
const sectionsOf = (cls: string) => ECONOMIC_SECTIONS.filter((c) => c.startsWith(cls) && !THREE_PUBLIC_SET.has(c));
const E301 = sectionsOf("301");
const E302 = sectionsOf("302");
const E303 = sectionsOf("303");
const E310 = sectionsOf("310");
const E399 = sectionsOf("399");
const E_RARE = [...sectionsOf("307"), ...sectionsOf("309"), ...sectionsOf("312")];
for (const [name, pool] of Object.entries({ FUNCTIONAL_ITEMS, OPERATION_ITEMS, E301, E302, E303, E310, E399 })) {
  if (pool.length === 0) throw new Error(`generator: the 2021 catalog has no codes for ${name}`);
}
for (const c of THREE_PUBLIC_CODES) if (!ECONOMIC_SECTIONS.includes(c)) throw new Error(`generator: ${c} missing from the catalog`);

// ── Names and texts ─────────────────────────────────────────────────────────

const REGIONS = ["洛阳市洛龙区", "郑州市金水区", "开封市龙亭区", "新乡市红旗区", "南阳市卧龙区", "信阳市浉河区", "许昌市魏都区", "周口市川汇区"];
const TOPICS = ["社区治理", "农业农村", "教育体育", "卫生健康", "文化旅游", "市场监管", "自然资源", "住房城乡建设", "民政", "水利", "交通运输", "应急管理"];
const UNIT_SUFFIX: Record<UnitType, readonly string[]> = {
  administrative: ["局", "办公室", "委员会"],
  "civil-service-managed": ["综合执法大队", "事务中心", "监察大队"],
  institution: ["服务中心", "研究所", "技术推广站", "发展中心", "保障中心"],
};
const PROJECT_WORDS = ["购买社会服务", "信息化建设", "专项培训", "设备购置", "基础设施维护", "宣传教育", "专项补助", "人员经费", "运转保障", "监测评估", "示范创建", "应急保障"];
const LEVEL2: Record<string, readonly string[]> = {
  产出指标: ["数量指标", "质量指标", "时效指标"],
  成本指标: ["经济成本指标", "社会成本指标"],
  效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
  满意度指标: ["服务对象满意度指标"],
};
const DEPT_LEVEL1: Record<string, readonly string[]> = {
  履职效能: ["工作目标管理情况", "整体工作完成", "重点工作履行"],
  管理效率: ["预算管理", "收支管理", "财务管理", "资产管理"],
  运行成本: ["成本控制成效"],
  服务满意: ["服务对象满意", "利益相关方满意"],
  可持续性: ["可持续影响"],
};
const QUALITATIVE = ["明显", "及时", "显著提升", "改善", "规范", "有效", "是"];
const NUMERIC_UNITS = ["%", "个", "人", "次", "户", "台", "万元", "项"];
const COMPARATORS: readonly Comparator[] = ["≥", "≥", "=", "≤", ">", "<"];
const VEHICLE_KINDS = ["一般公务用车", "一般执法执勤用车", "特种专业技术用车", "其他用车"];

// ── Amounts ─────────────────────────────────────────────────────────────────

/** Log-uniform between `minYuan` and `maxYuan` 元; mostly whole 百元 or 元, sometimes exact 分. */
function amount(rng: Rng, minYuan: number, maxYuan: number): Fen {
  const lo = Math.log(minYuan * 100);
  const hi = Math.log(maxYuan * 100);
  let f = Math.floor(Math.exp(lo + rng.next() * (hi - lo)));
  const r = rng.next();
  if (r < 0.5) f = Math.max(10_000, Math.round(f / 10_000) * 10_000);
  else if (r < 0.8) f = Math.max(100, Math.round(f / 100) * 100);
  return fen(Math.max(1, f));
}

/** 100 元 … 5,000,000 元, the range a line item takes */
const MIN_YUAN = 100;
const MAX_YUAN = 5_000_000;

// ── Sizes ───────────────────────────────────────────────────────────────────

export interface GenerateSize {
  units?: [min: number, max: number];
  lineItems?: [min: number, max: number];
  projects?: [min: number, max: number];
}

export const DEFAULT_SIZE: Required<GenerateSize> = { units: [2, 10], lineItems: [50, 400], projects: [5, 60] };
/** The sizes property tests use: small enough that a hundred runs per property stay fast. */
export const SMALL_SIZE: Required<GenerateSize> = { units: [1, 4], lineItems: [0, 40], projects: [0, 8] };

// ── The generator ───────────────────────────────────────────────────────────

interface UnitPlan {
  unit: Unit;
  /** the 项 this unit's basic expenditure uses */
  functional: string[];
  projects: Project[];
}

/** What a generated budget may use beyond Henan's layout. */
export interface GenerateOptions {
  /**
   * Jiangsu's uses and sources: some units keep a 单位预留机动经费 (reserve) or carry money to next year
   * (结转下年资金), and 债务资金 is among the sources a department may use. Off by default, so the budget of a seed
   * is what it was before these existed.
   */
  jiangsu?: boolean;
  /** 预算年度 (default 2021): the year, the date, the prior year and the targets' deadlines follow it */
  year?: number;
  /** the department as the tenancy knows it (code, name, 区划 name); its units are numbered from the code */
  department?: { code: string; name: string; region: string };
  /**
   * Every indicator has its target value, as a budget that is submitted must (no `target.value-missing`
   * error): the province generator's budgets go through the workflow. Off by default, as above.
   */
  complete?: boolean;
}

/** A department economic code each kind of purchase is typically paid under (办公设备购置, 大型修缮, 维修（护）费). */
const PROCUREMENT_ECONOMIC: Record<ProcurementKind, string> = { goods: "31002", works: "31006", services: "30213" };

export function generateBudget(seed: number, size: GenerateSize = {}, options: GenerateOptions = {}): Budget {
  const rng = new Rng(seed);
  const [uMin, uMax] = size.units ?? DEFAULT_SIZE.units;
  const [lMin, lMax] = size.lineItems ?? DEFAULT_SIZE.lineItems;
  const [pMin, pMax] = size.projects ?? DEFAULT_SIZE.projects;
  const unitCount = Math.max(1, rng.int(uMin, uMax));
  const lineCount = Math.max(0, rng.int(lMin, lMax));
  const projectCount = Math.max(0, rng.int(pMin, pMax));

  const year = options.year ?? 2021;
  const drawnRegion = rng.pick(REGIONS);
  const topic = rng.pick(TOPICS);
  const drawnCode = String(rng.int(101, 999));
  const drawnName = `${drawnRegion}${topic}${rng.pick(UNIT_SUFFIX.administrative)}`;
  const region = options.department?.region ?? drawnRegion;
  const deptCode = options.department?.code ?? drawnCode;
  const deptName = options.department?.name ?? drawnName;

  // A department works mostly within one 功能分类 类 (its basic expenditure sits under that 类's 运行 项).
  const homeClass = rng.pick(OPERATION_ITEMS).slice(0, 3);
  const homeItems = OPERATION_ITEMS.filter((c) => c.startsWith(homeClass));

  // Units: the first is 机关本级 (行政), the others mixed.
  const plans: UnitPlan[] = [];
  for (let i = 0; i < unitCount; i++) {
    const type: UnitType = i === 0 ? rng.weighted([["administrative", 4], ["civil-service-managed", 1]]) : rng.weighted([["administrative", 1], ["civil-service-managed", 2], ["institution", 4]]);
    const code = `${deptCode}${String(i + 1).padStart(3, "0")}`;
    const name = i === 0 ? deptName : `${region}${topic}${rng.pick(UNIT_SUFFIX[type])}${i > 1 ? `（${i}）` : ""}`;
    const actual = rng.int(3, 200);
    const unit: Unit = { code, name, type, staffing: { authorized: actual + rng.int(0, 20), actual, ...(rng.chance(0.7) ? { retired: rng.int(0, 60) } : {}) } };
    const main = rng.sample(rng.chance(0.8) ? homeItems : OPERATION_ITEMS, rng.int(1, 3));
    const personnel = [...PENSION, ...(type === "institution" ? MEDICAL_INSTITUTION : MEDICAL_ADMIN), ...HOUSING];
    plans.push({ unit, functional: [...main, ...rng.sample(personnel, rng.int(1, personnel.length))], projects: [] });
  }

  // Projects, spread over the units (the 机关本级 usually holds most).
  const projects: Project[] = [];
  for (let k = 0; k < projectCount; k++) {
    const plan = rng.chance(0.35) ? plans[0]! : rng.pick(plans);
    const cls: ProjectClass = rng.weighted([["general", 6], ["special", 3], ["personnel", 1]]);
    const code = `${plan.unit.code}-${String(plan.projects.length + 1).padStart(2, "0")}`;
    const functional = rng.chance(0.6) ? rng.pick(plan.functional) : rng.pick(FUNCTIONAL_ITEMS);
    const p: Project = {
      code,
      name: `${rng.pick(TOPICS)}${rng.pick(PROJECT_WORDS)}`,
      unit: plan.unit.code,
      class: cls,
      functional,
      ...(rng.chance(0.1) ? { specialTransfer: true } : {}),
      ...(rng.chance(0.8) ? { goal: "按期完成年度任务，提升服务质量和群众满意度。" } : {}),
      indicators: Array.from({ length: rng.int(1, 5) }, () => indicator(projectIndicator(rng, year, options.complete ?? false))),
    };
    // in one shape, as every reader makes projects, indicators and lines (model.ts)
    const made = project(p);
    plan.projects.push(made);
    projects.push(made);
  }

  // Sources: mostly 一般公共预算财政拨款; each department uses a few others.
  // (债务资金 only in a Jiangsu-style budget, so that the budgets of a seed stay what they were before it existed)
  const others = FUNDING_SOURCES.filter((s) => s !== "gpb-appropriation" && (options.jiangsu || s !== "debt"));
  const usedOthers = rng.sample(others, rng.int(0, 6));
  const source = (): FundingSource => (usedOthers.length > 0 && rng.chance(0.25) ? rng.pick(usedOthers) : "gpb-appropriation");

  const lineItems: LineItem[] = [];
  const threePublic = lineCount === 0 ? 0 : Math.min(lineCount, rng.int(0, 6));
  for (let i = 0; i < lineCount; i++) {
    // Every unit gets lines first, then the rest fall mostly to the 机关本级.
    const plan = i < plans.length ? plans[i]! : rng.chance(0.3) ? plans[0]! : rng.pick(plans);
    if (i >= lineCount - threePublic) lineItems.push(threePublicLine(rng, plan, source));
    else if (plan.projects.length > 0 && rng.chance(0.45)) lineItems.push(projectLine(rng, plan, source));
    else lineItems.push(basicLine(rng, plan, source));
  }
  if (options.jiangsu) lineItems.push(...jiangsuLines(rng, plans, source));

  const units = plans.map((p) => p.unit);
  const procurement = generateProcurement(rng, plans);
  // Jiangsu prints each purchase's 经济科目 and 采购组织形式: given without drawing, so the rest of a seed's budget is unchanged
  if (options.jiangsu) procurement.forEach((p, i) => Object.assign(p, { economic: PROCUREMENT_ECONOMIC[p.kind], organisation: PROCUREMENT_ORGANISATIONS[i % PROCUREMENT_ORGANISATIONS.length] }));
  const budget: Budget = {
    year,
    department: { code: deptCode, name: deptName, shortName: `${topic}${rng.pick(UNIT_SUFFIX.administrative)}`, region },
    date: `${year}-02`,
    units,
    // as every reader makes them (model.ts `lineItem`)
    lineItems: lineItems.map(lineItem),
    projects,
    targets: departmentTargets(rng, projects, year),
    procurement: procurement.map(procurementRow), // as every reader makes them (model.ts `procurement`)
    assets: assets(rng, year),
    reasons: reasons(rng),
    profile: {
      duties: Array.from({ length: rng.int(2, 6) }, (_, i) => `负责${topic}领域第${i + 1}项职能的组织实施和监督管理。`),
      organisation: `${deptName}内设机构${rng.int(2, 9)}个。`,
      ...(rng.chance(0.5) ? { unitsIncluded: units.map((u) => u.name) } : {}),
    },
  };
  if (rng.chance(0.85)) budget.prior = prior(rng, lineItems, procurement, units, () => true, year);
  // Some units carry their own prior-year figures, reasons, targets and assets (for their own disclosure).
  for (const plan of plans) {
    const u = plan.unit;
    if (rng.chance(0.4)) u.prior = prior(rng, lineItems, procurement, units, (l) => l.unit === u.code, year);
    if (rng.chance(0.3)) {
      // a unit with none of its own reasons has none (an empty list is the same thing, and files drop it)
      const own = reasons(rng);
      if (Object.keys(own).length > 0) u.reasons = own;
    }
    if (rng.chance(0.3)) u.targets = departmentTargets(rng, plan.projects, year);
    if (rng.chance(0.3)) u.assets = assets(rng, year);
  }
  // as every reader makes them (model.ts `unit`, `priorYear`)
  budget.units = budget.units.map(unit);
  if (budget.prior) budget.prior = priorYear(budget.prior);
  return budget;
}

/**
 * Jiangsu's 单位预留机动经费 and 结转下年资金: a reserve for wage rises (301) under a unit's 运行 项, and money
 * carried to next year under one of its 项, each for some units only.
 */
function jiangsuLines(rng: Rng, plans: readonly UnitPlan[], source: () => FundingSource): LineItem[] {
  const out: LineItem[] = [];
  for (const plan of plans) {
    if (rng.chance(0.6)) {
      for (let k = rng.int(1, 3); k > 0; k--) {
        out.push({ unit: plan.unit.code, functional: plan.functional[0]!, economic: rng.pick(E301), nature: "reserve", source: rng.chance(0.8) ? "gpb-appropriation" : source(), amount: amount(rng, 1_000, 2_000_000) });
      }
    }
    if (rng.chance(0.4)) {
      out.push({ unit: plan.unit.code, functional: rng.pick(plan.functional), economic: rng.pick(E302), nature: "carry-forward", source: source(), amount: amount(rng, MIN_YUAN, 1_000_000), ...(rng.chance(0.5) ? { memo: "结转下年" } : {}) });
    }
  }
  return out;
}

function basicLine(rng: Rng, plan: UnitPlan, source: () => FundingSource): LineItem {
  const cls = rng.weighted([["301", 50], ["302", 30], ["303", 10], ["310", 6], ["399", 4]] as const);
  let economic: string;
  let functional = rng.pick(plan.functional);
  switch (cls) {
    case "301":
      economic = rng.chance(0.15) && ECONOMIC_SUBITEMS.length > 0 ? rng.pick(ECONOMIC_SUBITEMS) : rng.pick(E301);
      if (economic === "30108" && PENSION[0]) functional = PENSION[0];
      if (economic === "30113" && HOUSING[0]) functional = HOUSING[0];
      break;
    case "302":
      economic = rng.pick(E302);
      break;
    case "303":
      economic = rng.pick(E303);
      break;
    case "310":
      economic = rng.pick(E310);
      break;
    case "399":
      economic = rng.pick(E399);
      break;
  }
  const [lo, hi] = cls === "301" ? [1_000, 3_000_000] : cls === "310" ? [2_000, 800_000] : [MIN_YUAN, 500_000];
  return { unit: plan.unit.code, functional, economic, nature: "basic", source: source(), amount: amount(rng, lo, hi), ...(rng.chance(0.2) ? { memo: "基本支出" } : {}) };
}

function projectLine(rng: Rng, plan: UnitPlan, source: () => FundingSource): LineItem {
  const project = rng.pick(plan.projects);
  const economic =
    project.class === "personnel"
      ? rng.chance(0.8)
        ? rng.pick(E301)
        : rng.pick(E303)
      : rng.weighted([
          [() => rng.pick(E302), 55],
          [() => rng.pick(E310), 20],
          [() => rng.pick(E303), 10],
          [() => rng.pick(E399), 8],
          [() => (E_RARE.length > 0 ? rng.pick(E_RARE) : rng.pick(E302)), 4],
          [() => rng.pick(E301), 3],
        ])();
  const functional = project.functional && rng.chance(0.85) ? project.functional : rng.pick(plan.functional);
  return {
    unit: plan.unit.code,
    functional,
    economic,
    nature: "project",
    project: project.code,
    source: source(),
    amount: amount(rng, MIN_YUAN, MAX_YUAN),
    ...(rng.chance(0.3) ? { memo: project.name } : {}),
  };
}

/** A "三公" line: mostly basic 财政拨款, sometimes in a project or from another source. */
function threePublicLine(rng: Rng, plan: UnitPlan, source: () => FundingSource): LineItem {
  const economic = rng.weighted([["30231", 4], ["30217", 4], ["30212", 1], ["31013", 1]] as const);
  const inProject = plan.projects.length > 0 && rng.chance(0.25);
  const project = inProject ? rng.pick(plan.projects).code : undefined;
  const src = rng.chance(0.8) ? "gpb-appropriation" : source();
  const [lo, hi] = economic === "31013" ? [80_000, 300_000] : [1_000, 200_000];
  return {
    unit: plan.unit.code,
    functional: rng.pick(plan.functional),
    economic,
    nature: project ? "project" : "basic",
    ...(project ? { project } : {}),
    source: src,
    amount: amount(rng, lo, hi),
  };
}

function target(rng: Rng, year: number): Target {
  const kind = rng.weighted([["numeric", 6], ["deadline", 2], ["qualitative", 2]] as const);
  switch (kind) {
    case "numeric": {
      const unit = rng.pick(NUMERIC_UNITS);
      const value = unit === "%" ? String(rng.pick([80, 85, 90, 95, 98, 100])) : String(rng.int(1, 2000));
      return { kind: "numeric", comparator: rng.pick(COMPARATORS), value, unit };
    }
    case "deadline": {
      const month = rng.int(1, 12);
      const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
      return { kind: "deadline", date: `${year}-${String(month).padStart(2, "0")}-${last}`, text: `${year}年${month}月底前` };
    }
    case "qualitative":
      return { kind: "qualitative", text: rng.pick(QUALITATIVE) };
  }
}

function projectIndicator(rng: Rng, year: number, complete: boolean): Indicator {
  const level1 = rng.weighted([["产出指标", 5], ["效益指标", 3], ["满意度指标", 2], ["成本指标", 1]] as const);
  return {
    level1,
    level2: rng.pick(LEVEL2[level1]!),
    level3: `${rng.pick(["完成", "覆盖", "达标", "拨付", "受益"])}${rng.pick(["率", "数量", "人数", "时间", "程度"])}`,
    ...(rng.chance(0.9) || complete ? { target: target(rng, year) } : {}),
    ...(rng.chance(0.2) ? { explanation: "反映项目实施情况。" } : {}),
  };
}

function departmentTargets(rng: Rng, projects: readonly Project[], year: number): DepartmentTargets | undefined {
  if (rng.chance(0.1)) return undefined;
  const tasks: Task[] = [{ name: "基本支出", content: "保障人员经费和单位正常运转。", funds: { kind: "basic" } }];
  if (projects.length > 0) {
    if (rng.chance(0.5)) tasks.push({ name: "项目支出", content: "保障重点工作任务。", funds: { kind: "project" } });
    else {
      const groups = rng.int(1, Math.min(3, projects.length));
      for (let g = 0; g < groups; g++) {
        const codes = rng.sample(projects, rng.int(1, Math.min(4, projects.length))).map((p) => p.code);
        tasks.push({ name: `重点任务${g + 1}`, content: "按计划推进重点项目实施。", funds: { kind: "projects", codes }, ...(rng.chance(0.3) ? { note: "含多个项目" } : {}) });
      }
    }
  }
  const level1s = Object.keys(DEPT_LEVEL1);
  const indicators: Indicator[] = Array.from({ length: rng.int(3, 10) }, () => {
    const level1 = rng.pick(level1s);
    return { level1, level2: rng.pick(DEPT_LEVEL1[level1]!), level3: `${level1}考核指标`, target: target(rng, year), ...(rng.chance(0.3) ? { method: "完成数/计划数×100%" } : {}) };
  });
  // Tables merge runs of equal 一级/二级 names: keep them grouped, as real tables are.
  indicators.sort((a, b) => level1s.indexOf(a.level1) - level1s.indexOf(b.level1) || a.level2.localeCompare(b.level2));
  return { goals: Array.from({ length: rng.int(1, 3) }, (_, i) => `年度总体目标${i + 1}：全面完成各项工作任务。`), tasks, indicators: indicators.map(indicator) };
}

function generateProcurement(rng: Rng, plans: readonly UnitPlan[]): Procurement[] {
  const n = rng.chance(0.3) ? 0 : rng.int(1, 8);
  const kinds: readonly ProcurementKind[] = ["goods", "works", "services"];
  return Array.from({ length: n }, (): Procurement => {
    const plan = rng.pick(plans);
    const project = plan.projects.length > 0 && rng.chance(0.5) ? rng.pick(plan.projects).code : undefined;
    return { unit: plan.unit.code, kind: rng.pick(kinds), amount: amount(rng, 1_000, 2_000_000), ...(project ? { project } : {}), ...(rng.chance(0.5) ? { item: "办公设备" } : {}) };
  });
}

function assets(rng: Rng, year: number): Assets | undefined {
  if (rng.chance(0.15)) return undefined;
  const vehicles: Record<string, number> = {};
  for (const k of rng.sample(VEHICLE_KINDS, rng.int(0, VEHICLE_KINDS.length))) vehicles[k] = rng.int(0, 12);
  return { asOf: `${year - 1}-12-31`, vehicles, generalEquipmentOver500k: rng.int(0, 3), specialEquipmentOver1m: rng.int(0, 2) };
}

function reasons(rng: Rng): Partial<Record<ReasonKey, string>> {
  const r: Partial<Record<ReasonKey, string>> = {};
  for (const k of rng.sample(REASON_KEYS, rng.int(0, 6))) r[k] = rng.pick(["人员增加，工资标准调整", "压减一般性支出", "新增重点项目", "严格落实过紧日子要求。"]);
  return r;
}

/**
 * Prior-year figures near this year's (×0.6 … ×1.4), some absent and some zero, so every comparison
 * phrase (增加/减少/持平/不适用/none) occurs.
 */
function prior(rng: Rng, lines: readonly LineItem[], procurement: readonly Procurement[], units: readonly Unit[], include: (l: { unit: string }) => boolean, year: number): PriorYear {
  const adminLike = new Set(units.filter((u) => u.type !== "institution").map((u) => u.code));
  let total = 0;
  let basic = 0;
  let approp = 0;
  let gpb = 0;
  let gf = 0;
  let sc = 0;
  let personnel = 0;
  let pub = 0;
  let operating = 0;
  const byClass: Record<string, number> = {};
  const tp = { abroad: 0, reception: 0, vehiclePurchase: 0, vehicleOperation: 0 };
  for (const l of lines) {
    if (!include(l)) continue;
    total += l.amount;
    if (l.nature === "basic") basic += l.amount;
    if (isAppropriation(l.source)) approp += l.amount;
    if (l.source === "government-fund") gf += l.amount;
    if (l.source === "state-capital") sc += l.amount;
    if (isGeneralPublicBudget(l.source)) {
      gpb += l.amount;
      const c = l.functional.slice(0, 3);
      byClass[c] = (byClass[c] ?? 0) + l.amount;
      if (l.nature === "basic") {
        if (l.economic.startsWith("301") || l.economic.startsWith("303")) personnel += l.amount;
        else pub += l.amount;
      }
    }
    if (l.source === "gpb-appropriation") {
      const s = l.economic.slice(0, 5);
      if (s === "30212") tp.abroad += l.amount;
      if (s === "30217") tp.reception += l.amount;
      if (s === "31013") tp.vehiclePurchase += l.amount;
      if (s === "30231") tp.vehicleOperation += l.amount;
      if (l.nature === "basic" && adminLike.has(l.unit) && (l.economic.startsWith("302") || l.economic.startsWith("310"))) operating += l.amount;
    }
  }
  const proc = procurement.filter(include).reduce((t, p) => t + p.amount, 0);
  const vary = (v: number): Fen | undefined => {
    const r = rng.next();
    if (r < 0.1) return undefined;
    if (r < 0.15) return fen(0);
    if (r < 0.22) return fen(v); // 持平
    return fen(Math.round(v * (0.6 + rng.next() * 0.8)));
  };
  const p: PriorYear = { year: year - 1, ...(rng.chance(0.8) ? { basis: "上年年初预算" } : {}) };
  const set = <K extends keyof PriorYear>(k: K, v: PriorYear[K] | undefined) => {
    if (v !== undefined) p[k] = v;
  };
  set("total", vary(total));
  set("basic", vary(basic));
  set("project", vary(total - basic));
  set("appropriation", rng.chance(0.5) ? vary(approp) : undefined);
  set("generalPublicBudget", vary(gpb));
  set("governmentFund", vary(gf));
  set("stateCapital", vary(sc));
  const cls: Record<string, Fen> = {};
  for (const [c, v] of Object.entries(byClass)) {
    const x = vary(v);
    if (x !== undefined) cls[c] = x;
  }
  // an empty 上年 by-class record says nothing: the workbook (and a person) leave it out
  if (rng.chance(0.7) && Object.keys(cls).length > 0) p.byClass = cls;
  set("personnel", vary(personnel));
  set("publicFunds", vary(pub));
  if (rng.chance(0.8)) {
    const t = (v: number) => vary(v) ?? fen(0);
    p.threePublic = { abroad: t(tp.abroad), reception: t(tp.reception), vehiclePurchase: t(tp.vehiclePurchase), vehicleOperation: t(tp.vehicleOperation) };
  }
  set("operatingCost", vary(operating));
  set("procurement", vary(proc));
  return p;
}

// ── fast-check ──────────────────────────────────────────────────────────────

/**
 * An arbitrary budget for property tests: a seed into `generateBudget`, with the sizes drawn by
 * fast-check so that a failing case shrinks towards fewer units, lines and projects.
 */
export function arbBudgetOfSize(size: GenerateSize = SMALL_SIZE, options: GenerateOptions = {}): fc.Arbitrary<Budget> {
  const [uMin, uMax] = size.units ?? SMALL_SIZE.units;
  const [lMin, lMax] = size.lineItems ?? SMALL_SIZE.lineItems;
  const [pMin, pMax] = size.projects ?? SMALL_SIZE.projects;
  return fc
    .tuple(fc.integer(), fc.integer({ min: uMin, max: uMax }), fc.integer({ min: lMin, max: lMax }), fc.integer({ min: pMin, max: pMax }))
    .map(([seed, u, l, p]) => generateBudget(seed, { units: [u, u], lineItems: [l, l], projects: [p, p] }, options));
}

/** Small budgets with Jiangsu's 单位预留机动经费, 结转下年资金 and 债务资金 (`GenerateOptions.jiangsu`). */
export const arbJiangsuBudget: fc.Arbitrary<Budget> = arbBudgetOfSize(SMALL_SIZE, { jiangsu: true });

export const arbBudget: fc.Arbitrary<Budget> = arbBudgetOfSize(SMALL_SIZE);
