/** 决算公开的决定 (src/core/publication.ts): who, when, with which date; and the portal's latest of each kind. */
import { describe, expect, it } from "vitest";
import { finalAccountsPublication, mayPublishFinalAccounts, publicationTitle } from "../src/core/publication.ts";
import { type Actor, BUDGET_STATES, ROLES, type Tenancy } from "../src/core/workflow.ts";
import { latestOfEach } from "../src/web/pages/portal/PortalHome.tsx";

const t: Tenancy = { regionId: 1, departmentId: 10, divisionId: 5 };
const actor = (role: Actor["role"], own = true): Actor => ({ userId: 1, role, regionId: 1, departmentId: own ? 10 : 11, divisionId: own ? 5 : 6 });
const ok = { date: "2022-05-20", earlier: 0, year: 2021 };

describe("publishing a budget's 决算", () => {
  it("is the budget's own department approver's, and only once the budget is published", () => {
    for (const role of ROLES) {
      for (const state of BUDGET_STATES) {
        const d = mayPublishFinalAccounts(state, actor(role), t);
        const expected = role !== "department-approver" ? "forbidden" : state !== "published" ? "wrong-state" : "ok";
        expect(d.ok ? "ok" : d.reason, `${role} ${state}`).toBe(expected);
      }
      // another department's: refused whatever the role, before the state is looked at
      const other = mayPublishFinalAccounts("draft", actor(role, false), t);
      expect(other.ok ? "ok" : other.reason).toBe("forbidden");
    }
  });

  it("needs a date after the budget year, and a change note for a correction", () => {
    const approver = actor("department-approver");
    const reason = (input: Parameters<typeof finalAccountsPublication>[3]) => {
      const d = finalAccountsPublication("published", approver, t, input);
      return d.ok ? "ok" : d.message.split(" / ")[0];
    };
    expect(reason(ok)).toBe("ok");
    expect(reason({ ...ok, date: undefined })).toBe("公开决算须填写日期（yyyy-mm-dd）");
    expect(reason({ ...ok, date: "2022-02-30x" })).toBe("公开决算须填写日期（yyyy-mm-dd）");
    expect(reason({ ...ok, date: "2021-12-31" })).toBe("决算公开日期 2021-12-31 应在预算年度结束（2021-12-31）之后");
    expect(reason({ ...ok, date: "2022-01-01" })).toBe("ok");
    expect(reason({ ...ok, earlier: 1 })).toBe("更正后再次公开决算须填写更正说明");
    expect(reason({ ...ok, earlier: 1, changeNote: "  " })).toBe("更正后再次公开决算须填写更正说明");
    expect(reason({ ...ok, earlier: 1, changeNote: "更正表3" })).toBe("ok");
    expect(publicationTitle("final-accounts", "社创办", 2021)).toBe("社创办2021年度部门决算");
    expect(publicationTitle("budget", "社创办", 2021)).toBe("社创办2021年度部门预算");
  });
});

describe("the portal's list", () => {
  const meta = (id: number, budget: number, kind: "budget" | "final-accounts", number: number, code = "313") =>
    ({ id, budget_id: budget, kind, number, year: 2021, department_code: code, department_name: "社创办", title: "t", budget_version: 1, published_on: "2022-05-20", published_at: "2022-05-20T00:00:00Z", change_note: null, region_id: 1 }) as const;

  it("keeps the latest of each budget and kind, the budget before its 决算", () => {
    const rows = latestOfEach([meta(4, 1, "final-accounts", 2), meta(1, 1, "budget", 1), meta(3, 1, "final-accounts", 1), meta(2, 1, "budget", 2), meta(5, 2, "budget", 1, "312")]);
    expect(rows.map((r) => [r.id, r.kind, r.corrections])).toEqual([[5, "budget", 0], [2, "budget", 1], [4, "final-accounts", 1]]);
  });
});
