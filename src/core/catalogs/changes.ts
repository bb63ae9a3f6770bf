/**
 * 科目变动 — a year's catalog as its neighbour plus what changed. Each year from 2018 on lists what
 * changed from the year before (added, renamed, removed, moved codes), per classification; the built-in
 * catalogs are resolved from the 2021 one through these lists once at load (resolve.ts), and the
 * mappings between years (year-mapping.ts) are read from the same lists.
 */
import type { CodeLevel } from "../catalog.ts";

/** The classifications of a year's catalog. */
export type CatalogPart = "functional" | "departmentEconomic" | "governmentEconomic";

export const CATALOG_PARTS: readonly CatalogPart[] = ["functional", "departmentEconomic", "governmentEconomic"];

/** What a change rests on, and whether it is sure. */
interface ChangeNote {
  /** the document or reasoning the change rests on, where it is not the year's edition itself */
  basis?: string;
  /** false: the change, or the year it happened, is not confirmed; the codes it touches are marked unconfirmed */
  confirmed?: false;
}

/** 新增 — a code new this year. */
export interface Added extends ChangeNote {
  kind: "added";
  code: string;
  name: string;
}

/** 更名 — same code, new name (the code keeps its meaning: a mapping keeps it). */
export interface Renamed extends ChangeNote {
  kind: "renamed";
  code: string;
  from: string;
  to: string;
}

/** 取消 — a code that no longer exists; its spending goes to `successor` where one is known. */
export interface Removed extends ChangeNote {
  kind: "removed";
  code: string;
  name: string;
  successor?: string;
}

/** 调整编码 — the same item under a new code (30311 住房公积金 → 30113 住房公积金). */
export interface Moved extends ChangeNote {
  kind: "moved";
  from: string;
  to: string;
  /** the name under the old code */
  fromName: string;
  /** the name under the new code */
  name: string;
}

export type CatalogChange = Added | Renamed | Removed | Moved;

/** One list per classification. */
export type PerPart<T> = Partial<Record<CatalogPart, readonly T[]>>;

/** Codes a real document of the year prints, with where: they are confirmed for that year. */
export interface PrintedCodes {
  /** the document and pages (a file of ../shared/corpus, with its published name) */
  source: string;
  codes: PerPart<string>;
}

/** One year's built-in catalog, as data. */
export interface YearDefinition {
  year: number;
  /** the edition of 政府收支分类科目 (and the 财预 documents) the year follows */
  edition: string;
  /** what changed from the year before, per classification (empty for the base year) */
  changes: PerPart<CatalogChange>;
  /** levels of each classification stated for the year; others are carried over unconfirmed */
  confirmedLevels: Record<CatalogPart, readonly CodeLevel[]>;
  /** codes a document of the year prints that the neighbouring year's partial list lacks */
  supplements?: PerPart<Supplement>;
  /** codes the corpus documents of the year print (confirming them for the year) */
  printed?: readonly PrintedCodes[];
  /** codes of the year's own list that its source calls doubtful (the base year, written out) */
  doubtful?: PerPart<string>;
  /** classifications the year does not have, with why */
  absent?: Partial<Record<CatalogPart, string>>;
}

// Constructors, so the change lists read as lists.
export const added = (code: string, name: string, note: ChangeNote = {}): Added => ({ kind: "added", code, name, ...note });
export const renamed = (code: string, from: string, to: string, note: ChangeNote = {}): Renamed => ({ kind: "renamed", code, from, to, ...note });
export const removed = (code: string, name: string, note: ChangeNote & { successor?: string } = {}): Removed => ({ kind: "removed", code, name, ...note });
export const moved = (from: string, to: string, fromName: string, name: string = fromName, note: ChangeNote = {}): Moved => ({ kind: "moved", from, to, fromName, name, ...note });

/** A note for changes whose year (or content) is recalled, not read from a source. */
export const UNSURE: ChangeNote = { confirmed: false };
export const unsure = (basis: string): ChangeNote => ({ basis, confirmed: false });

/** Every level: the year's list of that classification is stated in full. */
export const ALL_LEVELS: readonly CodeLevel[] = ["class", "section", "item"];

/** A code a document of the year prints that the neighbouring year's (partial) list lacks: not a change. */
export interface Supplement {
  code: string;
  name: string;
  /** the document that prints it */
  basis: string;
}

/** Codes printed by a corpus document, written as space-separated lists. */
export const printedIn = (source: string, functional: string, departmentEconomic = ""): PrintedCodes => ({
  source,
  codes: { functional: functional.split(/\s+/).filter(Boolean), departmentEconomic: departmentEconomic.split(/\s+/).filter(Boolean) },
});
