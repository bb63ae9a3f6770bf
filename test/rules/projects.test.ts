import { describe, expect, it } from "vitest";
import {
  basicWithProject,
  duplicateProject,
  lineMissingProject,
  malformedProjectCode,
  projectCodedLikeUnit,
  projectFunctionalMismatch,
  projectUnitMismatch,
  projectWithoutLines,
  reserveWithProject,
  unknownProject,
} from "../../src/core/rules/projects.ts";
import { PROJECT, UNIT, expectFinding, minimalBudget, one, projectIndicators, run, yuan } from "./fixture.ts";

describe("project.line-missing-code", () => {
  it("passes project lines that name a project", () => {
    expect(run(lineMissingProject, minimalBudget())).toEqual([]);
  });
  it("flags a project line without a project code (absent or blank)", () => {
    const b = minimalBudget();
    delete b.lineItems[4]!.project;
    b.lineItems.push({ unit: UNIT, functional: "2010102", economic: "30227", nature: "project", project: "  ", source: "gpb-appropriation", amount: yuan(1) });
    const f = run(lineMissingProject, b);
    expect(f).toHaveLength(2);
    expectFinding(f[0]!, { rule: "project.line-missing-code", severity: "error", path: "lineItems[4].project" });
    expectFinding(f[1]!, { rule: "project.line-missing-code", severity: "error", path: "lineItems[5].project" });
  });
});

describe("project.unknown", () => {
  it("passes known project codes in lines, procurement and tasks", () => {
    const b = minimalBudget();
    b.procurement = [{ unit: UNIT, kind: "services", amount: yuan(1000), project: PROJECT }];
    expect(run(unknownProject, b)).toEqual([]);
  });
  it("flags a line, a procurement row and a task naming a project not in the list", () => {
    const b = minimalBudget();
    b.lineItems[4]!.project = "101001-99";
    b.procurement = [{ unit: UNIT, kind: "services", amount: yuan(1000), project: "101001-77" }];
    b.targets!.tasks[1]!.funds = { kind: "projects", codes: [PROJECT, "101001-88"] };
    const f = run(unknownProject, b);
    expect(f).toHaveLength(3);
    expectFinding(f[0]!, { rule: "project.unknown", severity: "error", path: "lineItems[4].project", actual: "101001-99" });
    expectFinding(f[1]!, { rule: "project.unknown", severity: "error", path: "procurement[0].project", actual: "101001-77" });
    expectFinding(f[2]!, { rule: "project.unknown", severity: "error", path: "targets.tasks[1].funds.codes[1]", actual: "101001-88" });
  });
});

describe("project.basic-with-code", () => {
  it("passes basic lines without a project code", () => {
    expect(run(basicWithProject, minimalBudget())).toEqual([]);
  });
  it("flags a basic line carrying a project code", () => {
    const b = minimalBudget();
    b.lineItems[2]!.project = PROJECT;
    expectFinding(one(run(basicWithProject, b)), { rule: "project.basic-with-code", severity: "error", path: "lineItems[2].project", actual: PROJECT });
  });
});

describe("project.reserve-with-code", () => {
  it("passes a reserve line (单位预留机动经费) without a project code, and a basic line is not its business", () => {
    const b = minimalBudget();
    b.lineItems[2]!.nature = "reserve";
    expect(run(reserveWithProject, b)).toEqual([]);
  });
  it("flags a reserve line carrying a project code", () => {
    const b = minimalBudget();
    b.lineItems[2]!.nature = "reserve";
    b.lineItems[2]!.project = PROJECT;
    const f = one(run(reserveWithProject, b));
    expectFinding(f, { rule: "project.reserve-with-code", severity: "error", path: "lineItems[2].project", actual: PROJECT });
    expect(f.message).toMatch(/^单位预留机动经费填了项目编码 .* \/ reserve line/);
    // the basic-line rule does not also report it
    expect(run(basicWithProject, b)).toEqual([]);
  });
});

describe("project.unit-mismatch", () => {
  it("passes project lines of the project's own unit", () => {
    expect(run(projectUnitMismatch, minimalBudget())).toEqual([]);
  });
  it("flags a project line of another unit", () => {
    const b = minimalBudget();
    b.units.push({ code: "101002", name: "测试中心", type: "institution", staffing: {} });
    b.lineItems[4]!.unit = "101002";
    expectFinding(one(run(projectUnitMismatch, b)), { rule: "project.unit-mismatch", severity: "error", path: "lineItems[4].unit", expected: UNIT, actual: "101002" });
  });
});

describe("project.no-lines", () => {
  it("passes projects that have lines", () => {
    expect(run(projectWithoutLines, minimalBudget())).toEqual([]);
  });
  it("warns about a project with no lines (a basic line naming it does not count)", () => {
    const b = minimalBudget();
    b.projects.push({ code: "101001-02", name: "空项目", unit: UNIT, class: "general", indicators: projectIndicators() });
    b.lineItems[0]!.project = "101001-02";
    expectFinding(one(run(projectWithoutLines, b)), { rule: "project.no-lines", severity: "warning", path: "projects[1].code", actual: "101001-02" });
  });
});

describe("project.duplicate-code", () => {
  it("passes distinct project codes", () => {
    expect(run(duplicateProject, minimalBudget())).toEqual([]);
  });
  it("flags a repeated project code", () => {
    const b = minimalBudget();
    b.projects.push({ ...b.projects[0]!, name: "重复项目" });
    expectFinding(one(run(duplicateProject, b)), { rule: "project.duplicate-code", severity: "error", path: "projects[1].code", actual: PROJECT });
  });
});

describe("project.malformed-code", () => {
  it("passes 313001-1 style and long numeric codes", () => {
    const b = minimalBudget();
    b.projects.push({ ...b.projects[0]!, code: "410300210000000012345" }, { ...b.projects[0]!, code: "A_1.2" });
    expect(run(malformedProjectCode, b)).toEqual([]);
  });
  it("flags empty codes, spaces and Chinese characters", () => {
    const b = minimalBudget();
    b.projects[0]!.code = "";
    b.projects.push({ ...b.projects[0]!, code: "101001 03" }, { ...b.projects[0]!, code: "项目一" });
    const f = run(malformedProjectCode, b);
    expect(f).toHaveLength(3);
    expectFinding(f[0]!, { rule: "project.malformed-code", severity: "error", path: "projects[0].code", actual: "" });
    expectFinding(f[1]!, { rule: "project.malformed-code", severity: "error", path: "projects[1].code", actual: "101001 03" });
    expectFinding(f[2]!, { rule: "project.malformed-code", severity: "error", path: "projects[2].code", actual: "项目一" });
  });
});

describe("project.coded-like-unit", () => {
  it("passes project codes distinct from unit and department codes", () => {
    expect(run(projectCodedLikeUnit, minimalBudget())).toEqual([]);
  });
  it("flags a project coded exactly like its unit (the seed's 社区换届经费 = 313001) or the department", () => {
    const b = minimalBudget();
    b.projects[0]!.code = UNIT;
    b.projects.push({ ...b.projects[0]!, code: "101", name: "部门编码项目" });
    const f = run(projectCodedLikeUnit, b);
    expect(f).toHaveLength(2);
    expectFinding(f[0]!, { rule: "project.coded-like-unit", severity: "error", path: "projects[0].code", actual: UNIT });
    expectFinding(f[1]!, { rule: "project.coded-like-unit", severity: "error", path: "projects[1].code", actual: "101" });
  });
});

describe("project.functional-mismatch", () => {
  it("passes a project whose functional code its lines use (or that has none)", () => {
    expect(run(projectFunctionalMismatch, minimalBudget())).toEqual([]);
    const b = minimalBudget();
    delete b.projects[0]!.functional;
    expect(run(projectFunctionalMismatch, b)).toEqual([]);
  });
  it("warns when no line of the project uses its functional code", () => {
    const b = minimalBudget();
    b.projects[0]!.functional = "2010101";
    expectFinding(one(run(projectFunctionalMismatch, b)), {
      rule: "project.functional-mismatch",
      severity: "warning",
      path: "projects[0].functional",
      expected: "2010102",
      actual: "2010101",
    });
  });
});
