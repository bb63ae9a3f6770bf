/**
 * 部门决算公开 — the final accounts of a budget year as disclosures (the department's and each unit's), drawn
 * into a final-accounts template from the budget, its approved adjustments and its execution. Renderers draw
 * them as they draw a budget disclosure; nothing here rounds money.
 */
import type { CatalogIndex } from "../catalog.ts";
import type { Disclosure } from "../disclosure.ts";
import { computeFigures } from "../derive/figures.ts";
import { buildLedger } from "../derive/ledger.ts";
import { type Scope, departmentScope, unitScopes } from "../derive/scope.ts";
import { deriveTables } from "../derive/shapes.ts";
import { evaluateProjects } from "../execution/evaluation.ts";
import type { Execution } from "../execution/model.ts";
import { exemptNote, publicBudget } from "../exempt.ts";
import type { Budget } from "../model.ts";
import { deriveNarrative } from "../narrative/narrative.ts";
import { isFinalAccounts, templateById } from "../templates/index.ts";
import { type FinalAccounts, type FinalAccountsProblem, accountsOfUnits, finalAccountsOf } from "./ledger.ts";
import { finalNarrative } from "./narrative.ts";

/**
 * The execution as a public document may show it: payments, adjustments, balances and income of units and
 * projects withheld from the public budget (涉密, core/exempt.ts) left out with them.
 */
function publicExecution(exec: Execution, budget: Budget, shown: Budget): Execution {
  const withheldUnits = new Set(budget.units.filter((u) => !shown.units.some((s) => s.code === u.code)).map((u) => u.code));
  const withheldProjects = new Set(budget.projects.filter((p) => !shown.projects.some((s) => s.code === p.code)).map((p) => p.code));
  const kept = (x: { unit: string; project?: string | undefined }) => !withheldUnits.has(x.unit) && !(x.project !== undefined && withheldProjects.has(x.project));
  const fa = exec.finalAccounts;
  return {
    ...exec,
    payments: exec.payments.filter(kept),
    adjustments: exec.adjustments.filter((a) => (!a.from || kept(a.from)) && (!a.to || kept(a.to))),
    ...(fa
      ? {
          finalAccounts: {
            ...fa,
            opening: fa.opening.filter(kept),
            closing: fa.closing.filter(kept),
            income: fa.income.filter(kept),
            otherSpending: (fa.otherSpending ?? []).filter(kept),
            nonFiscalBalanceUsed: fa.nonFiscalBalanceUsed.filter(kept),
            surplusDistribution: fa.surplusDistribution.filter(kept),
          },
        }
      : {}),
  };
}

/**
 * The 决算 of a budget year in a final-accounts template: the department's disclosure and one for each unit,
 * or the problems that keep the record from balancing (finalAccountsOf).
 */
export function deriveFinalAccounts(
  budget: Budget,
  exec: Execution,
  catalog: CatalogIndex,
  templateId: string,
): { ok: true; disclosures: Disclosure[] } | { ok: false; problems: FinalAccountsProblem[] } {
  const template = templateById(templateId);
  if (!isFinalAccounts(template)) throw new Error(`template ${templateId} is not a final-accounts template`);
  const { budget: shown, withheld } = publicBudget(budget);
  const shownExec = withheld.length ? publicExecution(exec, budget, shown) : exec;
  const result = finalAccountsOf(shown, shownExec);
  if (!result.ok) return result;
  const evaluations = evaluateProjects(shown, shownExec);
  const scopes: Scope[] = [departmentScope(shown), ...unitScopes(shown)];
  const disclosures = scopes.map((scope) => {
    const units = new Set(scope.units.map((u) => u.code));
    const accounts: FinalAccounts = accountsOfUnits(result.accounts, units, scope.ref.kind === "department" || shown.units.length === 1);
    const ledger = buildLedger(scope);
    const figures = computeFigures(scope, ledger);
    const who = scope.ref.kind === "department" ? "部门" : "单位";
    const profile = deriveNarrative(shown, scope, catalog, figures, ledger).parts[0]?.sections ?? [];
    const mine = scope.ref.kind === "department" ? withheld : withheld.filter((w) => w.kind === "project" && budget.projects.find((p) => p.code === w.code)?.unit === scope.code);
    const last = profile[profile.length - 1];
    if (mine.length && last) last.paragraphs.push(exemptNote(mine, who));
    const d: Disclosure = {
      layout: template.id,
      year: budget.year,
      scope: { kind: scope.ref.kind, code: scope.code, name: scope.name },
      department: { code: budget.department.code, name: budget.department.name },
      title: `${scope.name}${budget.year}年度${who}决算`,
      ...(budget.provenance ? { provenance: budget.provenance } : {}),
      kind: { cover: `${budget.year}年度${who}决算`, attachments: `${budget.year}年度${who}决算表` },
      tables: deriveTables(template, { scope, catalog, ledger, department: budget.department, final: accounts }),
      narrative: finalNarrative({
        scope,
        catalog,
        accounts,
        template,
        profile,
        evaluations: evaluations.filter((e) => units.has(e.unit)),
        ...(exec.procurementExecuted !== undefined && scope.ref.kind === "department" ? { procurement: exec.procurementExecuted } : {}),
      }),
      figures,
    };
    return d;
  });
  return { ok: true, disclosures };
}
