/** 剪贴板表格 — what Excel, WPS and LibreOffice put on the clipboard, read back. */
import { describe, expect, it } from "vitest";
import { parseTsv, toTsv } from "../../src/web/lib/tsv.ts";

describe("TSV from the clipboard", () => {
  it("reads rows and cells; a final line break adds no row", () => {
    expect(parseTsv("313001\t2080208\t30201\r\n313001\t2012906\t30228\r\n")).toEqual([
      ["313001", "2080208", "30201"],
      ["313001", "2012906", "30228"],
    ]);
    expect(parseTsv("a\tb\nc\td")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  it("keeps empty cells, at the ends too", () => {
    expect(parseTsv("\tb\t\n")).toEqual([["", "b", ""]]);
    expect(parseTsv("a\t")).toEqual([["a", ""]]);
    expect(parseTsv("")).toEqual([]);
  });

  it("reads quoted cells with tabs, line breaks and doubled quotes", () => {
    expect(parseTsv('"办公费\n（含印刷）"\t"say ""hi"""\t1\r\nx\t"a\tb"\t2')).toEqual([
      ["办公费\n（含印刷）", 'say "hi"', "1"],
      ["x", "a\tb", "2"],
    ]);
  });

  it("reads a stray quote literally", () => {
    expect(parseTsv('5" screen\tx')).toEqual([['5" screen', "x"]]);
    expect(parseTsv('"unclosed\tx')).toEqual([['"unclosed', "x"]]);
  });

  it("writes what it reads", () => {
    const rows = [
      ["a", "b\tc", 'q"q'],
      ["line\nbreak", "", "z"],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });
});
