/**
 * 纯文本导入 — plain-text documents like the seed (markdown headings, narrative paragraphs, tables as
 * tab-separated rows after a title line) and Yusuan's own `txt` output, read into the document model.
 * Never throws: what cannot be read becomes a reading problem.
 */
import type { Finding } from "../../core/rules/finding.ts";
import type { DocumentFile, NarrativeSection, SourcePlace } from "../core/document.ts";
import { joinBrokenLines } from "../core/paragraphs.ts";
import { readingProblem } from "../core/reading.ts";
import { decodeText } from "./decode.ts";
import { type Line, TEXT_LIMITS, type TextLimits, classifyLines } from "./text-lines.ts";
import { findTables } from "./text-tables.ts";

export { TEXT_LIMITS, type TextLimits } from "./text-lines.ts";

/** Reads one text file (its content as a string, or the bytes as stored) into the document model. */
export function importText(name: string, input: string | Uint8Array, limits: TextLimits = TEXT_LIMITS): DocumentFile {
  const problems: Finding[] = [];
  const file: DocumentFile = { name, format: "text", parts: [{ kind: "whole", index: 1, read: true }], tables: [], sections: [], problems };
  let text: string;
  if (typeof input === "string") text = input;
  else {
    const decoded = decodeText(name, input.length > limits.maxChars * 4 ? input.subarray(0, limits.maxChars * 4) : input);
    problems.push(...decoded.problems);
    if (decoded.text === undefined) {
      file.parts[0]!.read = false;
      return file;
    }
    text = decoded.text;
  }
  if (text.trim() === "") {
    problems.push(readingProblem("read.empty", `${name} 没有内容 / ${name} is empty`, { file: name }));
    return file;
  }
  const lines = classifyLines(name, text, limits, problems);
  const consumed = new Uint8Array(lines.length);
  file.tables = findTables(name, lines, consumed, problems);
  file.sections = readSections(name, lines, consumed);
  if (file.tables.length === 0 && file.sections.every((s) => s.paragraphs.length === 0)) {
    problems.push(readingProblem("read.nothing-found", `${name} 中没有可识别的表格或说明文字 / no table or narrative text found in ${name}`, { file: name }));
  }
  return file;
}

/** Headings open sections (nested by level); the text lines between them become paragraphs. */
function readSections(file: string, lines: readonly Line[], consumed: Uint8Array): NarrativeSection[] {
  const sections: NarrativeSection[] = [];
  const stack: { level: number; text: string }[] = [];
  let current: NarrativeSection = { path: [], heading: "", place: { file, line: 1 }, paragraphs: [] };
  let run: { text: string; place: SourcePlace }[] = [];
  const flush = () => {
    if (run.length > 0) current.paragraphs.push(...joinBrokenLines(run));
    run = [];
  };
  const open = (s: NarrativeSection) => {
    flush();
    if (current.heading !== "" || current.paragraphs.length > 0) sections.push(current);
    current = s;
  };
  lines.forEach((l, i) => {
    if (consumed[i]) {
      flush();
      return;
    }
    if (l.kind === "heading") {
      while (stack.length > 0 && stack[stack.length - 1]!.level >= l.level) stack.pop();
      stack.push({ level: l.level, text: l.text });
      open({ path: stack.map((s) => s.text), heading: l.text, place: { file, line: l.line }, paragraphs: [] });
    } else if (l.kind === "text") run.push({ text: l.text, place: { file, line: l.line } });
  });
  open({ path: [], heading: "", place: { file }, paragraphs: [] });
  return sections;
}
