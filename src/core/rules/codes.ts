/**
 * 科目编码 — classification codes: well-formed, and present in the year's catalog (支出功能分类 类/款/项,
 * 部门预算支出经济分类 类/款 and local sub-items). Catalog look-ups are reported once per distinct code,
 * at its first place, with the number of places.
 */
import type { Emit, Finding, Rule, RuleContext, Severity } from "./finding.ts";
import { defineRule } from "./finding.ts";
import { catalogName, catalogSeverity, countNote, shared } from "./helpers.ts";
import { type CodeList, lineIndex } from "./line-index.ts";
import { isDigits } from "../derive/order.ts";

const CODES_BASIS = "《中华人民共和国预算法》第三十二条、第四十六条；财政部当年《政府收支分类科目》";
const ITEMISE_BASIS = "《中华人民共和国预算法》第四十六条；《中华人民共和国预算法实施条例》第六条";

/** A functional code as written: 7 ASCII digits (类 3, 款 2, 项 2), as /^\d{7}$/ matches, read without a regular expression. */
export function isFunctionalCode(code: string): boolean {
  return code.length === 7 && isDigits(code);
}

/** An economic code as written: 5 ASCII digits (类 3, 款 2) or 7 (with a local sub-item), as /^(?:\d{5}|\d{7})$/ matches. */
export function isEconomicCode(code: string): boolean {
  return (code.length === 5 || code.length === 7) && isDigits(code);
}

/** Where a code occurs; the path string is only built for the few occurrences a finding names. */
interface Occurrence {
  list: "lineItems" | "projects";
  index: number;
  field: "functional" | "economic";
}

const pathOf = (o: Occurrence) => `${o.list}[${o.index}].${o.field}`;

/** A malformed code and its place. */
interface MalformedCode {
  code: string;
  place: Occurrence;
}

/** A well-formed code the catalog lacks, its first place, how many places use it, and which level is missing. */
interface DistinctCode {
  code: string;
  first: Occurrence;
  count: number;
  missing: Level;
}

/** The entry of a well-formed code the catalog has (a scan keeps nothing more of it). */
const KNOWN = Symbol("known code");

/**
 * The codes of one kind: the places of malformed ones in order, and the well-formed ones the catalog lacks
 * (wholly or a level of) in first-seen order — only those are reported.
 */
interface CodeScan {
  malformed: MalformedCode[];
  distinct: DistinctCode[];
}

/**
 * One pass over the places of a kind of code: a code seen before is only counted, a new one is checked
 * for its format and, if well-formed, looked up in the catalog once. Shared per context: the format,
 * "unknown" and "parent unknown" rules read the same scan.
 */
class CodeScanner {
  readonly malformed: MalformedCode[] = [];
  /** the well-formed codes the catalog lacks, in first-seen order */
  readonly #distinct: DistinctCode[] = [];
  /**
   * the lines' codes (line-index.ts), and each one's entry by its number: its DistinctCode where the catalog
   * lacks it, KNOWN where it has it, undefined for a malformed one
   */
  #lineCodes: CodeList | undefined;
  readonly #byLineCode: (DistinctCode | typeof KNOWN | undefined)[] = [];
  /** codes first seen outside the lines (the same entries) */
  #others: Map<string, DistinctCode | typeof KNOWN> | undefined;

  constructor(
    private readonly format: (code: string) => boolean,
    private readonly field: Occurrence["field"],
    private readonly missing: (code: string) => Level | undefined,
  ) {}

  /**
   * Every line's code, from the line index: each distinct code checked once, in first-seen order, and the
   * lines of a malformed code in line order — the same as visiting the lines one by one.
   */
  visitLines(codes: CodeList, perLine: readonly number[]): void {
    this.#lineCodes = codes;
    const malformed: boolean[] = [];
    let anyMalformed = false;
    for (let id = 0; id < codes.codes.length; id++) {
      const code = codes.codes[id]!;
      if (this.format(code)) {
        const missing = this.missing(code);
        if (missing === undefined) {
          this.#byLineCode[id] = KNOWN; // (most codes: no entry made)
          continue;
        }
        const d: DistinctCode = { code, first: { list: "lineItems", index: codes.first[id]!, field: this.field }, count: codes.count[id]!, missing };
        this.#byLineCode[id] = d;
        this.#distinct.push(d);
      } else anyMalformed = malformed[id] = true;
    }
    if (!anyMalformed) return;
    for (let i = 0; i < perLine.length; i++) if (malformed[perLine[i]!]) this.malformed.push({ code: codes.codes[perLine[i]!]!, place: { list: "lineItems", index: i, field: this.field } });
  }

  /** A code outside the lines (after them): counted where seen before, else checked and kept. */
  visit(code: string, list: Occurrence["list"], index: number): void {
    const lineCode = this.#lineCodes?.ids.get(code);
    const hit = lineCode !== undefined ? this.#byLineCode[lineCode] : this.#others?.get(code);
    if (hit === KNOWN) return;
    if (hit) hit.count++;
    else if (lineCode === undefined && this.format(code)) {
      const missing = this.missing(code);
      if (missing === undefined) {
        (this.#others ??= new Map()).set(code, KNOWN);
        return;
      }
      const d: DistinctCode = { code, first: { list, index, field: this.field }, count: 1, missing };
      (this.#others ??= new Map()).set(code, d);
      this.#distinct.push(d);
    } else this.malformed.push({ code, place: { list, index, field: this.field } });
  }

  result(): CodeScan {
    return { malformed: this.malformed, distinct: this.#distinct };
  }
}

/** Every functional code: lines first, then projects. */
function scanFunctional(ctx: RuleContext): CodeScan {
  return shared(ctx, computeFunctionalScan);
}

function computeFunctionalScan(ctx: RuleContext): CodeScan {
  const scan = new CodeScanner(isFunctionalCode, "functional", (code) => missingFunctionalLevel(ctx, code));
  const index = lineIndex(ctx);
  scan.visitLines(index.functional, index.functionalId);
  const projects = ctx.budget.projects;
  for (let i = 0; i < projects.length; i++) {
    const f = projects[i]!.functional;
    if (f !== undefined) scan.visit(f, "projects", i);
  }
  return scan.result();
}

/** Every line's economic code. */
function scanEconomic(ctx: RuleContext): CodeScan {
  return shared(ctx, computeEconomicScan);
}

function computeEconomicScan(ctx: RuleContext): CodeScan {
  const scan = new CodeScanner(isEconomicCode, "economic", (code) => missingEconomicLevel(ctx, code));
  const index = lineIndex(ctx);
  scan.visitLines(index.economic, index.economicId);
  return scan.result();
}

const distinctFunctional = (ctx: RuleContext): DistinctCode[] => scanFunctional(ctx).distinct;
const distinctEconomic = (ctx: RuleContext): DistinctCode[] => scanEconomic(ctx).distinct;

type Level = "class" | "section" | "item";

/** Which level of a well-formed code the catalog lacks, highest first; undefined when the code is known. */
function missingFunctionalLevel(ctx: RuleContext, code: string): Level | undefined {
  const c = ctx.catalog;
  if (c.functionalEntry(code)) return undefined;
  if (!c.functionalEntry(code.slice(0, 3))) return "class";
  if (!c.functionalEntry(code.slice(0, 5))) return "section";
  return "item";
}

function missingEconomicLevel(ctx: RuleContext, code: string): Level | undefined {
  const c = ctx.catalog;
  if (c.departmentEconomicEntry(code)) return undefined;
  if (!c.departmentEconomicEntry(code.slice(0, 3))) return "class";
  if (code.length === 7 && !c.departmentEconomicEntry(code.slice(0, 5))) return "section";
  return "item";
}

/** An unknown 类 is always an error (the 类 lists are short and complete); a 款 follows the catalog's origin. */
function parentSeverity(ctx: RuleContext, level: Level): Severity {
  return level === "class" ? "error" : catalogSeverity(ctx);
}

export const functionalFormat: Rule = defineRule(
  {
    id: "code.functional-format",
    title: "功能分类科目编码格式错误",
    description:
      "支出功能分类科目应为 7 位数字（类 3 位、款 2 位、项 2 位）：预算按功能分类编列到项。 / A functional classification code must be 7 digits (类 3, 款 2, 项 2): budgets are itemised down to the 项.",
    basis: ITEMISE_BASIS,
    severity: "error",
  },
  (ctx, emit) =>
    scanFunctional(ctx).malformed.map((o) =>
        emit({
          message: `功能分类科目“${o.code}”不是 7 位数字（类/款/项） / functional code "${o.code}" is not 7 digits (类/款/项)`,
          path: pathOf(o.place),
          expected: "7位数字 / 7 digits",
          actual: o.code,
        }),
      ),
);

export const economicFormat: Rule = defineRule(
  {
    id: "code.economic-format",
    title: "经济分类科目编码格式错误",
    description:
      "部门预算支出经济分类科目应为 5 位数字的款（如 30101），或地方细化的 7 位子目（如 3010201）：基本支出按经济分类编列到款。 / A department economic code must be a 5-digit 款 (30101) or a local 7-digit sub-item (3010201): basic expenditure is itemised down to the 款.",
    basis: ITEMISE_BASIS,
    severity: "error",
  },
  (ctx, emit) =>
    scanEconomic(ctx).malformed.map((o) =>
        emit({
          message: `经济分类科目“${o.code}”不是 5 位（款）或 7 位（地方子目）数字 / economic code "${o.code}" is neither a 5-digit 款 nor a 7-digit sub-item`,
          path: pathOf(o.place),
          expected: "5或7位数字 / 5 or 7 digits",
          actual: o.code,
        }),
      ),
);

export const functionalUnknown: Rule = defineRule(
  {
    id: "code.functional-unknown",
    title: "功能分类科目（项）不在当年科目表中",
    description:
      "7 位功能分类科目的类、款存在，但该项不在当年科目表中；科目每年修订，更名或取消的项须改用新科目。项目的主功能科目同样须存在。 / The 类 and 款 of a 7-digit functional code exist but the 项 is not in that year's catalog; codes are revised every year. A project's own functional code must exist too.",
    basis: CODES_BASIS,
    severity: "warning",
    severityNote:
      "对照加载的正式科目表为错误；对照内置科目表为警告，该年度内置科目表的项未经确认（只收录常用的项，或沿用相邻年度）时为提示。 / An error against a loaded official catalog; a warning against the built-in one, info where its 项 list is not confirmed for the year (common 项 only, or carried over from a neighbouring year).",
  },
  (ctx, emit) => {
    const cat = catalogName(ctx);
    const out: Finding[] = [];
    for (const { code, first, count, missing } of distinctFunctional(ctx)) {
      if (missing !== "item") continue;
      const n = countNote(count);
      // the year's 项 list is partial or carried over from a neighbouring year: the code may well exist
      const confirmed = ctx.catalog.isConfirmed(code);
      const note = confirmed ? { zh: "", en: "" } : { zh: "（该年度内置科目表的项未经确认，仅作提示）", en: " (its 项 list is not confirmed for the year: info only)" };
      out.push(
        emit({
          severity: confirmed ? catalogSeverity(ctx) : "info",
          message: `功能分类科目 ${code} 不在${cat.zh}中${n.zh}${note.zh} / functional code ${code} is not in ${cat.en}${n.en}${note.en}`,
          path: pathOf(first),
          actual: code,
        }),
      );
    }
    return out;
  },
);

/** One finding per distinct code whose 类 or 款 is missing from the catalog (functional and economic alike). */
function parentUnknownFindings(
  ctx: RuleContext,
  emit: Emit,
  codes: readonly DistinctCode[],
  kind: { zh: string; en: string },
): Finding[] {
  const cat = catalogName(ctx);
  const out: Finding[] = [];
  for (const { code, first, count, missing: level } of codes) {
    if (level !== "class" && level !== "section") continue;
    const parent = level === "class" ? code.slice(0, 3) : code.slice(0, 5);
    const zh = level === "class" ? "类" : "款";
    const n = countNote(count);
    out.push(
      emit({
        severity: parentSeverity(ctx, level),
        message: `${kind.zh} ${code} 的${zh} ${parent} 不在${cat.zh}中${n.zh} / the ${zh} ${parent} of ${kind.en} ${code} is not in ${cat.en}${n.en}`,
        path: pathOf(first),
        expected: parent,
        actual: code,
      }),
    );
  }
  return out;
}

export const functionalParentUnknown: Rule = defineRule(
  {
    id: "code.functional-parent-unknown",
    title: "功能分类科目的类或款不存在",
    description:
      "功能分类科目所属的类（前 3 位）或款（前 5 位）在当年科目表中不存在，编码必然有误。 / The 类 (first 3 digits) or 款 (first 5 digits) of a functional code does not exist in that year's catalog, so the code cannot be right.",
    basis: CODES_BASIS,
    severity: "error",
    severityNote:
      "类不存在总是错误；只有款不存在时，对照内置科目表为警告，对照正式科目表为错误。 / An unknown 类 is always an error; an unknown 款 is a warning against the built-in catalog and an error against an official one.",
  },
  (ctx, emit) => parentUnknownFindings(ctx, emit, distinctFunctional(ctx), { zh: "功能分类科目", en: "functional code" }),
);

export const economicUnknown: Rule = defineRule(
  {
    id: "code.economic-unknown",
    title: "经济分类科目不在当年科目表中",
    description:
      "部门预算支出经济分类的款（或地方细化子目）不在当年科目表中，而其上级类（或款）存在。 / A department economic 款 (or local sub-item) is not in that year's catalog although its 类 (or 款) is.",
    basis: CODES_BASIS,
    severity: "warning",
    severityNote:
      "对照内置科目表为警告，对照加载的正式科目表为错误。 / A warning against the built-in catalog, an error against a loaded official catalog.",
  },
  (ctx, emit) => {
    const cat = catalogName(ctx);
    const out: Finding[] = [];
    for (const { code, first, count, missing } of distinctEconomic(ctx)) {
      if (missing !== "item") continue;
      const n = countNote(count);
      out.push(
        emit({
          severity: catalogSeverity(ctx),
          message: `经济分类科目 ${code} 不在${cat.zh}中${n.zh} / economic code ${code} is not in ${cat.en}${n.en}`,
          path: pathOf(first),
          actual: code,
        }),
      );
    }
    return out;
  },
);

export const economicParentUnknown: Rule = defineRule(
  {
    id: "code.economic-parent-unknown",
    title: "经济分类科目的类或款不存在",
    description:
      "经济分类科目所属的类（前 3 位），或 7 位子目所属的款（前 5 位），在当年科目表中不存在。 / The 类 (first 3 digits) of an economic code, or the 款 (first 5 digits) of a 7-digit sub-item, does not exist in that year's catalog.",
    basis: CODES_BASIS,
    severity: "error",
    severityNote:
      "类不存在总是错误；只有款不存在时，对照内置科目表为警告，对照正式科目表为错误。 / An unknown 类 is always an error; an unknown 款 is a warning against the built-in catalog and an error against an official one.",
  },
  (ctx, emit) => parentUnknownFindings(ctx, emit, distinctEconomic(ctx), { zh: "经济分类科目", en: "economic code" }),
);

export const catalogYear: Rule = defineRule(
  {
    id: "code.catalog-year",
    title: "科目表年度与预算年度不一致",
    description:
      "科目每年修订：用其他年度的科目表核对，结果只能作参考。 / Codes are revised every year: a check against another year's catalog is only indicative.",
    severity: "warning",
  },
  (ctx, emit) =>
    ctx.catalog.year === ctx.budget.year
      ? []
      : [
          emit({
            message: `预算年度为 ${ctx.budget.year} 年，但核对所用科目表为 ${ctx.catalog.year} 年 / the budget is for ${ctx.budget.year} but the codes were checked against the ${ctx.catalog.year} catalog`,
            path: "year",
            expected: ctx.budget.year,
            actual: ctx.catalog.year,
          }),
        ],
);

export const CODE_RULES: readonly Rule[] = [
  functionalFormat,
  economicFormat,
  functionalUnknown,
  functionalParentUnknown,
  economicUnknown,
  economicParentUnknown,
  catalogYear,
];
