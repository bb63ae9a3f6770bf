/**
 * 输入错误 — input that cannot be used. Each problem names the file and the place in it (line, sheet and
 * cell, or field path) with a message in Chinese first and English beside. The CLI prints these; it
 * never shows a stack trace.
 */
export interface InputProblem {
  file: string;
  /** "第12行 / line 12", "Sheet 明细!C7", or undefined when the whole file is at fault */
  where?: string;
  /** the field path in the data, e.g. lineItems[3].amount */
  field?: string;
  message: string;
}

export class InputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "InputError";
  }
}

export function formatProblem(p: InputProblem): string {
  const place = [p.file, p.where, p.field].filter(Boolean).join(" · ");
  return `${place}: ${p.message}`;
}

/** Dotted path with indexes: ["lineItems", 3, "amount"] → lineItems[3].amount */
export function fieldPath(path: readonly PropertyKey[]): string {
  let s = "";
  for (const k of path) s += typeof k === "number" ? `[${k}]` : s ? `.${String(k)}` : String(k);
  return s;
}
