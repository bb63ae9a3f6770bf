/** Structural invariants of every derived table: header grids and body rows fit the columns exactly. */
import { describe, expect, it } from "vitest";
import { CatalogIndex } from "../src/core/catalog.ts";
import { builtInCatalog } from "../src/core/catalogs/index.ts";
import { deriveAll } from "../src/core/disclosure.ts";
import { type DisclosureTable, headerGrid } from "../src/core/table.ts";
import { readBudget } from "../src/formats/budget-file/read.ts";

export function checkTableShape(t: DisclosureTable): void {
  const width = t.columns.length;
  // Every header grid position is covered by exactly one cell (anchor or span).
  const covered = t.header.map(() => Array.from({ length: width }, () => 0));
  const grid = headerGrid(t.header, width);
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) covered[r + dr]![c + dc]! += 1;
    }),
  );
  for (const row of covered) expect(row, `${t.id} header coverage`).toEqual(Array.from({ length: width }, () => 1));
  for (const row of t.rows) expect(row.cells.length, `${t.id} row width`).toBe(width);
  const seen = new Set<string>();
  for (const m of t.merges) {
    expect(m.row + m.rowSpan <= t.rows.length && m.col + m.colSpan <= width, `${t.id} merge in bounds`).toBe(true);
    for (let r = m.row; r < m.row + m.rowSpan; r++)
      for (let c = m.col; c < m.col + m.colSpan; c++) {
        const k = `${r},${c}`;
        expect(seen.has(k), `${t.id} merges overlap at ${k}`).toBe(false);
        seen.add(k);
        if (r !== m.row || c !== m.col) expect(t.rows[r]!.cells[c], `${t.id} covered cell ${k} is empty`).toBeNull();
      }
  }
  t.columns.forEach((col, c) => {
    if (col.kind === "money") for (const row of t.rows) expect(typeof row.cells[c] === "string" && row.kind !== "section" && row.cells[c] !== "", `${t.id} money column ${col.key} holds text`).toBe(false);
  });
}

describe("table shapes of the 2021 sample", async () => {
  const { budget } = await readBudget("examples/luolong-shequ-2021");
  const catalog = new CatalogIndex(builtInCatalog(2021)!);
  for (const d of deriveAll(budget, catalog)) {
    it(`${d.scope.kind} ${d.scope.code}: 13 tables in order with consistent shapes`, () => {
      expect(d.tables.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
      for (const t of d.tables) checkTableShape(t);
    });
  }
  for (const d of deriveAll(budget, catalog, "central9")) {
    it(`central9 ${d.scope.kind} ${d.scope.code}: 9 tables in order with consistent shapes`, () => {
      expect(d.tables.map((t) => t.id)).toEqual(["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"]);
      for (const t of d.tables) checkTableShape(t);
    });
  }
});
