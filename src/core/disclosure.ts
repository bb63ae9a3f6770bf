/**
 * 公开文件 — a disclosure: its template's tables and the narrative of one scope (the department or one unit),
 * all derived from the budget. Renderers (src/formats) draw it; nothing here rounds money.
 */
import { type Withheld, exemptNote, publicBudget } from "./exempt.ts";
import type { CatalogIndex } from "./catalog.ts";
import { type Figures, computeFigures } from "./derive/figures.ts";
import { type Ledger, buildLedger } from "./derive/ledger.ts";
import { type Scope, type ScopeRef, departmentScope, unitScope, unitScopes } from "./derive/scope.ts";
import { deriveTables } from "./derive/shapes.ts";
import type { Budget } from "./model.ts";
import { type Narrative, deriveNarrative } from "./narrative/narrative.ts";
import { type ScopeFigures, createRuleContext } from "./rules/engine.ts";
import type { Finding, Rule } from "./rules/finding.ts";
import { ALL_RULES, runRules } from "./rules/index.ts";
import { DEFAULT_TEMPLATE_ID, TEMPLATE_IDS, templateById } from "./templates/index.ts";
import { BUDGET_NARRATIVE } from "./templates/henan13.ts";
import type { NarrativeSection as OutlineSection } from "./templates/types.ts";
import type { DisclosureTable } from "./table.ts";

/** 公开模板 — the id of a template in the registry (src/core/templates): henan13, central9, shanghai-district-2025 … */
export type Layout = string;

/** Every template id, in the registry's order. */
export const LAYOUTS: readonly Layout[] = TEMPLATE_IDS;

export interface Disclosure {
  /** the template the tables are drawn in (a registry id) */
  layout: Layout;
  year: number;
  scope: { kind: ScopeRef["kind"]; code: string; name: string };
  department: { code: string; name: string };
  /** 文件标题, e.g. 洛龙区社区治理和服务创新办公室2021年度部门预算 */
  title: string;
  /** 编制日期 as printed on the cover */
  date?: string;
  /** 来源说明 printed on the cover (first page): what the document is, when the budget says (Budget.provenance) */
  provenance?: string;
  /** 文件种类 — what the cover and the attachments heading name (绩效自评报告 …); absent: the budget disclosure */
  kind?: DocumentKind;
  tables: DisclosureTable[];
  narrative: Narrative;
  figures: Figures;
  /** 草稿 — not approved, or rendered past error-level findings: every page and sheet carries DRAFT_MARK */
  draft?: boolean;
}

/** 草稿标记 — what every page and sheet of a draft disclosure prints. */
export const DRAFT_MARK = "草稿 未经审核";

/** 文件种类 — the words a document's cover and attachments heading use for what it is. */
export interface DocumentKind {
  /** under the name on the cover: 2021年度部门预算, 2021年度部门绩效自评报告 */
  cover: string;
  /** the attachments heading after the scope's name: 2021年度部门预算表 */
  attachments: string;
}

/** The document's kind: its own, or a budget disclosure's (部门预算 / 单位预算). */
export function documentKind(d: Pick<Disclosure, "kind" | "year" | "scope">): DocumentKind {
  if (d.kind) return d.kind;
  const who = d.scope.kind === "department" ? "部门" : "单位";
  return { cover: `${d.year}年度${who}预算`, attachments: `${d.year}年度${who}预算表` };
}

/** The slice of the budget a disclosure covers: the whole department, or one unit. */
export function scopeOf(budget: Budget, ref: ScopeRef): Scope {
  return ref.kind === "department" ? departmentScope(budget) : unitScope(budget, ref.code);
}

/**
 * Who a document is for. A public document (the default: what is published, rendered or exported) leaves
 * out the units and projects marked exempt (涉密, core/exempt.ts) and says so in a note at the end of its
 * 第一部分; an internal one (the editor's preview, the reviewer's view) shows everything.
 */
export type Audience = "public" | "internal";

/** The disclosure of one scope (the department by default) in the given layout. */
export function deriveDisclosure(budget: Budget, catalog: CatalogIndex, ref: ScopeRef = { kind: "department" }, layout: Layout = DEFAULT_TEMPLATE_ID, audience: Audience = "public"): Disclosure {
  if (audience === "internal") return disclosureOf(budget, catalog, scopeOf(budget, ref), layout);
  const { budget: shown, withheld } = publicBudget(budget);
  return withNote(disclosureOf(shown, catalog, scopeOf(shown, ref), layout), withheld, budget);
}

/** A public disclosure with the note on what it leaves out (its own: a unit's note names its own projects). */
function withNote(d: Disclosure, withheld: readonly Withheld[], budget: Budget): Disclosure {
  const mine = d.scope.kind === "department" ? withheld : withheld.filter((w) => w.kind === "project" && budget.projects.find((p) => p.code === w.code)?.unit === d.scope.code);
  if (mine.length === 0) return d;
  const first = d.narrative.parts[0];
  const last = first?.sections[first.sections.length - 1];
  if (last) last.paragraphs.push(exemptNote(mine, d.scope.kind === "department" ? "部门" : "单位", templateById(d.layout).exemptNote));
  return d;
}

/** The department's disclosure and one for each of its units (实施条例 第六条). */
export function deriveAll(budget: Budget, catalog: CatalogIndex, layout: Layout = DEFAULT_TEMPLATE_ID, audience: Audience = "public"): Disclosure[] {
  const { budget: shown, withheld } = audience === "public" ? publicBudget(budget) : { budget, withheld: [] };
  const all = [disclosureOf(shown, catalog, departmentScope(shown), layout)];
  for (const scope of unitScopes(shown)) all.push(disclosureOf(shown, catalog, scope, layout));
  return all.map((d) => withNote(d, withheld, budget));
}

/** A disclosure and the findings of the rules on the same budget. */
export interface CheckedDisclosure {
  disclosure: Disclosure;
  findings: Finding[];
}

export interface DeriveAndCheckOptions {
  ref?: ScopeRef;
  layout?: Layout;
  rules?: readonly Rule[];
}

/**
 * `deriveDisclosure` and `checkBudget` of one budget in one call, with the same results as the two calls
 * made one after the other: the scope and figures derive computes are handed to the rules instead of being
 * computed again. Throws where `deriveDisclosure` throws (a budget the tables cannot be drawn for); use
 * `checkBudget` alone for the findings of such a budget.
 */
export function deriveAndCheck(budget: Budget, catalog: CatalogIndex, opts: DeriveAndCheckOptions = {}): CheckedDisclosure {
  const ref = opts.ref ?? { kind: "department" };
  const scope = scopeOf(budget, ref);
  const sums = sumsOf(scope);
  // The rules run before the tables are drawn: they read the figures only, and while they run the tables
  // are not yet there to be kept alive (and copied) by the garbage collector.
  const known: ScopeFigures = { scope, figures: sums.figures };
  const ctx = createRuleContext(budget, catalog, ref.kind === "department" ? { department: known, departmentLedger: sums.ledger } : { units: new Map([[ref.code, known]]) });
  const findings = runRules(ctx, opts.rules ?? ALL_RULES);
  return { disclosure: assemble(budget, catalog, scope, opts.layout ?? DEFAULT_TEMPLATE_ID, sums), findings };
}

/** `deriveAll` and `checkBudget` of one budget in one call (see `deriveAndCheck`). */
export function deriveAllAndCheck(
  budget: Budget,
  catalog: CatalogIndex,
  opts: Omit<DeriveAndCheckOptions, "ref"> = {},
): { disclosures: Disclosure[]; findings: Finding[] } {
  const layout = opts.layout ?? DEFAULT_TEMPLATE_ID;
  const department = departmentScope(budget);
  const disclosures = [disclosureOf(budget, catalog, department, layout)];
  const units = new Map<string, ScopeFigures>();
  for (const scope of unitScopes(budget)) {
    const d = disclosureOf(budget, catalog, scope, layout);
    disclosures.push(d);
    if (!units.has(scope.code)) units.set(scope.code, { scope, figures: d.figures });
  }
  const ctx = createRuleContext(budget, catalog, { department: { scope: department, figures: disclosures[0]!.figures }, units });
  return { disclosures, findings: runRules(ctx, opts.rules ?? ALL_RULES) };
}

/** A scope's ledger and its figures: what the tables, the narrative and the rules share. */
interface ScopeSums {
  ledger: Ledger;
  figures: Figures;
}

function sumsOf(scope: Scope): ScopeSums {
  const ledger = buildLedger(scope);
  return { ledger, figures: computeFigures(scope, ledger) };
}

/**
 * The outline a template's narrative follows when it is not the budget narrative Yusuan writes (Henan's and the
 * central 9's): Shanghai's and Jiangsu's headings rearrange the same text.
 */
function ownOutline(layout: Layout): readonly OutlineSection[] | undefined {
  const outline = templateById(layout).narrative;
  return outline === BUDGET_NARRATIVE ? undefined : outline;
}

function disclosureOf(budget: Budget, catalog: CatalogIndex, scope: Scope, layout: Layout): Disclosure {
  return assemble(budget, catalog, scope, layout, sumsOf(scope));
}

function assemble(budget: Budget, catalog: CatalogIndex, scope: Scope, layout: Layout, { ledger, figures }: ScopeSums): Disclosure {
  const ref = scope.ref;
  return {
    layout,
    year: budget.year,
    scope: { kind: ref.kind, code: scope.code, name: scope.name },
    department: { code: budget.department.code, name: budget.department.name },
    title: `${scope.name}${budget.year}年度${ref.kind === "department" ? "部门" : "单位"}预算`,
    date: budget.date,
    ...(budget.provenance ? { provenance: budget.provenance } : {}),
    tables: deriveTables(templateById(layout), { scope, catalog, ledger, department: budget.department }),
    narrative: deriveNarrative(budget, scope, catalog, figures, ledger, ownOutline(layout)),
    figures,
  };
}
