/**
 * Budget text (YAML or JSON) → a budget, synchronously, with the location-keeping `yaml` parser at hand for
 * whatever the fast path cannot answer. Reading from disk is read-file.ts, which loads this module (and so
 * `yaml`) only when it needs it.
 */
import type { z } from "zod";
import type { Budget } from "../../core/model.ts";
import { InputError, type InputProblem, fieldPath } from "../errors.ts";
import { fileToBudget } from "./convert.ts";
import { UNSURE, jsonDataIfPlain } from "./fast-load.ts";
import { type LocatedText, lineOf, parseLocated } from "./locations.ts";
import { PLACES_UNSURE } from "./places.ts";
import { type ParsedBudget, type SourcePlace, isRecord, locateIn, parsePath, parseYamlFast } from "./read-file.ts";
import { budgetFileSchema } from "./schema.ts";

export {
  type BudgetReader,
  MAX_BUDGET_FILE_BYTES,
  type ParsedBudget,
  type ReadBudget,
  type SourcePlace,
  parsePath,
  readBudget,
  registerBudgetReader,
  resolveBudgetFile,
} from "./read-file.ts";

/** Parses budget text (YAML or JSON). `file` is only used in messages. */
export function parseBudgetText(text: string, file: string, format: "yaml" | "json"): Budget {
  return parseBudgetDocument(text, file, format).budget;
}

/**
 * Parses budget text; `locate` finds the line of a field. The common path is fast (js-yaml or JSON.parse),
 * YAML with the places js-yaml's parse recorded; the location-keeping `yaml` parser runs only when `locate`
 * is first called on JSON or on YAML whose places could not be matched with the data (places.ts), and every
 * failure is read again by it, so each message names the line it always has.
 */
export function parseBudgetDocument(text: string, file: string, format: "yaml" | "json"): ParsedBudget {
  if (format === "yaml") {
    const fast = parseYamlFast(text);
    if (!fast) return parseBudgetDocumentWithLocations(text, file, format);
    const { places } = fast;
    if (places === PLACES_UNSURE) return { budget: fast.budget, locate: locateWithYaml(text) };
    // whether the places match the data is checked on the first `locate`; where not, `yaml` answers
    const fromPlaces = locateIn(places);
    const fromYaml = locateWithYaml(text);
    return { budget: fast.budget, locate: (path) => (places.sure() ? fromPlaces(path) : fromYaml(path)) };
  }
  const data = jsonDataIfPlain(text, parseJson(text, file));
  if (data === UNSURE || !isRecord(data)) return parseBudgetDocumentWithLocations(text, file, format);
  const parsed = budgetFileSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return parseBudgetDocumentWithLocations(text, file, format);
  return { budget: fileToBudget(parsed.data), locate: locateWithYaml(text) };
}

/**
 * Budget data already parsed (a client's JSON body) → a budget. Its text would be one line, so there is no
 * line to name: a problem names its field. Nothing is serialised or read again by the `yaml` parser, so a
 * 1 MB name is refused by the schema's length check in the time the schema takes (issue 19).
 */
export function parseBudgetData(data: unknown, file: string): Budget {
  if (!isRecord(data)) throw new InputError([{ file, message: "文件内容应为一个预算对象 / the file must hold one budget object" }]);
  const parsed = budgetFileSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new InputError(issuesToProblems(parsed.error.issues, file));
  return fileToBudget(parsed.data);
}

/** `locate` by the `yaml` parser, run the first time it is called. */
function locateWithYaml(text: string): (path: string) => SourcePlace | undefined {
  let located: LocatedText | undefined;
  return (path) => {
    located ??= parseLocated(text);
    const line = lineOf(located, parsePath(path));
    return line ? { line } : undefined;
  };
}

/**
 * The same, reading with the location-keeping parser from the start: what every file went through before
 * the fast path, kept as the reference the fast path is tested against, and used whenever it is unsure.
 */
export function parseBudgetDocumentWithLocations(text: string, file: string, format: "yaml" | "json"): ParsedBudget {
  if (format === "json") parseJson(text, file);
  // JSON is YAML 1.2, so one parser gives line numbers for both.
  const located = parseLocated(text);
  const { doc, lines } = located;
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.slice(0, 1).map((err) => {
        const line = lines.linePos(err.pos[0]).line;
        return { file, where: `第${line}行 / line ${line}`, message: `YAML 格式错误 / invalid YAML: ${err.message.split("\n")[0]}` };
      }),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // `yaml` stops a "billion laughs" document (aliases that expand without end) with a ReferenceError.
    throw new InputError([{ file, message: `YAML 别名展开过多，文件被拒绝 / too many YAML aliases to expand (a "billion laughs" document?): ${(e as Error).message}` }]);
  }
  if (!isRecord(data)) throw new InputError([{ file, message: "文件内容应为一个预算对象 / the file must hold one budget object" }]);
  const parsed = budgetFileSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new InputError(issuesToProblems(parsed.error.issues, file, located));
  const locate = (path: string): SourcePlace | undefined => {
    const line = lineOf(located, parsePath(path));
    return line ? { line } : undefined;
  };
  return { budget: fileToBudget(parsed.data), locate };
}


/** JSON.parse, with its error as an InputError naming the line. */
function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const pos = /position (\d+)/.exec(String(e))?.[1];
    const line = pos ? text.slice(0, Number(pos)).split("\n").length : undefined;
    throw new InputError([{ file, where: line ? `第${line}行 / line ${line}` : undefined, message: `JSON 格式错误 / invalid JSON: ${(e as Error).message}` }]);
  }
}

function issuesToProblems(issues: readonly z.core.$ZodIssue[], file: string, located?: LocatedText): InputProblem[] {
  return issues.slice(0, 50).map((issue) => {
    const line = located && lineOf(located, issue.path);
    return { file, where: line ? `第${line}行 / line ${line}` : undefined, field: fieldPath(issue.path) || undefined, message: issueMessage(issue) };
  });
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "unrecognized_keys":
      return `未知字段 / unknown field: ${issue.keys.join(", ")}`;
    case "invalid_type":
      return issue.input === undefined ? `缺少必填字段 / missing required field` : `类型错误，应为 ${issue.expected} / wrong type, expected ${issue.expected}`;
    case "too_small":
      return `内容不足 / too small: ${issue.message}`;
    case "invalid_format":
      return `格式错误 / wrong format: ${issue.message}`;
    case "invalid_union":
      return `取值无效 / invalid value (neither form of this field matches)`;
    default:
      return issue.message;
  }
}
