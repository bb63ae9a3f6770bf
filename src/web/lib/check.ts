/**
 * 即时审核 — the core's rules run in the browser on the budget being edited, so findings follow the typing
 * without a save. The content goes through the same schema as a budget file; a line item the schema
 * refuses (an amount that is not one, an unknown source) becomes an error finding at its field, and the
 * rules run on the rest. The server runs the same rules again on every save and at submission.
 */
import { CatalogIndex } from "../../core/catalog.ts";
import { createRuleContext, locationKey } from "../../core/rules/engine.ts";
import type { Finding } from "../../core/rules/finding.ts";
import { runRules } from "../../core/rules/index.ts";
import { fileToBudget } from "../../formats/budget-file/convert.ts";
import { budgetFileSchema } from "../../formats/budget-file/schema.ts";
import type { CatalogAnswer, Content } from "../api/types.ts";

export type LocalFinding = Finding & { locationKey: string };

export function catalogIndexOf(c: CatalogAnswer): CatalogIndex {
  return new CatalogIndex({
    year: c.catalogYear,
    origin: c.origin,
    functional: c.functional,
    departmentEconomic: c.departmentEconomic,
    governmentEconomic: c.governmentEconomic,
    mapping: c.mapping,
  });
}

/** "lineItems[3].amount" from a schema issue's path. */
export function pathOf(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : `${out ? "." : ""}${String(p)}`;
  return out;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function checkContent(content: Content, catalog: CatalogIndex): LocalFinding[] {
  const input: LocalFinding[] = [];
  let data = content;
  let parsed = budgetFileSchema.safeParse(data);
  if (!parsed.success) {
    const badLines = new Set<number>();
    for (const issue of parsed.error.issues) {
      const path = pathOf(issue.path);
      const location = { kind: "data" as const, path };
      input.push({ rule: "input.invalid", severity: "error", message: issue.message, location, locationKey: locationKey(location) });
      if (issue.path[0] === "lineItems" && typeof issue.path[1] === "number") badLines.add(issue.path[1]);
    }
    // Check the rest: without the refused lines (positions of the others are kept by blanking, not removing).
    if (badLines.size > 0 && Array.isArray(content.lineItems)) {
      data = { ...content, lineItems: (content.lineItems as unknown[]).filter((_, i) => !badLines.has(i)) };
      parsed = budgetFileSchema.safeParse(data);
    }
    if (!parsed.success) return input;
    const kept = (content.lineItems as unknown[]).map((_, i) => i).filter((i) => !badLines.has(i));
    const found = runRules(createRuleContext(fileToBudget(parsed.data), catalog));
    // Rules name lines by their position in what they saw: map back to the grid's positions.
    const remap = (p: string) => p.replace(/^lineItems\[(\d+)\]/, (_m, i: string) => `lineItems[${kept[Number(i)] ?? i}]`);
    const out = found.map((f) => {
      const location = f.location.kind === "data" ? { ...f.location, path: remap(f.location.path) } : f.location;
      return { ...f, location, locationKey: locationKey(location) };
    });
    return sortFindings([...input, ...out]);
  }
  const found = runRules(createRuleContext(fileToBudget(parsed.data), catalog));
  return sortFindings(found.map((f) => ({ ...f, locationKey: locationKey(f.location) })));
}

export function sortFindings<T extends Finding>(list: T[]): T[] {
  return list.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** Where a finding points in the line-item grid, if it does: the row and the field ("*" for the line). */
export function gridPlace(f: Finding): { row: number; key: string } | undefined {
  if (f.location.kind !== "data") return undefined;
  const m = /^lineItems\[(\d+)\](?:\.(\w+))?/.exec(f.location.path);
  return m ? { row: Number(m[1]), key: m[2] ?? "*" } : undefined;
}
