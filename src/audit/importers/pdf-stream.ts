/**
 * PDF 无框线表格 — tables printed without ruling lines, found from the text alone: consecutive lines set
 * out in three or more separated pieces (or two, one an amount) form a table; its columns are the x
 * ranges the pieces of its fullest rows occupy; each piece goes to the column it overlaps (a heading over
 * several columns to the first of them). A body line holding one piece of text and no amount continues
 * the cell above (a label wrapped in its column).
 */
import type { GridTable } from "./pdf-grid.ts";
import type { FlowLine } from "./pdf-layout.ts";

const AMOUNT = /^[-－]?[\d,，]+(\.\d+)?%?$/;
const LEADER = /(?:[.．·…⋯]\s*){4,}\s*\d+\s*$/;
const META = /(单位名称|部门名称|编制单位|预算单位|金额单位|单位)[:：]/;

/** An amount as tables print money: with decimals or thousands separators (a bare "12" may be a page number). */
const MONEY = /^[-－]?\d[\d,，]*\.\d+%?$|^[-－]?\d{1,3}([,，]\d{3})+$/;

function isRowLike(l: FlowLine): boolean {
  if (LEADER.test(l.text) || META.test(l.text)) return false;
  const n = l.runs.length;
  return n >= 3 || (n === 2 && l.runs.some((r) => MONEY.test(r.replace(/\s/g, ""))));
}

/** Column x ranges from the runs of the rows with the most pieces. */
function columnRanges(rows: FlowLine[]): { x0: number; x1: number }[] {
  const most = Math.max(...rows.map((r) => r.runs.length));
  const full = rows.filter((r) => r.runs.length >= Math.max(2, most - 1));
  const boxes = full.flatMap((r) => r.runBoxes).sort((a, b) => a.x0 - b.x0);
  const out: { x0: number; x1: number }[] = [];
  for (const b of boxes) {
    const last = out[out.length - 1];
    if (last && b.x0 <= last.x1) last.x1 = Math.max(last.x1, b.x1);
    else out.push({ ...b });
  }
  return out;
}

export function findStreamTables(lines: FlowLine[]): { tables: GridTable[]; lines: FlowLine[] } {
  const tables: GridTable[] = [];
  const used = new Uint8Array(lines.length);
  let i = 0;
  while (i < lines.length) {
    if (!isRowLike(lines[i]!)) {
      i++;
      continue;
    }
    // a run of row-like lines, with single lines between them allowed when close
    let j = i + 1;
    let lastRow = i;
    while (j < lines.length) {
      const gap = lines[j]!.y - lines[j - 1]!.y;
      if (gap > 3 * lines[j]!.size) break;
      if (isRowLike(lines[j]!)) lastRow = j;
      else if (j - lastRow > 2) break;
      j++;
    }
    const block = lines.slice(i, lastRow + 1);
    const rowLike = block.filter(isRowLike).length;
    if (rowLike < 3) {
      i = lastRow + 1;
      continue;
    }
    const cols = columnRanges(block);
    if (cols.length < 2) {
      i = lastRow + 1;
      continue;
    }
    const xs = [cols[0]!.x0, ...cols.slice(1).map((c, k) => (cols[k]!.x1 + c.x0) / 2), cols[cols.length - 1]!.x1];
    const rows: string[][] = [];
    let seenAmount = false;
    for (const line of block) {
      const cells = cols.map(() => "");
      line.runBoxes.forEach((box, k) => {
        let c = cols.findIndex((col) => box.x1 > col.x0 && box.x0 < col.x1);
        if (c < 0) c = Math.max(0, xs.findIndex((x, n) => n > 0 && (box.x0 + box.x1) / 2 < x) - 1);
        if (c < 0) c = cols.length - 1;
        cells[c] = cells[c] === "" ? line.runs[k]! : `${cells[c]}${line.runs[k]}`;
      });
      const hasAmount = line.runs.some((r) => AMOUNT.test(r.replace(/\s/g, "")));
      const filled = cells.filter((c) => c !== "");
      const prev = rows[rows.length - 1];
      if (seenAmount && !hasAmount && filled.length === 1 && prev) {
        const c = cells.findIndex((x) => x !== "");
        if (prev[c] !== "") {
          prev[c] = `${prev[c]}${cells[c]}`;
          continue;
        }
      }
      if (hasAmount) seenAmount = true;
      rows.push(cells);
    }
    for (let k = i; k <= lastRow; k++) used[k] = 1;
    const first = block[0]!;
    const last = block[block.length - 1]!;
    tables.push({
      x0: xs[0]!,
      x1: xs[xs.length - 1]!,
      y0: first.y - first.size,
      y1: last.y + last.size * 0.3,
      xs,
      ys: [],
      rows,
      coveredFromAbove: rows.map((r) => r.map(() => false)),
      anchorRow: rows.map((r, n) => r.map(() => n)),
    });
    i = lastRow + 1;
  }
  return { tables, lines: lines.filter((_, k) => !used[k]) };
}
