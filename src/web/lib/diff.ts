/**
 * 版本比较 — what changed between two versions of a budget's content, for reviewers: line items keyed by
 * their classification (as the server's version diff keys them; a repeated key is #2, #3 …), projects
 * by code, and the texts (reasons, profile) by field.
 */
import type { Content, ContentLineItem } from "../api/types.ts";
import { fenOfYuanText } from "./amount.ts";

export interface LineChange {
  key: string;
  before?: ContentLineItem;
  after?: ContentLineItem;
  /** after − before, in 分 */
  delta: number;
}

export interface ContentDiff {
  lines: LineChange[];
  projects: { code: string; kind: "added" | "removed" | "changed"; name: string }[];
  texts: { field: string; before: string; after: string }[];
}

const KEY_FIELDS = ["unit", "functional", "economic", "nature", "project", "source"] as const;

function keyed(list: unknown): Map<string, ContentLineItem> {
  const out = new Map<string, ContentLineItem>();
  const seen = new Map<string, number>();
  for (const raw of Array.isArray(list) ? (list as ContentLineItem[]) : []) {
    const base = KEY_FIELDS.map((f) => String(raw[f] ?? "")).join("|");
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(n === 1 ? base : `${base}#${n}`, raw);
  }
  return out;
}

const amountOf = (i: ContentLineItem | undefined) => (i ? fenOfYuanText(String(i.amount)) || 0 : 0);

/** Key order does not count (jsonb reorders object keys). */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

function text(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map(text).join("\n");
  return JSON.stringify(v);
}

export function diffContent(before: Content, after: Content): ContentDiff {
  const b = keyed(before.lineItems);
  const a = keyed(after.lineItems);
  const lines: LineChange[] = [];
  for (const [k, v] of a) {
    const old = b.get(k);
    if (!old) lines.push({ key: k, after: v, delta: amountOf(v) });
    else if (canonical({ ...old, amount: amountOf(old) }) !== canonical({ ...v, amount: amountOf(v) })) lines.push({ key: k, before: old, after: v, delta: amountOf(v) - amountOf(old) });
  }
  for (const [k, v] of b) if (!a.has(k)) lines.push({ key: k, before: v, delta: -amountOf(v) });

  const projects: ContentDiff["projects"] = [];
  const pmap = (c: Content) => new Map(((Array.isArray(c.projects) ? c.projects : []) as { code: string; name: string }[]).map((p) => [String(p.code), p]));
  const bp = pmap(before);
  const ap = pmap(after);
  for (const [code, p] of ap) {
    const old = bp.get(code);
    if (!old) projects.push({ code, kind: "added", name: p.name });
    else if (canonical(old) !== canonical(p)) projects.push({ code, kind: "changed", name: p.name });
  }
  for (const [code, p] of bp) if (!ap.has(code)) projects.push({ code, kind: "removed", name: p.name });

  const texts: ContentDiff["texts"] = [];
  const reasonsB = (before.reasons ?? {}) as Record<string, unknown>;
  const reasonsA = (after.reasons ?? {}) as Record<string, unknown>;
  for (const k of [...new Set([...Object.keys(reasonsB), ...Object.keys(reasonsA)])].sort()) {
    if (text(reasonsB[k]) !== text(reasonsA[k])) texts.push({ field: `reasons.${k}`, before: text(reasonsB[k]), after: text(reasonsA[k]) });
  }
  for (const field of ["profile", "targets", "units", "prior", "procurement", "assets"]) {
    if (canonical(before[field]) !== canonical(after[field])) texts.push({ field, before: text(before[field]), after: text(after[field]) });
  }
  return { lines, projects, texts };
}
