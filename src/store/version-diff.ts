/**
 * 版本差异 — what changed between two saved versions of a budget (budget-file JSON): line items, projects
 * and texts. Stored with every version, and shown to a writer whose save lost the race (409).
 */

type FileLike = Record<string, unknown>;

export interface LineItemChange {
  key: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

export interface VersionDiff {
  lineItems: { added: number; removed: number; changed: number; changes: LineItemChange[] };
  projects: { added: string[]; removed: string[]; changed: string[] };
  /** changed text fields: reasons.<key>, profile, targets, department, units, prior, procurement, assets */
  texts: string[];
}

/** At most this many line-item changes are listed; counts are always complete. */
const MAX_LISTED = 50;

const ITEM_KEY_FIELDS = ["unit", "functional", "economic", "nature", "project", "source"] as const;

function itemKey(i: Record<string, unknown>): string {
  return ITEM_KEY_FIELDS.map((f) => String(i[f] ?? "")).join("|");
}

/** Line items keyed by their classification; repeated keys get #2, #3 … in order. */
function keyed(list: unknown): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  const seen = new Map<string, number>();
  for (const raw of Array.isArray(list) ? list : []) {
    const i = raw as Record<string, unknown>;
    const base = itemKey(i);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(n === 1 ? base : `${base}#${n}`, i);
  }
  return out;
}

/** Key order does not count: jsonb gives objects back with their keys reordered. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

export function diffVersions(before: FileLike | undefined, after: FileLike): VersionDiff {
  const b = before ?? {};
  const bi = keyed(b.lineItems);
  const ai = keyed(after.lineItems);
  const changes: LineItemChange[] = [];
  let added = 0;
  let removed = 0;
  let changed = 0;
  for (const [k, v] of ai) {
    const old = bi.get(k);
    if (!old) {
      added++;
      if (changes.length < MAX_LISTED) changes.push({ key: k, after: v });
    } else if (!same(old, v)) {
      changed++;
      if (changes.length < MAX_LISTED) changes.push({ key: k, before: old, after: v });
    }
  }
  for (const [k, v] of bi) {
    if (ai.has(k)) continue;
    removed++;
    if (changes.length < MAX_LISTED) changes.push({ key: k, before: v });
  }
  const projects = (f: FileLike) => new Map(((Array.isArray(f.projects) ? f.projects : []) as Record<string, unknown>[]).map((p) => [String(p.code), p]));
  const bp = projects(b);
  const ap = projects(after);
  const texts: string[] = [];
  const reasonsB = (b.reasons ?? {}) as Record<string, unknown>;
  const reasonsA = (after.reasons ?? {}) as Record<string, unknown>;
  for (const k of new Set([...Object.keys(reasonsB), ...Object.keys(reasonsA)])) if (!same(reasonsB[k], reasonsA[k])) texts.push(`reasons.${k}`);
  for (const k of ["profile", "targets", "department", "units", "prior", "procurement", "assets", "income", "date", "year"]) if (!same(b[k], after[k])) texts.push(k);
  return {
    lineItems: { added, removed, changed, changes },
    projects: {
      added: [...ap.keys()].filter((c) => !bp.has(c)),
      removed: [...bp.keys()].filter((c) => !ap.has(c)),
      changed: [...ap.keys()].filter((c) => bp.has(c) && !same(bp.get(c), ap.get(c))),
    },
    texts,
  };
}

/** One line for a person: "明细 +2 −0 ~1；项目 新增 313001-9；文字 reasons.total". */
export function summariseDiff(d: VersionDiff): string {
  const parts = [`明细 / line items +${d.lineItems.added} −${d.lineItems.removed} ~${d.lineItems.changed}`];
  const p = d.projects;
  if (p.added.length || p.removed.length || p.changed.length) {
    parts.push(`项目 / projects${p.added.length ? ` +${p.added.join(",")}` : ""}${p.removed.length ? ` −${p.removed.join(",")}` : ""}${p.changed.length ? ` ~${p.changed.join(",")}` : ""}`);
  }
  if (d.texts.length) parts.push(`文字 / texts ${d.texts.join(", ")}`);
  return parts.join("；");
}
