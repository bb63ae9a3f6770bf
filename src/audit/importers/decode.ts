/**
 * 解码 — bytes to text for the text importer: refuses binary content, reads UTF-8 (with or without BOM) and
 * falls back to GB18030, the usual encoding of Chinese government text files. Never throws.
 */
import type { Finding } from "../../core/rules/finding.ts";
import { readingProblem } from "../core/reading.ts";

export interface Decoded {
  /** undefined when the bytes are not text */
  text?: string;
  problems: Finding[];
}

/** Bytes looked at to decide whether a file is text. */
const SNIFF_BYTES = 65_536;

/** NUL bytes, or more than 5% control characters other than tab, newline, carriage return and form feed. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.05;
}

export function decodeText(file: string, bytes: Uint8Array): Decoded {
  if (looksBinary(bytes)) {
    return { problems: [readingProblem("read.not-text", `${file} 不是文本文件（含 NUL 或大量控制字符），未读取 / ${file} is not a text file (NUL bytes or many control characters): not read`, { file })] };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), problems: [] };
  } catch {
    // mostly UTF-8 with a few bad bytes (a file cut inside a character, a stray byte): keep UTF-8
    const utf8 = new TextDecoder("utf-8").decode(bytes);
    const bad = (utf8.match(/\uFFFD/g) ?? []).length;
    if (bad / Math.max(1, utf8.length) < 0.001 || (bad <= 3 && bad / Math.max(1, utf8.length) < 0.01)) {
      return { text: utf8, problems: [readingProblem("read.encoding", `${file} 中有 ${bad} 处不是有效的 UTF-8（如文件在字符中间截断），已替换 / ${bad} invalid UTF-8 sequences in ${file} (e.g. cut inside a character) were replaced`, { file })] };
    }
    const text = new TextDecoder("gb18030").decode(bytes);
    return {
      text,
      problems: [readingProblem("read.encoding", `${file} 不是有效的 UTF-8，已按 GB18030 解码 / ${file} is not valid UTF-8: decoded as GB18030`, { file })],
    };
  }
}
