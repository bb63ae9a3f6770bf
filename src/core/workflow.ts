/**
 * 审核流程 — the review workflow of a department budget and who may do what. Pure: the state machine,
 * the authorisation policy (role × tenant) and the gates (findings, explanations, 控制数) take data and
 * return decisions; the server loads the data and stores the outcome.
 *
 * 草稿 → 单位提交 → 部门审核通过 → 财政审核通过 → 已批复 (date) → 已公开 (date); 退回 from any later
 * state back to 草稿 with a comment. Background: ../shared/domain.md §1 (二上二下, 预算法第十四条).
 */
import { type Budget, type FundingSource, type Nature, NATURE_NAMES, fundingSourceFullName } from "./model.ts";
import { amountText, fen } from "./money.ts";
import { locationKey } from "./rules/engine.ts";
import type { Finding } from "./rules/finding.ts";

/** 预算状态 — workflow state of a budget. */
export type BudgetState = "draft" | "submitted" | "department-approved" | "finance-approved" | "approved" | "published";

export const BUDGET_STATES: readonly BudgetState[] = ["draft", "submitted", "department-approved", "finance-approved", "approved", "published"];

export const BUDGET_STATE_NAMES: Record<BudgetState, string> = {
  draft: "草稿",
  submitted: "单位提交",
  "department-approved": "部门审核通过",
  "finance-approved": "财政审核通过",
  approved: "已批复",
  published: "已公开",
};

/** 角色 — a user's role. */
export type Role = "preparer" | "department-approver" | "finance-reviewer" | "admin";

export const ROLES: readonly Role[] = ["preparer", "department-approver", "finance-reviewer", "admin"];

export const ROLE_NAMES: Record<Role, string> = {
  preparer: "单位填报",
  "department-approver": "部门审核",
  "finance-reviewer": "财政审核",
  admin: "管理员",
};

/** 操作人 — who acts and where they belong (a unit, a department, or a finance bureau's division). */
export interface Actor {
  userId: number;
  role: Role;
  regionId: number;
  departmentId?: number | null;
  unitId?: number | null;
  /** the preparer's own unit code: preparers change only their unit's line items */
  unitCode?: string | null;
  /** 业务科室 of a finance reviewer */
  divisionId?: number | null;
  /** an administrator's reach: the regions under theirs (市 → its 县/区), not their own region itself */
  subRegionIds?: readonly number[];
}

/** 预算归属 — where a budget (or a department's data) belongs. */
export interface Tenancy {
  regionId: number;
  departmentId: number;
  /** the 业务科室 the department is assigned to, if any */
  divisionId?: number | null;
}

/** What can be asked of the policy. */
export type Permission =
  | "budget.read"
  | "budget.create"
  | "budget.edit"
  | "control-figures.read"
  | "control-figures.set"
  | "explanations.write"
  | "region.manage"
  | "audit.read"
  | "desk.read"
  | "desk.import";

/**
 * Is the region the actor's own, or (for an administrator) one under it? A region's administrator sees and
 * manages the regions below it (省 → 市 → 县/区); every other role works in its own region only.
 */
export function inReach(actor: Actor, regionId: number): boolean {
  return actor.regionId === regionId || (actor.role === "admin" && (actor.subRegionIds?.includes(regionId) ?? false));
}

/** Does the actor belong to the tenant? Finance reviewers only to the departments of their division. */
export function belongsTo(actor: Actor, t: Tenancy): boolean {
  if (!inReach(actor, t.regionId)) return false;
  switch (actor.role) {
    case "preparer":
    case "department-approver":
      return actor.departmentId === t.departmentId;
    case "finance-reviewer":
      return actor.divisionId != null && actor.divisionId === t.divisionId;
    case "admin":
      return true;
  }
}

const GRANTS: Record<Permission, readonly Role[]> = {
  "budget.read": ["preparer", "department-approver", "finance-reviewer", "admin"],
  "budget.create": ["preparer", "department-approver"],
  "budget.edit": ["preparer", "department-approver"],
  "control-figures.read": ["preparer", "department-approver", "finance-reviewer", "admin"],
  "control-figures.set": ["finance-reviewer"],
  "explanations.write": ["preparer", "department-approver"],
  // users, catalogs of the region: the finance bureau's administrator
  "region.manage": ["admin"],
  "audit.read": ["admin"],
  // 财政局工作台: the bureau's view over its departments, and its import of their line items
  "desk.read": ["finance-reviewer", "admin"],
  "desk.import": ["finance-reviewer", "admin"],
};

/** The policy: the role must hold the permission AND the actor must belong to the tenant. */
export function can(actor: Actor, permission: Permission, t: Tenancy): boolean {
  return GRANTS[permission].includes(actor.role) && belongsTo(actor, t);
}

/** For region-wide permissions (users, catalogs, audit log): the tenant is the region itself. */
export function canInRegion(actor: Actor, permission: Permission, regionId: number): boolean {
  return GRANTS[permission].includes(actor.role) && inReach(actor, regionId);
}

/** 可修改的状态 — content can change only in 草稿: anything later has been seen by a reviewer. */
export const EDITABLE_STATES: readonly BudgetState[] = ["draft"];

export function isEditable(state: BudgetState): boolean {
  return EDITABLE_STATES.includes(state);
}

/** The answer to an edit of a budget that is no longer a draft (checked before and inside the writing transaction). */
export function notEditableMessage(state: BudgetState): string {
  return `预算处于“${BUDGET_STATE_NAMES[state]}”状态，只有草稿可以修改 / only a draft can be changed (state: ${state})`;
}

/** 流程操作 */
export type WorkflowAction = "submit" | "approve-department" | "approve-finance" | "record-approval" | "publish" | "return";

export const WORKFLOW_ACTIONS: readonly WorkflowAction[] = ["submit", "approve-department", "approve-finance", "record-approval", "publish", "return"];

export const WORKFLOW_ACTION_NAMES: Record<WorkflowAction, string> = {
  submit: "提交",
  "approve-department": "部门审核通过",
  "approve-finance": "财政审核通过",
  "record-approval": "批复",
  publish: "公开",
  return: "退回",
};

/** Forward steps: from which state, to which, and the one role that moves it. */
const STEPS: Record<Exclude<WorkflowAction, "return">, { from: BudgetState; to: BudgetState; role: Role }> = {
  submit: { from: "draft", to: "submitted", role: "preparer" },
  "approve-department": { from: "submitted", to: "department-approved", role: "department-approver" },
  "approve-finance": { from: "department-approved", to: "finance-approved", role: "finance-reviewer" },
  "record-approval": { from: "finance-approved", to: "approved", role: "finance-reviewer" },
  publish: { from: "approved", to: "published", role: "department-approver" },
};

/**
 * Who may return (退回) from each state: whoever reviews that stage. A published budget is returned by its
 * department for a correction; the correction is published as a new version and the old one stays readable.
 */
const RETURNERS: Partial<Record<BudgetState, Role>> = {
  submitted: "department-approver",
  "department-approved": "finance-reviewer",
  "finance-approved": "finance-reviewer",
  approved: "finance-reviewer",
  published: "department-approver",
};

/** The roles that may perform `action` from `state` (empty when the action is not possible there). */
export function rolesFor(action: WorkflowAction, state: BudgetState): Role[] {
  if (action === "return") {
    const r = RETURNERS[state];
    return r ? [r] : [];
  }
  const step = STEPS[action];
  return step.from === state ? [step.role] : [];
}

/** Actions the actor may take now (for a UI's buttons). */
export function availableActions(actor: Actor, state: BudgetState, t: Tenancy): WorkflowAction[] {
  if (!belongsTo(actor, t)) return [];
  return WORKFLOW_ACTIONS.filter((a) => rolesFor(a, state).includes(actor.role));
}

export interface TransitionInput {
  action: WorkflowAction;
  /** 退回意见 — required for a return */
  comment?: string;
  /** 批复日期 for record-approval, 公开日期 for publish (ISO yyyy-mm-dd) */
  date?: string;
  /** the gate findings for a submit (from `submissionFindings`) */
  gate?: readonly Finding[];
  /** the recorded 批复 date, to judge a publication's lateness */
  approvedOn?: string | null;
}

export type TransitionOutcome =
  | { ok: true; from: BudgetState; to: BudgetState; findings: Finding[] }
  | { ok: false; reason: "forbidden"; message: string }
  | { ok: false; reason: "wrong-state"; message: string }
  | { ok: false; reason: "invalid"; message: string }
  | { ok: false; reason: "blocked"; message: string; findings: Finding[] };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The state machine: may this actor take this action on a budget in this state, and where does it lead? */
export function transition(state: BudgetState, actor: Actor, t: Tenancy, input: TransitionInput): TransitionOutcome {
  const { action } = input;
  const allowed = rolesFor(action, state);
  const name = WORKFLOW_ACTION_NAMES[action];
  if (allowed.length === 0) {
    return { ok: false, reason: "wrong-state", message: `预算处于“${BUDGET_STATE_NAMES[state]}”状态，不能${name} / cannot ${action} a budget in state ${state}` };
  }
  if (!belongsTo(actor, t) || !allowed.includes(actor.role)) {
    return { ok: false, reason: "forbidden", message: `只有本预算的${allowed.map((r) => ROLE_NAMES[r]).join("、")}可以${name} / only the budget's ${allowed.join(", ")} may ${action}` };
  }
  if (action === "return") {
    if (!input.comment?.trim()) return { ok: false, reason: "invalid", message: "退回须填写意见 / a return needs a comment" };
    return { ok: true, from: state, to: "draft", findings: [] };
  }
  const step = STEPS[action];
  if (action === "record-approval" || action === "publish") {
    if (!input.date || !ISO_DATE.test(input.date) || Number.isNaN(Date.parse(input.date))) {
      return { ok: false, reason: "invalid", message: `${name}须填写日期（yyyy-mm-dd） / ${action} needs a date (yyyy-mm-dd)` };
    }
  }
  if (action === "submit") {
    const blocking = (input.gate ?? []).filter((f) => f.severity === "error");
    if (blocking.length > 0) {
      return { ok: false, reason: "blocked", message: `有 ${blocking.length} 个错误，不能提交 / ${blocking.length} error-level findings block the submission`, findings: [...(input.gate ?? [])] };
    }
  }
  if (action === "publish") {
    if (input.approvedOn && input.date! < input.approvedOn) {
      return { ok: false, reason: "invalid", message: `公开日期早于批复日期 ${input.approvedOn} / publication date is before the approval date` };
    }
    return { ok: true, from: state, to: step.to, findings: publicationFindings(input.approvedOn ?? undefined, input.date!) };
  }
  return { ok: true, from: state, to: step.to, findings: [] };
}

/** 预算法第十四条: published within 20 days of 批复. */
export const PUBLICATION_DEADLINE_DAYS = 20;

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

export function publicationFindings(approvedOn: string | undefined, publishedOn: string): Finding[] {
  if (!approvedOn) return [];
  const days = daysBetween(approvedOn, publishedOn);
  if (days <= PUBLICATION_DEADLINE_DAYS) return [];
  return [
    {
      rule: "workflow.publication-late",
      severity: "warning",
      message: `公开日期距批复 ${days} 天，超过预算法第十四条规定的 20 日 / published ${days} days after approval, beyond the 20 days of Budget Law art. 14`,
      location: { kind: "data", path: "publishedOn" },
      expected: `≤ ${PUBLICATION_DEADLINE_DAYS}`,
      actual: days,
    },
  ];
}

/** 控制数 — a control figure: the total the finance bureau allows for one nature and funding source. */
export interface ControlFigure {
  nature: Nature;
  source: FundingSource | string;
  amount: number;
}

/** 说明 — a person's written explanation of one warning, keyed by rule and location. */
export interface WarningExplanation {
  rule: string;
  locationKey: string;
  text: string;
}

/** The key that ties an explanation to a warning: stable across saves as long as the place is the same. */
export function explanationKey(f: Pick<Finding, "rule" | "location">): { rule: string; locationKey: string } {
  return { rule: f.rule, locationKey: locationKey(f.location) };
}

/** Totals of the line items by nature and funding source, in 分. */
export function totalsByNatureAndSource(budget: Pick<Budget, "lineItems">): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of budget.lineItems) {
    const k = `${l.nature}|${l.source}`;
    out.set(k, (out.get(k) ?? 0) + l.amount);
  }
  return out;
}

/** 控制数对照 — one control figure (or spending without one) beside the budget's total for it, in 分. */
export interface ControlFigureCheck {
  nature: Nature | string;
  source: FundingSource | string;
  /** 一般公共预算财政拨款 · 基本支出 as a person reads it */
  name: string;
  /** the control figure; undefined where the budget spends with no figure set */
  limit: number | undefined;
  actual: number;
  /** what the total is above the figure (0 when within it) */
  excess: number;
}

/**
 * Each control figure beside the budget's total of its nature and source, then any spending of a nature and
 * source with no figure (an excess of its whole total). The editor shows these beside the totals; the
 * submission gate refuses any excess.
 */
export function compareWithControlFigures(totals: ReadonlyMap<string, number>, controlFigures: readonly ControlFigure[]): ControlFigureCheck[] {
  const out: ControlFigureCheck[] = [];
  const name = (nature: string, source: string) => `${NATURE_NAMES[nature as Nature] ?? nature} · ${fundingSourceFullName(source)}`;
  const seen = new Set<string>();
  for (const c of controlFigures) {
    const k = `${c.nature}|${c.source}`;
    seen.add(k);
    const actual = totals.get(k) ?? 0;
    out.push({ nature: c.nature, source: c.source, name: name(c.nature, c.source), limit: c.amount, actual, excess: Math.max(0, actual - c.amount) });
  }
  for (const [k, actual] of totals) {
    if (seen.has(k) || actual <= 0) continue;
    const [nature, source] = k.split("|") as [string, string];
    out.push({ nature, source, name: name(nature, source), limit: undefined, actual, excess: actual });
  }
  return out;
}

/** Control figures equal to the budget's own totals (as the demo seed and the tests set them). */
export function controlFiguresOf(budget: Pick<Budget, "lineItems">): ControlFigure[] {
  return [...totalsByNatureAndSource(budget)].map(([k, amount]) => {
    const [nature, source] = k.split("|") as [Nature, string];
    return { nature, source, amount };
  });
}

/** Everything that blocks a submission: the rules' errors, then the gate's own findings (below). */
export function submissionGate(
  budget: Pick<Budget, "lineItems">,
  ruleFindings: readonly Finding[],
  explanations: readonly WarningExplanation[],
  controlFigures: readonly ControlFigure[],
): Finding[] {
  return [...ruleFindings.filter((f) => f.severity === "error"), ...submissionFindings(budget, ruleFindings, explanations, controlFigures)];
}

/**
 * The gate a submission must pass, as findings of the same shape the rules produce:
 * - each warning without a written explanation is an error (reviewers must see why it stands);
 * - once control figures are set for the department and year, spending above a figure — or spending of a
 *   nature and source with no figure — is an error (二上 must stay within 一下).
 */
export function submissionFindings(
  budget: Pick<Budget, "lineItems">,
  ruleFindings: readonly Finding[],
  explanations: readonly WarningExplanation[],
  controlFigures: readonly ControlFigure[],
): Finding[] {
  const explained = new Set(explanations.filter((e) => e.text.trim()).map((e) => `${e.rule}\u0000${e.locationKey}`));
  const out: Finding[] = [];
  for (const f of ruleFindings) {
    if (f.severity !== "warning") continue;
    const k = explanationKey(f);
    if (explained.has(`${k.rule}\u0000${k.locationKey}`)) continue;
    out.push({
      rule: "workflow.warning-unexplained",
      severity: "error",
      message: `警告未说明：${f.message} / this warning needs a written explanation before submission`,
      location: f.location,
      actual: f.rule,
    });
  }
  if (controlFigures.length > 0) {
    for (const c of compareWithControlFigures(totalsByNatureAndSource(budget), controlFigures)) {
      if (c.excess <= 0) continue;
      const what = `${NATURE_NAMES[c.nature as Nature] ?? c.nature}（${fundingSourceFullName(c.source)}）`;
      const total = amountText(fen(c.actual));
      out.push({
        rule: "workflow.control-exceeded",
        severity: "error",
        message:
          c.limit === undefined
            ? `${what}合计 ${total}，未下达控制数 / ${c.nature} expenditure from ${fundingSourceFullName(c.source)} totals ${total} with no control figure`
            : `${what}合计 ${total}，超过控制数 ${amountText(fen(c.limit))}，超出 ${amountText(fen(c.excess))} / ${c.nature} expenditure from ${fundingSourceFullName(c.source)} totals ${total}, above its control figure ${amountText(fen(c.limit))} by ${amountText(fen(c.excess))}`,
        location: { kind: "data", path: "lineItems" },
        expected: c.limit ?? 0,
        actual: c.actual,
      });
    }
  }
  return out;
}

/**
 * 单位范围 — what a preparer changed outside their own unit: line items and projects of other units must
 * stay as they were (compared as multisets, so reordering is not a change). Empty when nothing foreign
 * changed; each entry names the other unit and what changed.
 */
export function changesOutsideUnit(before: Pick<Budget, "lineItems" | "projects">, after: Pick<Budget, "lineItems" | "projects">, unitCode: string): string[] {
  const tally = <T extends { unit: string }>(items: readonly T[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const item of items) {
      if (item.unit === unitCode) continue;
      const key = canonicalJson(item);
      m.set(key, (m.get(key) ?? 0) + 1);
    }
    return m;
  };
  const differing = <T extends { unit: string }>(a: readonly T[], b: readonly T[], what: string): string[] => {
    const x = tally(a);
    const y = tally(b);
    const units = new Set<string>();
    for (const [k, n] of x) if (y.get(k) !== n) units.add((JSON.parse(k) as { unit: string }).unit);
    for (const [k, n] of y) if (x.get(k) !== n) units.add((JSON.parse(k) as { unit: string }).unit);
    return [...units].sort().map((u) => `${what} of unit ${u}`);
  };
  return [...differing(before.lineItems, after.lineItems, "line items"), ...differing(before.projects, after.projects, "projects")];
}

/** JSON with object keys sorted at every depth (undefined members left out): equal values, equal text. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

/** 部门级内容 — the parts of a budget that belong to the department as a whole, not to one unit. */
export const DEPARTMENT_LEVEL_FIELDS = ["department", "date", "provenance", "targets", "income", "prior"] as const;

type Scoped = Pick<Budget, "lineItems" | "projects" | "units" | "procurement"> & Partial<Pick<Budget, (typeof DEPARTMENT_LEVEL_FIELDS)[number]>>;

/**
 * 填报范围 — what a unit's preparer (单位填报) changed beyond their own unit: other units' line items,
 * projects, procurement and unit records, and the department-level fields (部门名称, 部门整体绩效目标,
 * 收入, 上年数 …), which the department's own roles keep. Empty when the change is within the unit.
 */
export function changesBeyondUnit(before: Scoped, after: Scoped, unitCode: string): string[] {
  const out = changesOutsideUnit(before, after, unitCode);
  const others = <T>(list: readonly T[], unitOf: (x: T) => string) =>
    list.filter((x) => unitOf(x) !== unitCode).map(canonicalJson).sort().join("\n");
  if (others(before.procurement, (p) => p.unit) !== others(after.procurement, (p) => p.unit)) out.push("procurement of other units");
  if (others(before.units, (u) => u.code) !== others(after.units, (u) => u.code)) out.push("other units' records");
  for (const field of DEPARTMENT_LEVEL_FIELDS) {
    if (canonicalJson(before[field]) !== canonicalJson(after[field])) out.push(`department-level field \`${field}\``);
  }
  return out;
}
