/**
 * The PDF stream bounds (src/formats/pdf-bounds.ts): a deflate bomb is refused before pdf.js sees it,
 * quickly and without keeping what it inflates; every filter is counted exactly (fast-check against
 * encoders written here); images are held to their declared pixels; the reader reports the refusal.
 */
import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { importPdf } from "../src/audit/importers/pdf.ts";
import { PDF_STREAM_LIMITS, checkPdfStreams, pdfStreamProblemText } from "../src/formats/pdf-bounds.ts";
import { pdfDeflateBomb } from "./support/bombs.ts";

/** A PDF skeleton holding the given stream objects (dictionary entries and raw data), numbered from 1. */
function pdfWith(streams: { dict: string; data: Uint8Array }[], extra = ""): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n")];
  streams.forEach((s, i) => {
    parts.push(Buffer.from(`${i + 1} 0 obj\n<< /Length ${s.data.length} ${s.dict} >>\nstream\n`), Buffer.from(s.data), Buffer.from("\nendstream\nendobj\n"));
  });
  parts.push(Buffer.from(`${extra}trailer\n<< /Size ${streams.length + 1} >>\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** LZW as PDF writes it (9–12-bit codes, EarlyChange 1), for checking the counter. */
function lzwEncode(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  let width = 9;
  const put = (code: number) => {
    acc = (acc << width) | code;
    bits += width;
    while (bits >= 8) {
      bits -= 8;
      out.push((acc >>> bits) & 255);
    }
    acc &= (1 << bits) - 1;
  };
  let table = new Map<string, number>();
  let next = 258;
  put(256);
  let w = "";
  for (const byte of data) {
    const wc = w + String.fromCharCode(byte);
    if (wc.length === 1 || table.has(wc)) {
      w = wc;
      continue;
    }
    put(w.length === 1 ? w.charCodeAt(0) : table.get(w)!);
    table.set(wc, next++);
    if (next + 1 > 1 << width && width < 12) width++;
    if (next >= 4094) {
      put(256);
      table = new Map();
      next = 258;
      width = 9;
    }
    w = String.fromCharCode(byte);
  }
  if (w) put(w.length === 1 ? w.charCodeAt(0) : table.get(w)!);
  put(257);
  if (bits > 0) out.push((acc << (8 - bits)) & 255);
  return Uint8Array.from(out);
}

const hex = (b: Uint8Array) => new TextEncoder().encode(`${Buffer.from(b).toString("hex")}>`);

describe("PDF stream bounds", () => {
  it("refuses a 1.1 MB PDF inflating to 1.1 GB in well under 2 s, keeping nothing", async () => {
    const bomb = pdfDeflateBomb();
    const rss = process.memoryUsage().rss;
    const t = performance.now();
    const check = await checkPdfStreams(bomb);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 * 1024);
    expect(check).toEqual({ ok: false, object: "4 0 obj", what: "stream", limit: PDF_STREAM_LIMITS.maxStream });
    if (check.ok) return;
    expect(pdfStreamProblemText(check, "炸弹.pdf")).toBe(
      "文件“炸弹.pdf”的数据流（4 0 obj）解压后超过 64 MB（可能是压缩炸弹），拒绝读取 / \"炸弹.pdf\": a stream (4 0 obj) inflates to more than 64 MB (a deflate bomb?) and the file was not read",
    );
  }, 30_000);

  it("the reader reports the bomb as read.compression-bomb and reads nothing", async () => {
    const t = performance.now();
    const file = await importPdf("炸弹.pdf", pdfDeflateBomb());
    expect(performance.now() - t).toBeLessThan(2000);
    expect(file.parts).toEqual([{ kind: "whole", index: 1, read: false }]);
    expect(file.problems.map((p) => [p.rule, p.severity])).toEqual([["read.compression-bomb", "error"]]);
    expect(file.problems[0]!.message).toMatch(/^文件“炸弹.pdf”的数据流（4 0 obj）解压后超过 64 MB（可能是压缩炸弹），拒绝读取 \/ /);
  }, 30_000);

  it("yusuan audit prints the refusal as an error finding, without a stack trace, and exits 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "yusuan-pdf-bomb-"));
    try {
      const file = join(dir, "炸弹.pdf");
      writeFileSync(file, pdfDeflateBomb());
      const run = spawnSync(process.execPath, ["bin/yusuan.mjs", "audit", file], { encoding: "utf8", env: { ...process.env, YUSUAN_FROM_SOURCE: "1" }, timeout: 90_000 });
      expect(run.status).toBe(2);
      expect(run.stdout).toContain("[read.compression-bomb]");
      expect(run.stdout).toContain(`文件“${file}”的数据流（4 0 obj）解压后超过 64 MB（可能是压缩炸弹），拒绝读取 / "${file}": a stream (4 0 obj) inflates to more than 64 MB (a deflate bomb?) and the file was not read`);
      expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("counts Flate, LZW, ASCIIHex, ASCII85 and RunLength streams exactly, alone and chained", async () => {
    const bytes = fc.uint8Array({ maxLength: 3000 });
    await fc.assert(
      fc.asyncProperty(bytes, bytes, fc.integer({ min: 1, max: 200 }), async (a, b, repeat) => {
        const big = new Uint8Array(Buffer.concat(Array.from({ length: repeat }, () => Buffer.from(a))));
        const literal = b.subarray(0, 128);
        const runs = new Uint8Array([...(literal.length > 0 ? [literal.length - 1, ...literal] : []), 257 - 101, 7, 128]);
        const rlLength = literal.length + 101;
        const a85 = new TextEncoder().encode(`${ascii85(big)}~>`);
        const pdf = pdfWith([
          { dict: "/Filter /FlateDecode", data: deflateSync(big) },
          { dict: "/Filter /LZWDecode", data: lzwEncode(big) },
          { dict: "/Filter [/ASCIIHexDecode /FlateDecode]", data: hex(deflateSync(b)) },
          { dict: "/Filter /RunLengthDecode", data: runs },
          { dict: "/Filter [/ASCII85Decode]", data: a85 },
          { dict: "/Filter [/AHx /LZW]", data: hex(lzwEncode(b)) },
        ]);
        const check = await checkPdfStreams(pdf);
        expect(check).toEqual({ ok: true, streams: 6, inflated: big.length * 3 + b.length * 2 + rlLength });
        // one byte less of room and the first stream is refused
        if (big.length > 0) expect(await checkPdfStreams(pdf, { ...PDF_STREAM_LIMITS, maxStream: big.length - 1 })).toMatchObject({ ok: false, object: "1 0 obj", what: "stream" });
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it("refuses an LZW bomb and a Flate bomb wrapped in ASCIIHex or behind an indirect /Filter", async () => {
    const small = { ...PDF_STREAM_LIMITS, maxStream: 100_000 };
    const zeros = new Uint8Array(200_000);
    expect(await checkPdfStreams(pdfWith([{ dict: "/Filter /LZWDecode", data: lzwEncode(zeros) }]), small)).toMatchObject({ ok: false, what: "stream" });
    expect(await checkPdfStreams(pdfWith([{ dict: "/Filter [/AHx /Fl]", data: hex(deflateSync(zeros)) }]), small)).toMatchObject({ ok: false, what: "stream" });
    const indirect = pdfWith([{ dict: "/Filter 9 0 R", data: deflateSync(zeros) }], "9 0 obj\n/FlateDecode\nendobj\n");
    expect(await checkPdfStreams(indirect, small)).toMatchObject({ ok: false, object: "1 0 obj", what: "stream" });
  });

  it("holds an image to its declared pixels, and everything to the total", async () => {
    const pixels = new Uint8Array(100 * 50 * 3);
    const image = (w: number, h: number) => ({ dict: `/Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode`, data: deflateSync(pixels) });
    expect(await checkPdfStreams(pdfWith([image(100, 50)]))).toEqual({ ok: true, streams: 1, inflated: pixels.length });
    expect(await checkPdfStreams(pdfWith([image(10, 5)]))).toEqual({ ok: false, object: "1 0 obj", what: "image", limit: (10 * 3 + 1) * 5 });
    const content = { dict: "/Filter /FlateDecode", data: deflateSync(new Uint8Array(600_000)) };
    expect(await checkPdfStreams(pdfWith([content, content]), { ...PDF_STREAM_LIMITS, maxTotal: 1_000_000 })).toEqual({ ok: false, object: "2 0 obj", what: "total", limit: 1_000_000 });
  });

  it("bounds JPEG and JBIG2 images by the pixels they declare, in the dictionary and in the JPEG's frame header", async () => {
    const jpeg = (width: number, height: number, components = 3) =>
      Buffer.from([
        ...[0xff, 0xd8], // SOI
        ...[0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0], // APP0 JFIF
        ...[0xff, 0xc4, 0, 4, 0, 0], // a DHT before the frame is skipped
        ...[0xff, 0xc0, 0, 8 + 3 * components, 8, height >> 8, height & 255, width >> 8, width & 255, components],
        ...Array.from({ length: components }, (_, k) => [k + 1, 0x11, 0]).flat(),
        ...[0xff, 0xd9],
      ]);
    const image = (dict: string, data: Uint8Array) => pdfWith([{ dict: `/Type /XObject /Subtype /Image ${dict}`, data }]);
    const rgb = (w: number, h: number, filter = "/DCTDecode") => `/Width ${w} /Height ${h} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter ${filter}`;
    // honest: a JPEG of 2,000 × 1,500 (9 MB decoded), and a JBIG2 page of 5,000 × 7,000 (4.4 MB)
    expect(await checkPdfStreams(image(rgb(2000, 1500), jpeg(2000, 1500)))).toEqual({ ok: true, streams: 0, inflated: 0 });
    expect(await checkPdfStreams(image("/Width 5000 /Height 7000 /ImageMask true /Filter /JBIG2Decode", new Uint8Array(64)))).toEqual({ ok: true, streams: 0, inflated: 0 });
    // a small dictionary over a frame of 65,000 × 65,000 pixels (12 GB decoded)
    const tooMany = { ok: false, object: "1 0 obj", what: "pixels", limit: PDF_STREAM_LIMITS.maxImage };
    expect(await checkPdfStreams(image(rgb(10, 10), jpeg(65_000, 65_000)))).toEqual({ ...tooMany, pixels: { width: 65_000, height: 65_000 } });
    expect(await checkPdfStreams(image(rgb(10, 10, "[/DCT]"), jpeg(65_000, 65_000)))).toEqual({ ...tooMany, pixels: { width: 65_000, height: 65_000 } });
    // dictionaries declaring it: JPEG (also behind another filter) and JBIG2 (1 bit a pixel)
    expect(await checkPdfStreams(image(rgb(20_000, 20_000, "[/FlateDecode /DCTDecode]"), deflateSync(jpeg(10, 10))))).toEqual({ ...tooMany, pixels: { width: 20_000, height: 20_000 } });
    expect(await checkPdfStreams(image("/Width 100000 /Height 100000 /Filter /JBIG2Decode", new Uint8Array(64)))).toEqual({ ...tooMany, pixels: { width: 100_000, height: 100_000 } });
    const check = await checkPdfStreams(image(rgb(10, 10), jpeg(65_000, 65_000)));
    expect(!check.ok && pdfStreamProblemText(check, "图像.pdf")).toBe(
      "文件“图像.pdf”的图像（1 0 obj）声明 65000 × 65000 像素，解码后超过 128 MB（可能是图像炸弹），拒绝读取 / \"图像.pdf\": an image (1 0 obj) declares 65000 × 65000 pixels, more than 128 MB decoded (an image bomb?), and the file was not read",
    );
  });

  it("passes every PDF of the corpus (JPEG images among them)", async () => {
    const dir = "/work/shared/corpus";
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".pdf")) : [];
    for (const f of files) {
      const bytes = readFileSync(join(dir, f));
      expect([f, (await checkPdfStreams(bytes)).ok]).toEqual([f, true]);
    }
  }, 120_000);
});

function ascii85(data: Uint8Array): string {
  let s = "";
  for (let i = 0; i < data.length; i += 4) {
    const chunk = [...data.subarray(i, i + 4)];
    const n = chunk.length;
    while (chunk.length < 4) chunk.push(0);
    let v = ((chunk[0]! << 24) | (chunk[1]! << 16) | (chunk[2]! << 8) | chunk[3]!) >>> 0;
    if (n === 4 && v === 0) {
      s += "z";
      continue;
    }
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode((v % 85) + 33));
      v = Math.floor(v / 85);
    }
    s += digits.slice(0, n + 1).join("");
  }
  return s;
}
