/**
 * The narrative (情况说明): 第一部分 概况 from the profile, 第二部分 every section with every amount,
 * share and year-on-year change computed from the data and the prior-year figures (reasons inserted as
 * people wrote them), 第三部分 名词解释.
 */
import type { CatalogIndex } from "../catalog.ts";
import { chineseNumber } from "../catalog.ts";
import type { Budget, FundingSource, PriorYear, ReasonKey } from "../model.ts";
import { FUNDING_SOURCES, NATURE_NAMES, UNIT_TYPE_NAMES, type Unit, isOwnOffice } from "../model.ts";
import { type Fen, fen } from "../money.ts";
import { type Figures, incomeAmounts } from "../derive/figures.ts";
import { type Ledger, buildLedger } from "../derive/ledger.ts";
import type { Scope } from "../derive/scope.ts";
import { GLOSSARY, USE_GLOSSARY } from "./glossary.ts";
import type { NarrativeSection as OutlineSection } from "../templates/types.ts";
import { arrangeByOutline } from "./outline.ts";
import { change, chineseDate, list, reasonSentence, share, wan } from "./phrases.ts";

export interface NarrativeSection {
  /** stable id, e.g. "p2-01-total" */
  id: string;
  title: string;
  paragraphs: string[];
}

export interface NarrativePart {
  id: "part1" | "part2" | "part3";
  title: string;
  sections: NarrativeSection[];
}

export interface Narrative {
  parts: NarrativePart[];
}

const INCOME_PHRASE: Record<FundingSource, string> = {
  "gpb-appropriation": "一般公共预算财政拨款收入",
  "gpb-admin-fees": "行政事业性收费收入",
  "gpb-special-revenue": "专项收入",
  "gpb-state-assets": "国有资产资源有偿使用收入",
  "gpb-housing-fund": "政府住房基金收入",
  "government-fund": "政府性基金预算收入",
  "state-capital": "国有资本经营预算收入",
  "special-account": "财政专户管理资金收入",
  "advance-transfer": "上级提前告知转移支付收入",
  "carry-over": "部门财政性资金结转",
  other: "其他收入",
  "business-income": "事业收入",
  "operating-income": "事业单位经营收入",
  "superior-subsidy": "上级补助收入",
  "subordinate-remittance": "附属单位上缴收入",
  debt: "债务资金收入",
};

/** INCOME_PHRASE by position in FUNDING_SOURCES. */
const INCOME_PHRASE_AT: readonly string[] = FUNDING_SOURCES.map((s) => INCOME_PHRASE[s]);

/** Sections whose written text is a note rather than the reason for a change. */
const NOTE_KEYS: ReadonlySet<ReasonKey> = new Set(["income", "performance", "assets", "specialTransfer"]);

interface Ctx {
  scope: Scope;
  catalog: CatalogIndex;
  f: Figures;
  ledger: Ledger;
  name: string;
  y: number;
  prior: PriorYear | undefined;
  py: number;
  reason: (k: ReasonKey) => string;
}

/** 第三部分: the glossary's paragraphs, the same in every disclosure. */
const GLOSSARY_PARAGRAPHS: readonly string[] = GLOSSARY.map((g, i) => `${chineseNumber(i + 1)}、${g.term}：${g.text}`);

/** The standard glossary, then the terms of the uses the budget has (单位预留机动经费, 结转下年资金), numbered on. */
function glossaryParagraphs(f: Figures): string[] {
  const out = GLOSSARY_PARAGRAPHS.slice();
  const extra = [f.reserve !== 0 ? USE_GLOSSARY.reserve : undefined, f.carryForward !== 0 ? USE_GLOSSARY["carry-forward"] : undefined];
  for (const g of extra) if (g) out.push(`${chineseNumber(out.length + 1)}、${g.term}：${g.text}`);
  return out;
}

/**
 * The narrative of one scope, from its figures and ledger (the ledger is built here when not given).
 */
export function deriveNarrative(budget: Budget, scope: Scope, catalog: CatalogIndex, figures: Figures, ledger: Ledger = buildLedger(scope), outline?: readonly OutlineSection[]): Narrative {
  const prior = scope.prior;
  const ctx: Ctx = {
    scope,
    catalog,
    f: figures,
    ledger,
    name: scope.name,
    y: scope.year,
    prior,
    py: prior?.year ?? scope.year - 1,
    reason: (k) => reasonSentence(scope.reasons[k], NOTE_KEYS.has(k) ? "" : "主要原因："),
  };
  return {
    parts: [
      { id: "part1", title: `第一部分 ${scope.name}概况`, sections: part1(budget, scope) },
      { id: "part2", title: `第二部分 ${scope.name}${scope.year}年${scope.ref.kind === "department" ? "部门" : "单位"}预算情况说明`, sections: outline ? arrangeByOutline(part2(ctx), outline) : part2(ctx) },
      {
        id: "part3",
        title: "第三部分 名词解释",
        sections: [{ id: "p3-glossary", title: "名词解释", paragraphs: glossaryParagraphs(figures) }],
      },
    ],
  };
}

function part1(budget: Budget, scope: Scope): NarrativeSection[] {
  const p = budget.profile;
  const structure = scope.ref.kind === "department" ? departmentStructure(budget, scope) : unitStructure(budget, scope);
  return [
    { id: "p1-duties", title: "一、主要职能", paragraphs: p.duties.map((d, i) => `${i + 1}. ${d}`) },
    { id: "p1-organisation", title: "二、机构设置及部门预算单位构成", paragraphs: [p.organisation, structure].filter((x) => x.trim() !== "") },
  ];
}

/**
 * 部门预算单位构成, as the tables hold it: the units with a budget of their own are counted and named (机关本级
 * marked); the units the profile lists without one (unitsIncluded) are named as included in them, never counted.
 */
function departmentStructure(budget: Budget, scope: Scope): string {
  const office = (u: Unit) => isOwnOffice(u, budget.department);
  const budgeted = budget.units.map((u) => (office(u) ? `${u.name}（机关本级）` : u.name));
  const names = new Set(budget.units.map((u) => u.name));
  const without = (budget.profile.unitsIncluded ?? []).filter((n) => !names.has(n));
  const onlyOffice = budget.units.length > 0 && budget.units.every(office);
  const made = onlyOffice ? `${scope.name}部门预算为机关本级预算。` : `${scope.name}部门预算包括机关本级预算和所属单位预算。`;
  const counted = `纳入${budget.year}年部门预算编制范围、单独编制预算的单位共${budget.units.length}个：${list(budgeted)}。`;
  const included = without.length > 0 ? `${list(without)}未单独编制预算，其收支包含在${onlyOffice ? "机关本级" : "上述单位"}预算中。` : "";
  return `${made}${counted}${included}`;
}

/** A unit's own disclosure speaks of the unit: the department's own office (机关本级), or one of its units. */
function unitStructure(budget: Budget, scope: Scope): string {
  const unit = scope.units[0];
  if (unit && isOwnOffice(unit, budget.department)) {
    return `本预算为${budget.department.name}机关本级的单位预算，不含所属单位。`;
  }
  return `${scope.name}为${budget.department.name}所属${UNIT_TYPE_NAMES[unit?.type ?? "institution"]}，本预算为其单位预算。`;
}

function compare(ctx: Ctx, current: Fen, previous: Fen | undefined, subject = ""): string {
  const c = change(current, previous, ctx.py, subject);
  return c ? `${c}。` : "";
}

/** The start of each 第二部分 section's id and title, by number: "p2-01-" and "一、" … (made once). */
const SECTION_HEADS: readonly { id: string; title: string }[] = Array.from({ length: 10 }, (_, i) => ({
  id: `p2-${String(i + 1).padStart(2, "0")}-`,
  title: `${chineseNumber(i + 1)}、`,
}));

/** Adds section `n` of 第二部分 with its paragraphs (empty ones left out). */
function sec(s: NarrativeSection[], n: number, key: string, title: string, ...paragraphs: string[]): void {
  const head = SECTION_HEADS[n - 1]!;
  s.push({ id: `${head.id}${key}`, title: `${head.title}${title}`, paragraphs: paragraphs.filter((p) => p !== "") });
}

/** The names of economic codes, listed with 、. */
function economicNames(catalog: CatalogIndex, codes: readonly string[]): string {
  return list(codes.map((c) => catalog.departmentEconomicName(c)));
}

/** "，与上年相比…" after an amount, or nothing without last year's figure. */
function clause(ctx: Ctx, cur: Fen, prev: Fen | undefined): string {
  const c = change(cur, prev, ctx.py);
  return c ? `，${c}` : "";
}

/** Sections 8 and 9: a fund's spending by 类 and against last year, or a sentence that it has none. */
function fundText(ctx: Ctx, amount: Fen, byCls: Map<string, Fen>, label: string, prev: Fen | undefined, key: ReasonKey): string {
  const { name, y } = ctx;
  if (amount === 0 && (prev === undefined || prev === 0)) return `${name}${y}年没有使用${label}拨款安排的支出。`;
  let classes = ""; // each 类 with an amount, in one pass over the map
  for (const [c, v] of byCls) if (v !== 0) classes += `${classes === "" ? "，其中：" : "；"}${ctx.catalog.functionalClassStem(c)}（类）支出${wan(v)}`;
  return `${name}${y}年${label}支出${wan(amount)}${classes}。${compare(ctx, amount, prev)}${ctx.reason(key)}`;
}

/**
 * Jiangsu's other uses in the 其中 list of 支出合计, each where it has an amount (so the parts listed add up to
 * the total): "；单位预留机动经费12.00万元，占1.50%；结转下年资金…".
 */
function otherUses(f: Figures): string {
  let out = "";
  if (f.reserve !== 0) out += `；${NATURE_NAMES.reserve}${wan(f.reserve)}，${share(f.reserve, f.total)}`;
  if (f.carryForward !== 0) out += `；${NATURE_NAMES["carry-forward"]}${wan(f.carryForward)}，${share(f.carryForward, f.total)}`;
  return out;
}

function part2(ctx: Ctx): NarrativeSection[] {
  const { f, name, y, prior } = ctx;
  const s: NarrativeSection[] = [];

  // 一 收入支出预算总体情况
  const totalChange = change(f.total, prior?.total, ctx.py, "，收、支总计各");
  sec(
    s,
    1,
    "total",
    "收入支出预算总体情况说明",
    `${name}${y}年收入总计${wan(f.incomeTotal)}，支出总计${wan(f.total)}。${totalChange ? `${totalChange}。` : ""}${ctx.reason("total")}`,
  );

  // 二 收入
  // the sources with income, by position (the amounts read once, by name)
  const amounts = incomeAmounts(f.incomeBySource);
  const sources: number[] = [];
  for (let i = 0; i < amounts.length; i++) if (amounts[i] !== 0) sources.push(i);
  let incomeText: string;
  if (sources.length === 0) incomeText = `${name}${y}年无收入预算。`;
  else if (sources.length === 1) incomeText = `${name}${y}年收入合计${wan(f.incomeTotal)}，全部为${INCOME_PHRASE_AT[sources[0]!]}。`;
  else {
    let parts = "";
    for (let k = 0; k < sources.length; k++) {
      const i = sources[k]!;
      parts += `${k > 0 ? "；" : ""}${INCOME_PHRASE_AT[i]}${wan(amounts[i]!)}，${share(amounts[i]!, f.incomeTotal)}`;
    }
    incomeText = `${name}${y}年收入合计${wan(f.incomeTotal)}，其中：${parts}。`;
  }
  sec(s, 2, "income", "收入预算总体情况说明", incomeText + ctx.reason("income"));

  // 三 支出
  sec(
    s,
    3,
    "expenditure",
    "支出预算总体情况说明",
    `${name}${y}年支出合计${wan(f.total)}，其中：基本支出${wan(f.basic)}，${share(f.basic, f.total)}；项目支出${wan(f.project)}，${share(f.project, f.total)}` +
      otherUses(f) +
      "。" +
      compare(ctx, f.basic, prior?.basic, "，基本支出") +
      compare(ctx, f.project, prior?.project, "，项目支出") +
      ctx.reason("expenditure"),
  );

  // 四 财政拨款收支
  const priorAppropriation =
    prior?.appropriation ??
    (prior?.generalPublicBudget !== undefined && prior.governmentFund !== undefined && prior.stateCapital !== undefined
      ? fen(prior.generalPublicBudget + prior.governmentFund + prior.stateCapital)
      : undefined);
  sec(
    s,
    4,
    "appropriation",
    "财政拨款收入支出预算总体情况说明",
    `${name}${y}年财政拨款收支总预算${wan(f.appropriation)}，其中：一般公共预算收支预算${wan(f.generalPublicBudget)}，政府性基金预算收支预算${wan(f.governmentFund)}，国有资本经营预算收支预算${wan(f.stateCapital)}。` +
      compare(ctx, f.appropriation, priorAppropriation, "，财政拨款收、支总计各") +
      ctx.reason("appropriation"),
  );

  // 五 一般公共预算支出
  // each 类 with an amount, in one pass over the map (no arrays of entries filtered, mapped and joined)
  let byClass = "";
  const priorByClass = prior?.byClass;
  for (const [c, v] of f.gpbByClass) {
    if (v === 0) continue;
    const cmp = change(v, priorByClass?.[c], ctx.py);
    byClass += `${byClass === "" ? "主要用于以下方面：" : "；"}${ctx.catalog.functionalClassStem(c)}（类）支出${wan(v)}，${share(v, f.generalPublicBudget)}${cmp ? `，${cmp}` : ""}`;
  }
  if (byClass !== "") byClass += "。";
  sec(
    s,
    5,
    "gpb",
    "一般公共预算支出预算情况说明",
    `${name}${y}年一般公共预算支出年初预算为${wan(f.generalPublicBudget)}。` +
      compare(ctx, f.generalPublicBudget, prior?.generalPublicBudget, "，一般公共预算支出") +
      byClass +
      ctx.reason("generalPublicBudget"),
  );

  // 六 一般公共预算基本支出（按经济分类）
  sec(
    s,
    6,
    "economic",
    "一般公共预算基本支出预算情况说明",
    `${name}${y}年一般公共预算基本支出${wan(f.gpbBasic)}，其中：人员经费${wan(f.personnel)}` +
      (f.personnelSections.length ? `，主要包括：${economicNames(ctx.catalog, f.personnelSections)}` : "") +
      `；公用经费${wan(f.publicFunds)}` +
      (f.publicSections.length ? `，主要包括：${economicNames(ctx.catalog, f.publicSections)}` : "") +
      "。" +
      compare(ctx, f.personnel, prior?.personnel, "，人员经费") +
      compare(ctx, f.publicFunds, prior?.publicFunds, "，公用经费") +
      ctx.reason("economic"),
  );

  // 七 "三公"经费
  const tp = f.threePublic;
  const ptp = prior?.threePublic;
  const ptpTotal = ptp ? fen(ptp.abroad + ptp.reception + ptp.vehiclePurchase + ptp.vehicleOperation) : undefined;
  const vehicle = fen(tp.vehiclePurchase + tp.vehicleOperation);
  const pVehicle = ptp ? fen(ptp.vehiclePurchase + ptp.vehicleOperation) : undefined;
  sec(
    s,
    7,
    "three-public",
    "“三公”经费支出预算情况说明",
    `${name}${y}年一般公共预算财政拨款“三公”经费预算为${wan(f.threePublicTotal)}${clause(ctx, f.threePublicTotal, ptpTotal)}。具体情况如下：`,
    `（一）因公出国（境）费${wan(tp.abroad)}${clause(ctx, tp.abroad, ptp?.abroad)}。主要用于单位工作人员公务出国（境）的住宿费、旅费、伙食补助费、杂费、培训费等支出。`,
    `（二）公务用车购置及运行费${wan(vehicle)}${clause(ctx, vehicle, pVehicle)}。其中：公务用车购置费${wan(tp.vehiclePurchase)}${clause(ctx, tp.vehiclePurchase, ptp?.vehiclePurchase)}；公务用车运行维护费${wan(tp.vehicleOperation)}${clause(ctx, tp.vehicleOperation, ptp?.vehicleOperation)}，主要用于开展工作所需公务用车的燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出。`,
    `（三）公务接待费${wan(tp.reception)}${clause(ctx, tp.reception, ptp?.reception)}。主要用于按规定开支的各类公务接待（含外宾接待）支出。`,
    ctx.reason("threePublic"),
  );

  // 八 / 九 政府性基金、国有资本经营
  sec(s, 8, "government-fund", "政府性基金预算支出预算情况说明", fundText(ctx, f.governmentFund, f.governmentFundByClass, "政府性基金预算", prior?.governmentFund, "governmentFund"));
  sec(s, 9, "state-capital", "国有资本经营预算支出预算情况说明", fundText(ctx, f.stateCapital, f.stateCapitalByClass, "国有资本经营预算", prior?.stateCapital, "stateCapital"));

  // 十 其他重要事项: one paragraph per topic, in the order of OTHER_MATTERS_TOPICS (outline.ts)
  const other: string[] = [];
  other.push(
    f.hasAdministrativeUnits
      ? `（一）机关运行经费支出情况。${name}${y}年机关运行经费支出预算${wan(f.operatingCost)}` +
          (f.operatingCostSections.length ? `，主要保障机构正常运转及正常履职需要的${economicNames(ctx.catalog, f.operatingCostSections)}等支出` : "") +
          "。" +
          compare(ctx, f.operatingCost, prior?.operatingCost) +
          ctx.reason("operatingCost")
      : `（一）机关运行经费支出情况。${name}所属单位均为事业单位，不安排机关运行经费。`,
  );
  other.push(
    `（二）政府采购支出情况。${y}年政府采购预算安排${wan(f.procurementTotal)}，其中：政府采购货物预算${wan(f.procurement.goods)}、政府采购工程预算${wan(f.procurement.works)}、政府采购服务预算${wan(f.procurement.services)}。` +
      compare(ctx, f.procurementTotal, prior?.procurement) +
      ctx.reason("procurement"),
  );
  other.push(`（三）绩效目标设置情况。${performanceText(ctx)}${ctx.reason("performance")}`);
  other.push(`（四）国有资产占用情况。${assetsText(ctx)}${ctx.reason("assets")}`);
  other.push(`（五）专项转移支付项目情况。${specialTransferText(ctx)}${ctx.reason("specialTransfer")}`);
  sec(s, 10, "other", "其他重要事项情况说明", ...other);
  return s;
}

function performanceText(ctx: Ctx): string {
  const { scope, name, y } = ctx;
  const projects = scope.projects;
  if (projects.length === 0) return `${name}${y}年无预算项目。`;
  // Projects with targets, each code once, and the funds of their lines. Only where two projects share a
  // code (the ledger notes it) are the codes counted through a set; usually every project is its own.
  const seen = ctx.ledger.projectCodesRepeat ? new Set<string>() : undefined;
  let withTargets = 0;
  let covered = 0;
  // 一级 levels as written, each once in first-seen order: a handful, so a short list rather than a set
  const written: string[] = [];
  for (let k = 0; k < projects.length; k++) {
    const p = projects[k]!;
    const indicators = p.indicators;
    if (indicators.length > 0 && !seen?.has(p.code)) {
      seen?.add(p.code);
      withTargets++;
      covered += ctx.ledger.projectEntries[k]!.funds?.total ?? 0;
    }
    for (let i = 0; i < indicators.length; i++) {
      const level = indicators[i]!.level1;
      let w = 0;
      while (w < written.length && written[w] !== level) w++;
      if (w === written.length) written.push(level);
    }
  }
  // without 指标, in first-seen order: cut from each distinct level as written, not from every indicator's
  const levels: string[] = [];
  for (const l of written) {
    const cut = l.endsWith("指标") ? l.slice(0, -2) : l;
    if (!levels.includes(cut)) levels.push(cut);
  }
  const all = ctx.ledger.projectFunds.total;
  return (
    `${name}${y}年共有预算项目${projects.length}个，其中${withTargets}个项目编制了绩效目标，涉及项目资金${wan(fen(covered))}，${shareOfProjects(fen(covered), fen(all))}` +
    (levels.length ? `，从项目${list(levels)}等方面设置了绩效指标` : "") +
    "。"
  );
}

/** "占项目支出的12.50%" (or "占项目支出的比不适用", as the share phrase reads with 项目支出的 put in). */
function shareOfProjects(part: Fen, whole: Fen): string {
  const s = share(part, whole);
  return s.startsWith("占") ? `占项目支出的${s.slice(1)}` : s;
}

function assetsText(ctx: Ctx): string {
  const a = ctx.scope.assets;
  if (!a) return `${ctx.name}未提供国有资产占用情况。`;
  const kinds = Object.entries(a.vehicles);
  const totalVehicles = kinds.reduce((t, [, n]) => t + n, 0);
  const asOf = a.asOf.endsWith("-12-31") ? `${a.asOf.slice(0, 4)}年期末` : `截至${chineseDate(a.asOf)}`;
  return (
    `${asOf}，${ctx.name}共有车辆${totalVehicles}辆` +
    (kinds.length ? `，其中：${kinds.map(([k, n]) => `${k}${n}辆`).join("、")}` : "") +
    `；单价50万元以上通用设备${a.generalEquipmentOver500k}台（套），单位价值100万元以上专用设备${a.specialEquipmentOver1m}台（套）。`
  );
}

function specialTransferText(ctx: Ctx): string {
  const transfers = ctx.scope.projects.filter((p) => p.specialTransfer);
  if (transfers.length === 0) return `${ctx.name}${ctx.y}年无负责管理的专项转移支付项目。`;
  // Every line naming the project counts here, whatever its nature.
  const amounts = ctx.ledger.projects;
  return (
    `${ctx.name}负责管理的专项转移支付项目共有${transfers.length}项，主要是：${transfers.map((p) => `${p.name}${wan(fen(amounts.get(p.code)?.named ?? 0))}`).join("；")}。` +
    "将按照《预算法》等有关规定，积极做好项目分配前期准备工作，在规定的时间内向财政部门提出资金分配意见，根据有关要求做好项目申报公开等相关工作。"
  );
}
