/** A preparer changes only their own unit's line items and projects (changesOutsideUnit). */
import { describe, expect, it } from "vitest";
import { changesOutsideUnit } from "../src/core/workflow.ts";
import { fen } from "../src/core/money.ts";
import type { LineItem, Project } from "../src/core/model.ts";

const line = (unit: string, amount: number, economic = "30101"): LineItem => ({ unit, functional: "2010101", economic, nature: "basic", source: "gpb-appropriation", amount: fen(amount) });
const project = (unit: string, code: string): Project => ({ code, name: code, unit, class: "general", indicators: [] });

describe("changesOutsideUnit", () => {
  const before = { lineItems: [line("A", 100), line("B", 200), line("B", 300)], projects: [project("A", "A-1"), project("B", "B-1")] };

  it("allows any change to the preparer's own unit, and reordering of others", () => {
    const after = { lineItems: [line("B", 300), line("A", 999, "30102"), line("A", 5), line("B", 200)], projects: [project("B", "B-1"), project("A", "A-2")] };
    expect(changesOutsideUnit(before, after, "A")).toEqual([]);
  });

  it("names another unit whose line was changed, added or removed", () => {
    expect(changesOutsideUnit(before, { ...before, lineItems: [line("A", 100), line("B", 201), line("B", 300)] }, "A")).toEqual(["line items of unit B"]);
    expect(changesOutsideUnit(before, { ...before, lineItems: [...before.lineItems, line("C", 1)] }, "A")).toEqual(["line items of unit C"]);
    expect(changesOutsideUnit(before, { ...before, lineItems: [line("A", 100), line("B", 200)] }, "A")).toEqual(["line items of unit B"]);
  });

  it("names another unit whose project was changed", () => {
    expect(changesOutsideUnit(before, { ...before, projects: [project("A", "A-1"), { ...project("B", "B-1"), name: "改名" }] }, "A")).toEqual(["projects of unit B"]);
  });
});
