/**
 * 经济分类对照 — the department → government economic classification mapping (部门预算支出经济分类 →
 * 政府预算支出经济分类) as it applies to each line: present for the unit's type, of the right family for
 * the unit type (行政/参公 → 501–504, 事业 → 505/506), and agreeing with the derive's 人员经费 / 公用经费 split.
 * Reported once per department code and unit-type group, at its first line.
 */
import { economicCodeFacts, isPersonnel } from "../derive/economic.ts";
import type { UnitType } from "../model.ts";
import { UNIT_TYPE_NAMES, isAdministrativeLike } from "../model.ts";
import type { Finding, Rule, RuleContext } from "./finding.ts";
import { defineRule } from "./finding.ts";
import { isEconomicCode } from "./codes.ts";
import { countNote, shared } from "./helpers.ts";
import { type CatalogIndex, perCatalog } from "../catalog.ts";
import { lineIndex } from "./line-index.ts";

const MAPPING_BASIS = "《财政部关于印发〈支出经济分类科目改革试行方案〉的通知》（财预〔2017〕98号）及其科目对照表";

/** The first line of a department economic code within one unit-type group, and how many lines share it. */
interface MappedCode {
  /** the first such line */
  index: number;
  economic: string;
  /** the first line's unit type, for messages */
  unitType: UnitType;
  /** "administrative" for 行政 and 参公, which share the mapping */
  group: "administrative" | "institution";
  government: string | undefined;
  /** the government code's kind bits (`governmentKind`; 0 without one) */
  kind: number;
  count: number;
}

/**
 * Lines with a well-formed economic code of a known 类, in a unit of the budget, grouped by code and
 * unit-type group in first-seen order, each group's government code looked up once. Computed once per
 * context for the three mapping rules; one pass over the line index (line-index.ts), no per-line allocation or look-up.
 */
function mappedCodes(ctx: RuleContext): MappedCode[] {
  return shared(ctx, groupMappedCodes);
}

/** An economic code's mapping and its entries, one per unit-type group. */
interface CodeGroups {
  mapping: CodeMapping;
  administrative: MappedCode | undefined;
  institution: MappedCode | undefined;
}

/**
 * What the mapping rules read of a department economic code in one catalog: whether they check it (a
 * well-formed code of a 类 the catalog has), and its government code and that code's kinds for each
 * unit-type group. Worked out once per code and catalog (the catalog's own codes are kept, a bounded set).
 */
interface CodeMapping {
  checked: boolean;
  administrative: string | undefined;
  administrativeKind: number;
  institution: string | undefined;
  institutionKind: number;
}

const mappingsOf = perCatalog<CodeMapping>();

function codeMapping(kept: Map<string, CodeMapping>, catalog: CatalogIndex, economic: string): CodeMapping {
  const hit = kept.get(economic);
  if (hit) return hit;
  // an unknown 类 is reported by the code rules (the 类 as economicCodeFacts keeps it: a string hashed once)
  const checked = isEconomicCode(economic) && catalog.departmentEconomicEntry(economicCodeFacts(economic).class) !== undefined;
  const administrative = checked ? catalog.governmentCodeFor(economic, "administrative") : undefined;
  const institution = checked ? catalog.governmentCodeFor(economic, "institution") : undefined;
  const mapping: CodeMapping = {
    checked,
    administrative,
    administrativeKind: administrative === undefined ? 0 : governmentKind(administrative),
    institution,
    institutionKind: institution === undefined ? 0 : governmentKind(institution),
  };
  if (catalog.departmentEconomicEntry(economic)) kept.set(economic, mapping);
  return mapping;
}

function groupMappedCodes(ctx: RuleContext): MappedCode[] {
  const order: MappedCode[] = [];
  const index = lineIndex(ctx);
  // by the number of the economic code (line-index.ts); made at the code's first line in a unit
  const byCode: (CodeGroups | undefined)[] = new Array<CodeGroups | undefined>(index.economic.codes.length);
  const units = ctx.budget.units;
  const kept = mappingsOf(ctx.catalog);
  for (let line = 0; line < index.unit.length; line++) {
    const u = index.unit[line]!;
    if (u < 0) continue;
    const unit = units[u]!;
    const id = index.economicId[line]!;
    const economic = index.economic.codes[id]!;
    let groups = byCode[id];
    if (!groups) {
      const mapping = codeMapping(kept, ctx.catalog, economic);
      byCode[id] = groups = { mapping, administrative: undefined, institution: undefined };
    }
    if (!groups.mapping.checked) continue;
    const administrative = isAdministrativeLike(unit.type);
    const hit = administrative ? groups.administrative : groups.institution;
    if (hit) {
      hit.count++;
      continue;
    }
    const first: MappedCode = {
      index: line,
      economic,
      unitType: unit.type,
      group: administrative ? "administrative" : "institution",
      // 参公 units take the 行政 mapping (as governmentCodeFor does)
      government: unit.type === "institution" ? groups.mapping.institution : groups.mapping.administrative,
      kind: unit.type === "institution" ? groups.mapping.institutionKind : groups.mapping.administrativeKind,
      count: 1,
    };
    if (administrative) groups.administrative = first;
    else groups.institution = first;
    order.push(first);
  }
  return order;
}

/** True when `code` starts with one of `prefixes`. */
function startsWithAny(code: string, prefixes: readonly string[]): boolean {
  for (let i = 0; i < prefixes.length; i++) if (code.startsWith(prefixes[i]!)) return true;
  return false;
}

/** What a government code is, as bits: of 行政/参公 units (501–504), of 事业 units (505/506), 人员经费-like, 公用经费-like. */
const GOV_ADMINISTRATIVE = 1;
const GOV_INSTITUTION = 2;
const GOV_PERSONNEL = 4;
const GOV_PUBLIC = 8;

/** The kind bits of a government code (worked out where `codeMapping` keeps its answer for a code). */
function governmentKind(gov: string): number {
  return (
    (startsWithAny(gov, ADMINISTRATIVE_CODES) ? GOV_ADMINISTRATIVE : 0) |
    (startsWithAny(gov, INSTITUTION_CODES) ? GOV_INSTITUTION : 0) |
    (startsWithAny(gov, GOVERNMENT_PERSONNEL) ? GOV_PERSONNEL : 0) |
    (startsWithAny(gov, GOVERNMENT_PUBLIC) ? GOV_PUBLIC : 0)
  );
}

/** Government codes for 事业 units (505/506) and for 行政 and 参公 units (501–504). */
export const INSTITUTION_CODES = ["505", "506"] as const;
export const ADMINISTRATIVE_CODES = ["501", "502", "503", "504"] as const;

/** Government codes that are wages or payments to persons (人员经费 in the government classification). */
const GOVERNMENT_PERSONNEL = ["501", "50501", "509"] as const;
/** Government codes that are goods, services or capital (公用经费 in the government classification). */
const GOVERNMENT_PUBLIC = ["502", "503", "504", "50502", "506"] as const;

export const mappingMissing: Rule = defineRule(
  {
    id: "mapping.missing",
    title: "经济分类缺少对应的政府经济分类",
    description:
      "每个部门预算支出经济分类科目都须按单位类型对应一个政府预算支出经济分类科目（参公单位按行政单位），否则基本支出表（表11）无法列示。 / Every department economic code must map to one government economic code for the unit's type (参公 units follow 行政), or table 11 cannot show it.",
    basis: MAPPING_BASIS,
    severity: "error",
  },
  (ctx, emit) => {
    // a year without 政府预算支出经济分类 (2017) has nothing to map to
    if (ctx.catalog.catalog.governmentEconomic.absent) return [];
    const out: Finding[] = [];
    for (const first of mappedCodes(ctx)) {
      if (first.government !== undefined) continue;
      const n = countNote(first.count);
      out.push(
        emit({
          message: `经济分类科目 ${first.economic} 在${UNIT_TYPE_NAMES[first.unitType]}下没有对应的政府经济分类科目${n.zh} / economic code ${first.economic} has no government economic code for a ${first.unitType} unit${n.en}`,
          path: `lineItems[${first.index}].economic`,
          actual: first.economic,
        }),
      );
    }
    return out;
  },
);

export const mappingPersonnelPublic: Rule = defineRule(
  {
    id: "mapping.personnel-public",
    title: "人员经费/公用经费与政府经济分类不一致",
    description:
      "人员经费为 301 工资福利支出和 303 对个人和家庭的补助，公用经费为 302、310 等；对照的政府经济分类须同属一类：301/303 不得对应 502/50502 等商品服务或资本性科目，302/310 不得对应 501/50501/509 等工资或对个人补助科目。否则表11的人员经费、公用经费与表1、表3不一致。 / Personnel funds (人员经费) are 301 and 303, public funds (公用经费) 302, 310 and the rest; the government code must be of the same kind: 301/303 never map to goods, services or capital (502, 50502 …), 302/310 never to wages or payments to persons (501, 50501, 509). Otherwise table 11's split disagrees with tables 1 and 3.",
    basis: MAPPING_BASIS,
    severity: "error",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    for (const first of mappedCodes(ctx)) {
      const gov = first.government;
      if (gov === undefined) continue;
      const personnel = isPersonnel(first.economic);
      const wrong = (first.kind & (personnel ? GOV_PUBLIC : GOV_PERSONNEL)) !== 0;
      if (!wrong) continue;
      const n = countNote(first.count);
      out.push(
        emit({
          message: personnel
            ? `经济分类科目 ${first.economic} 属人员经费，却对应政府经济分类 ${gov}（商品服务或资本性支出）${n.zh} / economic code ${first.economic} is 人员经费 but maps to government code ${gov} (goods, services or capital)${n.en}`
            : `经济分类科目 ${first.economic} 属公用经费，却对应政府经济分类 ${gov}（工资福利或对个人补助）${n.zh} / economic code ${first.economic} is 公用经费 but maps to government code ${gov} (wages or payments to persons)${n.en}`,
          path: `lineItems[${first.index}].economic`,
          expected: personnel ? "501/50501/509" : "502/503/504/50502/506",
          actual: gov,
        }),
      );
    }
    return out;
  },
);

export const mappingUnitType: Rule = defineRule(
  {
    id: "mapping.unit-type",
    title: "政府经济分类与单位类型不符",
    description:
      "行政单位和参公单位的支出对应 501–504 机关类科目，事业单位的支出对应 505/506 对事业单位补助科目；对照表用错单位类型会使表11出错。 / Spending of 行政 and 参公 units maps to the 机关 codes 501–504, spending of 事业 units to 505/506; a mapping for the wrong unit type makes table 11 wrong.",
    basis: MAPPING_BASIS,
    severity: "error",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    for (const first of mappedCodes(ctx)) {
      const gov = first.government;
      if (gov === undefined) continue;
      const admin = first.group === "administrative";
      const wrong = (first.kind & (admin ? GOV_INSTITUTION : GOV_ADMINISTRATIVE)) !== 0;
      if (!wrong) continue;
      const n = countNote(first.count);
      out.push(
        emit({
          message: `${UNIT_TYPE_NAMES[first.unitType]}的经济分类科目 ${first.economic} 对应政府经济分类 ${gov}，应为${admin ? "501–504 机关类科目" : "505/506 对事业单位补助科目"}${n.zh} / economic code ${first.economic} of a ${first.unitType} unit maps to government code ${gov}; expected ${admin ? "501–504" : "505/506"}${n.en}`,
          path: `lineItems[${first.index}].economic`,
          expected: admin ? "501–504" : "505/506",
          actual: gov,
        }),
      );
    }
    return out;
  },
);

export const MAPPING_RULES: readonly Rule[] = [mappingMissing, mappingPersonnelPublic, mappingUnitType];
