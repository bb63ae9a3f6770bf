/**
 * Helpers of the importer tests: what a derived table looks like printed (grouped amounts, as the HTML,
 * XLSX and PDF renderers print them), the comparison of imported tables and narrative with the derived
 * ones, small PDFs made with Typst, and a minimal zip/PNG writer for hand-made and broken files.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { deflateRawSync, deflateSync } from "node:zlib";
import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
import { expect } from "vitest";
import type { DocumentFile, RawTable } from "../../../src/audit/core/document.ts";
import type { Disclosure } from "../../../src/core/disclosure.ts";
import type { Budget, ThreePublic } from "../../../src/core/model.ts";
import { type Fen, formatWanYuanGrouped } from "../../../src/core/money.ts";
import { type DisclosureTable, headerGrid } from "../../../src/core/table.ts";
import { writeZip } from "../../support/zip-writer.ts";

/** Every printed row of a derived table (header grid, then body) as HTML, XLSX and PDF print it. */
export function printedGrouped(t: DisclosureTable): string[][] {
  const header = headerGrid(t.header, t.columns.length).map((r) => r.map((c) => c?.text ?? ""));
  const body = t.rows.map((r) => r.cells.map((c) => (c === null ? "" : typeof c === "number" ? formatWanYuanGrouped(c as Fen) : c)));
  return [...header, ...body];
}

/**
 * Columns a reader of the printed page can see: a column whose left edge no cell starts at (every row
 * merges it with the column before, as table 12 of a unit without targets does) has no ruling of its own
 * in a PDF, so a PDF reads the merged cells as one column. The rows of `printedGrouped` without them.
 */
export function visibleGrid(t: DisclosureTable): string[][] {
  const width = t.columns.length;
  const starts = new Set<number>([0]);
  headerGrid(t.header, width).forEach((row) => row.forEach((c, i) => c && starts.add(i)));
  const covered = new Set<string>();
  for (const m of t.merges) for (let r = m.row; r < m.row + m.rowSpan; r++) for (let c = m.col; c < m.col + m.colSpan; c++) if (r !== m.row || c !== m.col) covered.add(`${r},${c}`);
  t.rows.forEach((_, r) => {
    for (let c = 0; c < width; c++) if (!covered.has(`${r},${c}`)) starts.add(c);
  });
  return printedGrouped(t).map((row) => row.filter((_, c) => starts.has(c)));
}

export const tableRows = (t: RawTable): string[][] => [...t.header, ...t.body].map((r) => r.cells);

/** The imported tables equal the derived ones: titles, 单位名称, unit, every printed row, notes. */
export function expectTablesAsDerived(file: DocumentFile, d: Disclosure, grid: (t: DisclosureTable) => string[][] = printedGrouped): void {
  expect(file.tables.map((t) => t.title)).toEqual(d.tables.map((t) => t.title));
  file.tables.forEach((t, i) => {
    const derived = d.tables[i]!;
    expect(tableRows(t), derived.title).toEqual(grid(derived));
    expect(t.unitName, derived.title).toBe(derived.unitName);
    expect(t.unit, derived.title).toBe("万元");
    expect(
      t.notes.map((n) => n.text),
      derived.title,
    ).toEqual(derived.note ? [`说明：${derived.note}`] : []);
  });
}

/** The narrative's paragraphs (the sections under 第一/二/三部分), in order. */
export function narrativeParagraphs(file: DocumentFile): string[] {
  return file.sections.filter((s) => s.path.some((p) => /^第[一二三四五六七八九十]+部分/.test(p))).flatMap((s) => s.paragraphs.map((p) => p.text));
}

export function expectNarrativeAsDerived(file: DocumentFile, d: Disclosure): void {
  expect(narrativeParagraphs(file)).toEqual(d.narrative.parts.flatMap((p) => p.sections.flatMap((s) => s.paragraphs)));
  const headings = file.sections.flatMap((s) => s.path);
  for (const p of d.narrative.parts) expect(headings).toContain(p.title);
}

const THREE_PUBLIC: Record<string, keyof ThreePublic> = { "30212": "abroad", "30217": "reception", "31013": "vehiclePurchase", "30913": "vehiclePurchase", "30231": "vehicleOperation" };

/**
 * A generated budget made clean for the audit round trip (test/audit/roundtrip.test.ts does the same):
 * indicator targets filled, last year's "三公" above this year's.
 */
export function clean(b: Budget): Budget {
  for (const p of b.projects) for (const i of p.indicators) i.target ??= { kind: "qualitative", text: "明显" };
  const current = (unit?: string) => {
    const t: ThreePublic = { abroad: 0 as Fen, reception: 0 as Fen, vehiclePurchase: 0 as Fen, vehicleOperation: 0 as Fen };
    for (const l of b.lineItems) {
      const k = THREE_PUBLIC[l.economic.slice(0, 5)];
      if (k && l.source === "gpb-appropriation" && (!unit || l.unit === unit)) t[k] = (t[k] + l.amount) as Fen;
    }
    return t;
  };
  const above = (t: ThreePublic): ThreePublic => ({
    abroad: (t.abroad + 1_000_000) as Fen,
    reception: (t.reception + 1_000_000) as Fen,
    vehiclePurchase: (t.vehiclePurchase + 1_000_000) as Fen,
    vehicleOperation: (t.vehicleOperation + 1_000_000) as Fen,
  });
  if (b.prior?.threePublic) b.prior.threePublic = above(current());
  for (const u of b.units) if (u.prior?.threePublic) u.prior.threePublic = above(current(u.code));
  return b;
}

// ── small PDFs made with Typst ────────────────────────────────────────────────────────────────────

let typst: NodeCompiler | undefined;

/** A PDF of Typst markup, set in Noto Serif SC; `files` are mapped into Typst's file system. */
export function typstPdf(source: string, files: Record<string, Uint8Array> = {}): Uint8Array {
  if (!typst) {
    const require = createRequire(import.meta.url);
    const fontBlobs = ["@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf", "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf"].map((f) =>
      readFileSync(require.resolve(f)),
    );
    typst = NodeCompiler.create({ fontArgs: [{ fontBlobs }] });
  }
  // Typst resolves "/x.png" against its workspace root, the working directory
  for (const [path, bytes] of Object.entries(files)) typst.mapShadow(join(process.cwd(), path), Buffer.from(bytes));
  const main = `#set text(font: ("Noto Serif SC", "Noto Sans SC"), lang: "zh", region: "cn", size: 12pt)\n#set page(paper: "a4")\n${source}`;
  const result = typst.compile({ mainFileContent: main });
  if (!result.result) throw new Error("typst compile failed");
  const pdf = typst.pdf(result.result, { pdfTags: false } as never);
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}

// ── bytes: CRC-32, PNG, zip ───────────────────────────────────────────────────────────────────────

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A grey noise PNG (what a scanned page holds). */
export function png(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, "latin1");
    Buffer.from(data).copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const raw = Buffer.alloc((width + 1) * height);
  let seed = 7;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      raw[y * (width + 1) + 1 + x] = 180 + (seed >>> 27);
    }
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", new Uint8Array())]));
}

export interface ZipPart {
  name: string;
  data: Uint8Array | string;
  /** deflate the part (default: stored) */
  deflate?: boolean;
}

/** A zip of the parts (stored or deflated). */
export function makeZip(parts: readonly ZipPart[]): Uint8Array {
  return new Uint8Array(
    writeZip(
      parts.map((p) => {
        const data = typeof p.data === "string" ? Buffer.from(p.data, "utf8") : Buffer.from(p.data);
        return { name: p.name, stored: p.deflate ? deflateRawSync(data) : data, method: p.deflate ? 8 : 0, crc: crc32(data), size: data.length };
      }),
    ),
  );
}

/** The parts of a zip (inflated), for rebuilding a file with one part changed. */
export async function unzip(bytes: Uint8Array): Promise<ZipPart[]> {
  const { readZipDirectory } = await import("../../../src/formats/zip.ts");
  const { inflateRawSync } = await import("node:zlib");
  const z = readZipDirectory(bytes);
  if (!z.ok) throw new Error(z.detail);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return z.entries.map((e) => {
    const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
    const raw = bytes.subarray(start, start + e.compressed);
    return { name: e.name, data: e.method === 8 ? new Uint8Array(inflateRawSync(raw)) : raw.slice(), deflate: true };
  });
}
