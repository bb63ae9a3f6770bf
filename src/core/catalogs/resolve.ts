/**
 * Resolves each year's definition into a full catalog: the base year (2021) as written; a later year as the
 * year before plus its changes; an earlier year as the year after minus the changes of the year after. Entries
 * carried over keep their confirmation only at the levels the year states (YearDefinition.confirmedLevels);
 * changes, supplements and corpus prints then mark what they touch.
 */
import { type CatalogEntry, type CodeList, type MappingTable, type YearCatalog, codeLevel } from "../catalog.ts";
import { CATALOG_PARTS, type CatalogChange, type CatalogPart, type YearDefinition } from "./changes.ts";

type Entries = Map<string, CatalogEntry>;

// Entries are shared between years where their confirmation is the same (no copy).
const unconfirmed = (entry: CatalogEntry): CatalogEntry => (entry.confirmed === false ? entry : { ...entry, confirmed: false });

function confirmed(entry: CatalogEntry): CatalogEntry {
  if (entry.confirmed !== false) return entry;
  const { confirmed: _carried, ...rest } = entry;
  return rest;
}

/** A code and everything under it (a removed 款 takes its 项 along). */
function drop(entries: Entries, code: string): void {
  entries.delete(code);
  if (code.length >= 7) return;
  for (const c of entries.keys()) if (c.startsWith(code)) entries.delete(c);
}

/** Codes are digit strings: plain comparison orders them as the catalog does (localeCompare is much slower). */
const byCode = (a: CatalogEntry, b: CatalogEntry): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * An entry under a new name; aliases stay accepted. A label (the short form Henan's table 4 prints for a 类,
 * 文化旅游体育与传媒) follows the new name, without its 支出.
 */
function rename(entry: CatalogEntry | undefined, code: string, name: string): CatalogEntry {
  const { label, ...rest } = entry ?? { code, name };
  return label === undefined ? { ...rest, name } : { ...rest, name, label: name.replace(/支出$/, "") };
}

function mark(entry: CatalogEntry, change: CatalogChange): CatalogEntry {
  return change.confirmed === false ? unconfirmed(entry) : confirmed(entry);
}

/** Applies one year's change to the year before's entries. */
function forward(entries: Entries, c: CatalogChange): void {
  switch (c.kind) {
    case "added":
      entries.set(c.code, mark({ code: c.code, name: c.name }, c));
      break;
    case "renamed":
      entries.set(c.code, mark(rename(entries.get(c.code), c.code, c.to), c));
      break;
    case "removed":
      drop(entries, c.code);
      break;
    case "moved":
      drop(entries, c.from);
      entries.set(c.to, mark({ code: c.to, name: c.name }, c));
      break;
  }
}

/** Undoes one year's change on that year's entries, giving the year before's. */
function backward(entries: Entries, c: CatalogChange): void {
  switch (c.kind) {
    case "added":
      drop(entries, c.code);
      break;
    case "renamed":
      entries.set(c.code, mark(rename(entries.get(c.code), c.code, c.from), c));
      break;
    case "removed":
      entries.set(c.code, mark({ code: c.code, name: c.name }, c));
      break;
    case "moved":
      drop(entries, c.to);
      entries.set(c.from, mark({ code: c.from, name: c.fromName }, c));
      break;
  }
}

/** A neighbour's entries as this year's starting point: confirmed only at the levels this year states. */
function carry(list: CodeList, definition: YearDefinition, part: CatalogPart): Entries {
  const levels = definition.confirmedLevels[part];
  return new Map(list.entries.map((e) => [e.code, levels.includes(codeLevel(e.code)) ? confirmed(e) : unconfirmed(e)]));
}

function resolvePart(neighbour: CodeList, definition: YearDefinition, part: CatalogPart, changes: readonly CatalogChange[], direction: "forward" | "backward"): CodeList {
  const why = definition.absent?.[part];
  if (why) return { source: `${definition.edition}; ${why}`, entries: [], absent: why };
  const entries = carry(neighbour, definition, part);
  if (direction === "forward") for (const c of changes) forward(entries, c);
  else for (const c of [...changes].reverse()) backward(entries, c);
  for (const s of definition.supplements?.[part] ?? []) entries.set(s.code, { ...confirmed(entries.get(s.code) ?? { code: s.code, name: s.name }), name: s.name });
  for (const p of definition.printed ?? []) for (const code of p.codes[part] ?? []) {
    const e = entries.get(code);
    if (e) entries.set(code, confirmed(e));
  }
  const printedBy = (definition.printed ?? []).filter((p) => (p.codes[part] ?? []).length > 0).map((p) => p.source);
  const source = [
    definition.edition,
    `derived from ${direction === "forward" ? definition.year - 1 : definition.year + 1} (${neighbour.absent ? "absent there" : "its list"}) with ${changes.length} change(s) of ${direction === "forward" ? definition.year : definition.year + 1}`,
    `confirmed levels: ${definition.confirmedLevels[part].join(", ") || "none"} — other entries carried over unconfirmed unless a change or a document confirms them`,
    ...(printedBy.length ? [`confirmed by: ${printedBy.join("; ")}`] : []),
  ].join("; ");
  return { source, entries: [...entries.values()].sort(byCode), confirmedLevels: definition.confirmedLevels[part] };
}

/**
 * The catalog of `definition.year` from its neighbour's: `next` is the year after's definition when resolving
 * backwards (its changes are undone), undefined when resolving forwards (this year's changes are applied).
 */
export function resolveYear(neighbour: YearCatalog, definition: YearDefinition, next?: YearDefinition): YearCatalog {
  const direction = next ? "backward" : "forward";
  const changesOf = (part: CatalogPart) => (next ?? definition).changes[part] ?? [];
  const [functional, departmentEconomic, governmentEconomic] = CATALOG_PARTS.map((part) =>
    resolvePart(neighbour[part], definition, part, changesOf(part), direction),
  ) as [CodeList, CodeList, CodeList];
  const mapping: MappingTable = governmentEconomic.absent
    ? { source: `none: ${governmentEconomic.absent}`, rows: [] }
    : neighbour.mapping.rows.length > 0
      ? { source: `${neighbour.mapping.source} (carried over from ${neighbour.year})`, rows: neighbour.mapping.rows }
      : { source: "none", rows: [] };
  return {
    year: definition.year,
    origin: "built-in",
    provenance: { edition: definition.edition, derivedFrom: neighbour.year },
    functional,
    departmentEconomic,
    governmentEconomic,
    mapping,
  };
}

/** The base year's catalog with its definition's confirmed levels, and its doubtful codes unconfirmed. */
export function baseYear(catalog: YearCatalog, definition: YearDefinition): YearCatalog {
  const withLevels = (part: CatalogPart): CodeList => {
    const doubtful = new Set(definition.doubtful?.[part] ?? []);
    const entries = doubtful.size === 0 ? catalog[part].entries : catalog[part].entries.map((e) => (doubtful.has(e.code) ? unconfirmed(e) : e));
    return { ...catalog[part], entries, confirmedLevels: definition.confirmedLevels[part] };
  };
  return {
    ...catalog,
    provenance: { edition: definition.edition },
    functional: withLevels("functional"),
    departmentEconomic: withLevels("departmentEconomic"),
    governmentEconomic: withLevels("governmentEconomic"),
  };
}
