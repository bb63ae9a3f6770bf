/** Output formats of `yusuan render`. Each writes one file per disclosure. */
import type { Disclosure } from "../core/disclosure.ts";
import { renderHtml } from "./html.ts";
import { renderJson } from "./json.ts";
import { renderPdf } from "./pdf.ts";
import { renderXlsx } from "./xlsx.ts";
import { renderText } from "./text.ts";

export interface Renderer {
  /** file name written in the output directory */
  file: string;
  render: (d: Disclosure) => Promise<string | Uint8Array> | string | Uint8Array;
}

export const RENDERERS: Record<string, Renderer> = {
  json: { file: "disclosure.json", render: renderJson },
  html: { file: "disclosure.html", render: renderHtml },
  xlsx: { file: "disclosure.xlsx", render: renderXlsx },
  pdf: { file: "disclosure.pdf", render: renderPdf },
  txt: { file: "disclosure.txt", render: renderText },
};
