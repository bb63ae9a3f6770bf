/**
 * 单位类型推定 — a published document does not say whether its units are 行政, 参公 or 事业, yet the
 * economic → government mapping and 机关运行经费 depend on it. The evidence: 行政单位医疗 (2101101) or
 * 公务员医疗补助 (2101103) vs 事业单位医疗 (2101102) in the functional tables, the family most of table
 * 11's government codes belong to (501–504 vs 505/506), and a non-empty 机关运行经费 table. A single unit
 * takes the type with more evidence; several units, or a tie, allow both.
 */
import { ADMINISTRATIVE_CODES, INSTITUTION_CODES } from "../../core/rules/mapping.ts";
import type { Interpretation } from "./semantic.ts";

export type MappingFamily = "administrative" | "institution";

export interface UnitTypeInference {
  /** the families a government code may follow */
  families: MappingFamily[];
  /** number of units the tables show */
  units: number;
  /** what the inference rests on, for the finding that states it */
  evidence: string[];
}

const ADMIN_MEDICAL = new Set(["2101101", "2101103"]);
const INSTITUTION_MEDICAL = new Set(["2101102"]);

/** The family of a government economic code, by the core's lists: 501–504 行政/参公, 505/506 事业. */
export function governmentFamily(code: string): MappingFamily | undefined {
  if (ADMINISTRATIVE_CODES.some((c) => code.startsWith(c))) return "administrative";
  if (INSTITUTION_CODES.some((c) => code.startsWith(c))) return "institution";
  return undefined;
}

export function inferUnitType(t: Interpretation): UnitTypeInference {
  const evidence: string[] = [];
  const score = { administrative: 0, institution: 0 };
  const medical = new Set<string>();
  for (const table of [t.expenditure, t.gpbExpenditure, t.income]) {
    for (const r of table?.rows ?? []) {
      const basic = r.amounts.get("basic") ?? r.amounts.get("total");
      if (r.code && (ADMIN_MEDICAL.has(r.code) || INSTITUTION_MEDICAL.has(r.code)) && basic && !basic.value.blank) medical.add(r.code);
    }
  }
  for (const code of medical) {
    const fam: MappingFamily = ADMIN_MEDICAL.has(code) ? "administrative" : "institution";
    score[fam]++;
    evidence.push(`${code} ${fam === "administrative" ? (code === "2101101" ? "行政单位医疗" : "公务员医疗补助") : "事业单位医疗"}`);
  }
  const families = { administrative: 0, institution: 0 };
  for (const r of t.gpbBasic?.rows ?? []) {
    const f = r.kind === "detail" && r.govCode ? governmentFamily(r.govCode) : undefined;
    if (f) families[f]++;
  }
  if (families.administrative !== families.institution) {
    const major: MappingFamily = families.administrative > families.institution ? "administrative" : "institution";
    score[major]++;
    evidence.push(`表11中${families[major]}行对应${major === "administrative" ? "501–504" : "505/506"}（另${families[major === "administrative" ? "institution" : "administrative"]}行）`);
  }
  const op = t.operatingCost;
  if (op?.rows.some((r) => r.kind === "detail" && [...r.amounts.values()].some((c) => !c.value.blank))) {
    score.administrative++;
    evidence.push("机关运行经费表有数");
  }
  const units = Math.max(1, t.units.size);
  let result: MappingFamily[];
  if (units === 1 && score.administrative !== score.institution) result = [score.administrative > score.institution ? "administrative" : "institution"];
  else if (units > 1 && medical.size > 0 && [...medical].every((c) => ADMIN_MEDICAL.has(c)) && families.institution === 0) result = ["administrative"];
  else if (units > 1 && medical.size > 0 && [...medical].every((c) => INSTITUTION_MEDICAL.has(c)) && families.administrative === 0) result = ["institution"];
  else result = ["administrative", "institution"];
  return { families: result, units, evidence };
}
