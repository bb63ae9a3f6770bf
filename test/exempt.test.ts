/**
 * 不予公开 (issue 18 item 11): a unit or project marked exempt (涉密) is left out of the public documents with
 * the note, kept in the internal view, counted by the rules, and the reviewer sees what was withheld. The
 * public documents stay consistent: rendered and audited, they raise nothing the data does not.
 */
import { describe, expect, it } from "vitest";
import { assembleDocument } from "../src/audit/core/assemble.ts";
import { auditDocument } from "../src/audit/core/audit.ts";
import { importText } from "../src/audit/importers/text.ts";
import { deriveAll, deriveDisclosure } from "../src/core/disclosure.ts";
import { STANDARD_EXEMPT_NOTE, exemptNote, publicBudget } from "../src/core/exempt.ts";
import { TEMPLATES } from "../src/core/templates/index.ts";
import { deriveFinalAccounts } from "../src/core/final-accounts/disclosure.ts";
import { readExecutionDir } from "../src/formats/execution/execution-file.ts";
import { budgetFacts, budgetTotals } from "../src/core/facts.ts";
import { deriveScope } from "../src/server/disclosure-files.ts";
import type { Budget } from "../src/core/model.ts";
import { checkBudget } from "../src/core/rules/index.ts";
import { parseBudgetText } from "../src/formats/budget-file/read.ts";
import { renderText } from "../src/formats/text.ts";
import { beyondData, catalog2021, sampleBudget } from "./audit/support.ts";
import { generateBudget } from "./support/generate.ts";

const total = (b: Budget) => b.lineItems.reduce((s, l) => s + l.amount, 0);
const allText = (b: Budget, audience: "public" | "internal" = "public") => deriveAll(b, catalog2021, "henan13", audience).map(renderText).join("\n");

describe("an exempt project", async () => {
  const budget = await sampleBudget();
  const secret = budget.projects.find((p) => p.code === "313001-7")!; // 劳务派遣人员经费 12.60 万元
  secret.exempt = { basis: "涉密" };

  it("is left out of every public table and the narrative, which says so", () => {
    const text = allText(budget);
    expect(text).not.toContain(secret.name);
    expect(text).toContain("本部门有1个项目因涉密，按照有关保密规定不予公开");
    const [department] = deriveAll(budget, catalog2021);
    // table 1's total is the budget's less the project
    const lines = budget.lineItems.filter((l) => l.project === secret.code).reduce((s, l) => s + l.amount, 0);
    expect(lines).toBe(12_600_000);
    expect(department!.figures.total).toBe(total(budget) - lines);
  });

  it("is not in the open data: neither a fact nor in the totals", () => {
    const facts = budgetFacts(budget);
    expect(facts.some((f) => f.project === secret.code)).toBe(false);
    const { budget: left } = publicBudget(budget);
    expect(facts.reduce((s, f) => s + f.amount, 0)).toBe(total(left));
    expect(budgetTotals(budget).total).toBe(total(left));
    expect(total(left)).toBeLessThan(total(budget));
  });

  it("is kept in the internal view, without the note", () => {
    const text = allText(budget, "internal");
    expect(text).toContain(secret.name);
    expect(text).not.toContain("不予公开");
    expect(deriveDisclosure(budget, catalog2021, { kind: "department" }, "henan13", "internal").figures.total).toBe(total(budget));
  });

  it("is counted by the rules, and the reviewer sees it withheld with its amount", () => {
    const findings = checkBudget(budget, catalog2021);
    const withheld = findings.filter((f) => f.rule === "exempt.withheld");
    expect(withheld).toHaveLength(1);
    expect(withheld[0]!.message).toContain("劳务派遣人员经费");
    expect(withheld[0]!.message).toContain("12.60万元");
    expect(withheld[0]!.severity).toBe("info");
  });

  it("the public documents audit clean: nothing above info the data does not raise", () => {
    for (const d of deriveAll(budget, catalog2021)) {
      const doc = assembleDocument("out.txt", [importText("out.txt", renderText(d))]);
      expect(beyondData(auditDocument(doc, () => catalog2021).findings, publicBudget(budget).budget).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    }
  });
});

describe("the note's wording", async () => {
  const budget = await sampleBudget();
  budget.projects.find((p) => p.code === "313001-7")!.exempt = { basis: "涉及国家秘密" };

  const execution = await readExecutionDir("examples/luolong-shequ-2021/execution-2021");
  /** The department's document in a template: a budget's from the budget, a 决算's with the year's execution. */
  const departmentIn = (id: string, document: string) => {
    if (document === "budget") return deriveAll(budget, catalog2021, id)[0];
    const r = deriveFinalAccounts(budget, execution, catalog2021, id);
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("\n"));
    return r.disclosures[0];
  };

  it.each(TEMPLATES.map((t) => [t.id, t] as const))("%s prints the wording its template data states", (id, template) => {
    const wording = template.exemptNote ?? STANDARD_EXEMPT_NOTE;
    const expected = wording.replaceAll("{who}", "部门").replaceAll("{what}", "1个项目").replaceAll("{basis}", "涉及国家秘密");
    const department = departmentIn(id, template.appliesTo.document);
    const part1 = department!.narrative.parts[0]!;
    expect(part1.sections.at(-1)!.paragraphs.at(-1)).toBe(expected);
    expect(renderText(department!)).toContain(expected);
  });

  it("fills another wording's placeholders, units before projects", () => {
    const w = [
      { kind: "unit" as const, code: "1", name: "甲", basis: "涉密", amount: 0 as never },
      { kind: "project" as const, code: "2", name: "乙", basis: "涉密", amount: 0 as never },
    ];
    expect(exemptNote(w, "单位", "根据保密规定，本{who}{what}（{basis}）不予公开。")).toBe("根据保密规定，本单位1个单位的预算和1个项目（涉密）不予公开。");
  });
});

describe("an exempt unit", () => {
  it("has no public document, its lines are in none, and the department's note counts it", () => {
    const b = generateBudget(7, { units: [3, 3] });
    const unit = b.units[1]!;
    unit.exempt = { basis: "涉密" };
    const pub = deriveAll(b, catalog2021);
    expect(pub.map((d) => d.scope.code)).not.toContain(unit.code);
    expect(pub.map(renderText).join("\n")).not.toContain(unit.name);
    expect(renderText(pub[0]!)).toContain("本部门有1个单位的预算因涉密");
    // asked for by code (the server's render route), it is refused with a clear message, not an unknown unit
    expect(() => deriveScope(b, catalog2021, unit.code, "henan13")).toThrow(/因涉密不予公开/);
    expect(deriveAll(b, catalog2021, "henan13", "internal").map((d) => d.scope.code)).toContain(unit.code);
    const mine = b.lineItems.filter((l) => l.unit === unit.code).reduce((s, l) => s + l.amount, 0);
    expect(pub[0]!.figures.total).toBe(total(b) - mine);
  });
});

describe("the budget file", () => {
  it("reads exempt: 涉密, exempt: true and exempt: { basis }", () => {
    const yaml = (exempt: string) =>
      `year: 2021\ndepartment: { code: "313", name: 某部门 }\nunits:\n  - { code: "313001", name: 某单位, type: 行政 }\n  - { code: "313002", name: 某中心, type: 事业, exempt: ${exempt} }\nprofile: { organisation: 内设机构2个。 }\n`;
    expect(parseBudgetText(yaml("涉密"), "b.yaml", "yaml").units[1]!.exempt).toEqual({ basis: "涉密" });
    expect(parseBudgetText(yaml("true"), "b.yaml", "yaml").units[1]!.exempt).toEqual({ basis: "涉密" });
    expect(parseBudgetText(yaml("{ basis: 涉及国家秘密 }"), "b.yaml", "yaml").units[1]!.exempt).toEqual({ basis: "涉及国家秘密" });
    expect(parseBudgetText(yaml("{ basis: 涉密 }"), "b.yaml", "yaml").units[0]!.exempt).toBeUndefined();
  });
});
