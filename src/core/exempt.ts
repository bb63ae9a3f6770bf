/**
 * 不予公开 — content exempt from publication. 预算法第十四条 requires each department to publish its budget
 * "涉及国家秘密的除外"; a unit or project marked `exempt` (model.ts, Exemption) is left out of the public
 * documents, which say so in one note, while internal views, the rules (yusuan check) and the reviewer keep
 * and see all of it.
 *
 * What the public documents are drawn from is the budget without the exempt units (their lines, projects,
 * income and procurement) and the exempt projects (their lines and procurement): every table and the
 * narrative then agree with each other, as the audit checks, and no figure lets a withheld amount be read off
 * as a difference.
 */
import type { Budget } from "./model.ts";
import { type Fen, fen } from "./money.ts";

/** The ground a mark states when it names none (`exempt: true`, 不予公开 = 是 without a reason): 涉密, as 预算法第十四条. */
export const DEFAULT_EXEMPT_BASIS = "涉密";

/** What a public document leaves out: a unit or a project, with its amount (分, the sum of its lines). */
export interface Withheld {
  kind: "unit" | "project";
  code: string;
  name: string;
  /** the ground the budget states (涉密) */
  basis: string;
  amount: Fen;
}

/**
 * 不予公开说明 — the wording every shipped template prints where content is withheld ({who}: 部门 or 单位; {what}:
 * "1个单位的预算和2个项目"; {basis}: the grounds, 涉密). No template in the corpus and no notice the team can
 * cite prescribes a sentence: 预算法第十四条 says "涉及国家秘密的除外" and 财预〔2016〕143号 第三条 "除涉及国家秘密外"
 * without a form of words, so this one says what is withheld, why, and that the tables and text leave it out. A
 * template states its own in `TemplateDefinition.exemptNote` where its region prescribes one.
 */
export const STANDARD_EXEMPT_NOTE = "本{who}有{what}因{basis}，按照有关保密规定不予公开，未列入本公开文件的表格和说明。";

/** 不予公开说明 — the note a public document prints where content is withheld, in its template's wording. */
export function exemptNote(withheld: readonly Withheld[], who: "部门" | "单位" = "部门", wording: string = STANDARD_EXEMPT_NOTE): string {
  const units = withheld.filter((w) => w.kind === "unit");
  const projects = withheld.filter((w) => w.kind === "project");
  const bases = [...new Set(withheld.map((w) => w.basis))].join("、");
  const parts: string[] = [];
  if (units.length > 0) parts.push(`${units.length}个单位的预算`);
  if (projects.length > 0) parts.push(`${projects.length}个项目`);
  return wording.replaceAll("{who}", who).replaceAll("{what}", parts.join("和")).replaceAll("{basis}", bases);
}

/** The units and projects a budget marks exempt, with their amounts. */
export function withheldOf(budget: Budget): Withheld[] {
  const exemptUnits = new Map(budget.units.filter((u) => u.exempt).map((u) => [u.code, u]));
  const out: Withheld[] = [];
  const sum = (pred: (l: Budget["lineItems"][number]) => boolean) => fen(budget.lineItems.filter(pred).reduce((s, l) => s + l.amount, 0));
  for (const u of exemptUnits.values()) out.push({ kind: "unit", code: u.code, name: u.name, basis: u.exempt!.basis, amount: sum((l) => l.unit === u.code) });
  for (const p of budget.projects)
    if (p.exempt && !exemptUnits.has(p.unit)) out.push({ kind: "project", code: p.code, name: p.name, basis: p.exempt.basis, amount: sum((l) => l.project === p.code) });
  return out;
}

/**
 * The budget the public documents are drawn from: without the exempt units and projects (a project of an
 * exempt unit goes with its unit). The same budget when nothing is exempt.
 */
export function publicBudget(budget: Budget): { budget: Budget; withheld: Withheld[] } {
  const withheld = withheldOf(budget);
  if (withheld.length === 0) return { budget, withheld };
  const units = new Set(withheld.filter((w) => w.kind === "unit").map((w) => w.code));
  const projects = new Set(budget.projects.filter((p) => p.exempt || units.has(p.unit)).map((p) => p.code));
  const kept = (x: { unit: string; project?: string | undefined }) => !units.has(x.unit) && !(x.project !== undefined && projects.has(x.project));
  const left: Budget = {
    ...budget,
    units: budget.units.filter((u) => !units.has(u.code)),
    lineItems: budget.lineItems.filter(kept),
    projects: budget.projects.filter((p) => !projects.has(p.code)),
    procurement: budget.procurement.filter(kept),
    ...(budget.income ? { income: budget.income.filter((i) => !units.has(i.unit)) } : {}),
    // the 概况 names no withheld unit, not even as included without a budget of its own
    ...(budget.profile?.unitsIncluded ? { profile: { ...budget.profile, unitsIncluded: budget.profile.unitsIncluded.filter((n) => !withheld.some((w) => w.kind === "unit" && w.name === n)) } } : {}),
  };
  return { budget: left, withheld };
}
