/**
 * Output formats of `yusuan render`. Each writes one file per disclosure.
 *
 * Each renderer is loaded when first used: Typst (a native module with its fonts) and ExcelJS take longer
 * to load than `yusuan check` takes to run, and the list of formats is needed by commands (and help
 * texts) that render nothing.
 */
import type { Disclosure } from "../core/disclosure.ts";

export interface Renderer {
  /** file name written in the output directory */
  file: string;
  render: (d: Disclosure) => Promise<string | Uint8Array> | string | Uint8Array;
}

export const RENDERERS: Record<string, Renderer> = {
  json: { file: "disclosure.json", render: async (d) => (await import("./json.ts")).renderJson(d) },
  html: { file: "disclosure.html", render: async (d) => (await import("./html.ts")).renderHtml(d) },
  xlsx: { file: "disclosure.xlsx", render: async (d) => (await import("./xlsx.ts")).renderXlsx(d) },
  pdf: { file: "disclosure.pdf", render: async (d) => (await import("./pdf.ts")).renderPdf(d) },
  txt: { file: "disclosure.txt", render: async (d) => (await import("./text.ts")).renderText(d) },
};
