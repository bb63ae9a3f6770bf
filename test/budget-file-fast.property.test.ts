/**
 * The fast reading path (js-yaml / JSON.parse, locations only on demand) gives what the location-keeping
 * path (`yaml`, the only reader until issue 15) gives: the same budget, or the same error with the same
 * file, line, field and message. Budgets come from the generator, written the way `yusuan` writes them,
 * then the text is mutated where YAML is touchy: indentation, quotes, indicators, duplicate lines, and
 * values such as `yes`, `0101`, `~`, `2021-02-05`, a 400-digit number, tags, anchors and aliases.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { type ToStringOptions, stringify } from "yaml";
import { budgetToFile } from "../src/formats/budget-file/convert.ts";
import { UNSURE, loadYamlFast, loadYamlFastWithPlaces } from "../src/formats/budget-file/fast-load.ts";
import { lineOf, parseLocated } from "../src/formats/budget-file/locations.ts";
import { PLACES_UNSURE } from "../src/formats/budget-file/places.ts";
import { type ParsedBudget, parseBudgetDocument, parseBudgetDocumentWithLocations, parseBudgetText, parsePath } from "../src/formats/budget-file/read.ts";
import { InputError } from "../src/formats/errors.ts";
import { arbBudget, arbJiangsuBudget } from "./support/generate.ts";

/** These compare against `yaml`, tens of times slower than the fast path: room for a loaded machine. */
const SLOW = 180_000;
const RUNS = { numRuns: Number(process.env.YUSUAN_PROPERTY_RUNS ?? 50) };
const SAMPLE = readFileSync(new URL("../examples/luolong-shequ-2021/budget.yaml", import.meta.url), "utf8");

type Outcome = { budget: unknown; lines: (number | undefined)[] } | { problems: unknown } | { thrown: string };

/** Paths whose lines the check command asks for; a path that is not there points at its parent. */
const PATHS = ["year", "department.code", "units[0].name", "lineItems[0].amount", "lineItems[3].economic", "projects[0].indicators[1].target", "profile.duties"];

function outcome(read: () => ParsedBudget): Outcome {
  try {
    const { budget, locate } = read();
    return { budget, lines: PATHS.map((p) => locate(p)?.line) };
  } catch (e) {
    if (e instanceof InputError) return { problems: e.problems };
    return { thrown: String(e) };
  }
}

/** Paths that are not there, deep and shallow: each points at its nearest existing ancestor. */
const MISSING = ["lineItems[999].amount", "units[0].nope", "nope", "department.code.deeper", "units[0].name[2]", "projects[0].indicators[9].target", "lineItems.0.amount", "units[-1]"];

/** Every path of the data, containers and leaves: `a.b[2].c`. */
function everyPath(data: unknown, prefix = "", out: string[] = []): string[] {
  if (prefix !== "") out.push(prefix);
  if (Array.isArray(data)) data.forEach((v, i) => everyPath(v, `${prefix}[${i}]`, out));
  else if (data !== null && typeof data === "object") for (const [k, v] of Object.entries(data)) everyPath(v, prefix === "" ? k : `${prefix}.${k}`, out);
  return out;
}

function bothPaths(text: string, format: "yaml" | "json"): void {
  const fast = outcome(() => parseBudgetDocument(text, "budget.yaml", format));
  const located = outcome(() => parseBudgetDocumentWithLocations(text, "budget.yaml", format));
  expect(fast).toEqual(located);
  if (!("budget" in fast) || format !== "yaml") return;
  // the line of every path of the data, as recorded during js-yaml's parse, is the one `yaml` gives
  const data = loadYamlFast(text);
  if (data === UNSURE) return;
  const fastLocate = parseBudgetDocument(text, "budget.yaml", format).locate;
  const yamlLocate = parseBudgetDocumentWithLocations(text, "budget.yaml", format).locate;
  for (const path of [...everyPath(data), ...MISSING]) expect([path, fastLocate(path)?.line]).toEqual([path, yamlLocate(path)?.line]);
}

/** Values YAML resolvers disagree on, written in place of a value. */
const TOUCHY_VALUES = [
  "yes", "no", "on", "off", "Off", "y", "0101", "0o17", "0x1F", "-0x1F", "0b101", "1_000", "~", "null", "", "2021-02-05", "2021-02-05 10:00:00",
  "9".repeat(400), "1e400", "-.inf", ".nan", "12345678901234567890", "1.", ".5", "+5", "-0", "true", "TRUE", "!!str 12", "!!int 12", "! 12",
  "&a 12", "*a", "'0101'", '"0101"', "[1, 2]", "{a: 1}", "|\n  text", ">-\n  text", "1:20", "<<: {b: 1}", "'it''s'", '"\\u00e9"', "%x",
];
const TOUCHY_CHARS = [":", "-", " ", "  ", "\n", "\t", "#", "'", '"', "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "?", "%", "@", "`", "~", "0", ".", "<<: "];

type Mutation =
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "value"; at: number; value: string }
  | { kind: "duplicate-line"; at: number }
  | { kind: "indent"; at: number; by: number };

const arbMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.constantFrom(...TOUCHY_CHARS) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant("value" as const), at: fc.nat(), value: fc.constantFrom(...TOUCHY_VALUES) }),
  fc.record({ kind: fc.constant("duplicate-line" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("indent" as const), at: fc.nat(), by: fc.integer({ min: -2, max: 2 }) }),
);

function mutate(text: string, m: Mutation): string {
  if (text.length === 0) return text;
  const lines = text.split("\n");
  switch (m.kind) {
    case "insert": {
      const at = m.at % text.length;
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case "delete": {
      const at = m.at % text.length;
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case "value": {
      // the value after the n-th "key: " of the text
      const starts = [...text.matchAll(/: /g)].map((x) => x.index + 2);
      if (starts.length === 0) return text;
      const at = starts[m.at % starts.length]!;
      const end = text.indexOf("\n", at);
      const close = /[,}\]]/.exec(text.slice(at, end < 0 ? undefined : end));
      const stop = close ? at + close.index : end < 0 ? text.length : end;
      return text.slice(0, at) + m.value + text.slice(stop);
    }
    case "duplicate-line": {
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i]!);
      return lines.join("\n");
    }
    case "indent": {
      const i = m.at % lines.length;
      lines[i] = m.by > 0 ? " ".repeat(m.by) + lines[i]! : lines[i]!.slice(-m.by);
      return lines.join("\n");
    }
  }
}

const arbYamlOptions: fc.Arbitrary<ToStringOptions> = fc.constantFrom<ToStringOptions>(
  { lineWidth: 0 },
  {},
  { collectionStyle: "flow" },
  { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" },
  { indentSeq: false, indent: 4 },
);

describe("the fast reading path and the location-keeping path agree", () => {
  it("on generated budgets as YAML, in the styles people and `yusuan` write", () => {
    fc.assert(
      // (Jiangsu-style budgets too: natures 单位预留机动经费 and 结转下年资金, source 债务资金)
      fc.property(fc.oneof(arbBudget, arbJiangsuBudget), arbYamlOptions, (budget, options) => {
        const text = stringify(budgetToFile(budget), options);
        bothPaths(text, "yaml");
        // and the budget read back is the one written
        expect(parseBudgetText(text, "b.yaml", "yaml")).toEqual(budget);
        // and it was the fast loader that read it, not the location-keeping parser standing in
        expect(loadYamlFast(text)).not.toBe(UNSURE);
        // and the lines came from the places recorded in that parse, not from `yaml`
        const loaded = loadYamlFastWithPlaces(text);
        expect(loaded !== UNSURE && loaded.places !== PLACES_UNSURE && loaded.places.sure()).toBe(true);
      }),
      RUNS,
    );
  }, SLOW);

  it("on generated budgets as YAML with mutated text (values, indicators, indentation, duplicate keys)", () => {
    fc.assert(
      fc.property(arbBudget, arbYamlOptions, fc.array(arbMutation, { minLength: 1, maxLength: 4 }), (budget, options, mutations) => {
        const text = mutations.reduce(mutate, stringify(budgetToFile(budget), options));
        bothPaths(text, "yaml");
      }),
      { numRuns: RUNS.numRuns * 2 },
    );
  }, SLOW);

  it("on the sample with mutated text", () => {
    fc.assert(
      fc.property(fc.array(arbMutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        bothPaths(mutations.reduce(mutate, SAMPLE), "yaml");
      }),
      RUNS,
    );
  }, SLOW);

  it("on generated budgets as JSON, plain and mutated (duplicate keys included)", () => {
    fc.assert(
      fc.property(arbBudget, fc.boolean(), fc.array(arbMutation, { maxLength: 3 }), (budget, pretty, mutations) => {
        const text = mutations.reduce(mutate, JSON.stringify(budgetToFile(budget), null, pretty ? 2 : undefined));
        bothPaths(text, "json");
      }),
      RUNS,
    );
  }, SLOW);

  const minimal = (extra: string) => `year: 2021
department: { code: "901", name: 测试部门 }
date: "2021-02"
units:
  - { code: "901001", name: 测试单位, type: 行政 }
  - code: 901002
    name: 测试二
    type: 事业
    staffing: { authorized: 5, actual: 4 }
    prior: { year: 2020, total: 100 }
lineItems:
  - { unit: "901001", functional: "2010101", economic: "30101", nature: 基本, source: 财政拨款, amount: 12345.67 }
  - unit: "901002"
    functional: 2010101
    economic: "30201"
    nature: 项目
    project: P1
    source: 财政拨款
    amount: "1.5万元"
    memo: 办公
projects:
  - { code: P1, name: 项目一, unit: "901002", class: 一般性项目, specialTransfer: false, indicators: [{ level1: 产出指标, level3: 数量, target: 5 }] }
profile: { duties: [], organisation: "" }
${extra}`;

  it("on every touchy value in every place of a small budget", () => {
    const text = minimal("");
    const places = [...text.matchAll(/: /g)].map((x) => x.index);
    let compared = 0;
    for (const value of TOUCHY_VALUES) {
      for (let at = 0; at < places.length; at++) {
        bothPaths(mutate(text, { kind: "value", at, value }), "yaml");
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  }, SLOW);

  it("on hand-picked texts where YAML readers differ", () => {
    for (const extra of ["date: 2021-02-05", "%YAML 1.1\n---\n", "prior: { year: 2020, total: 1e400 }", "date: !!timestamp 2021-02-05", "reasons: {total: &r 增加, basic: *r}", "year: 2022", "department: {code: 1}", "assets: { asOf: 2020-12-31, vehicles: { ~: 1, 1: 2, true: 3, 0x10: 4, constructor: 5 } }",
      "assets: { asOf: 2020-12-31, vehicles: {[轿车]:1, {a: 1}: 2} }",
      // many aliases: `yaml` stops at its limit (against "billion laughs"), which the fast path must not skip
      `assets: { asOf: 2020-12-31, vehicles: { a: &n 1, ${Array.from({ length: 150 }, (_, i) => `v${i}: *n`).join(", ")} } }`]) {
      const text = extra.startsWith("%") ? extra + minimal("") : minimal(extra);
      bothPaths(text, "yaml");
    }
    bothPaths(JSON.stringify({ year: 2021 }).replace("}", ', "year": 2022}'), "json");
    // a flow mapping broken over two lines, its second line indented no further than the block sequence it
    // sits in: js-yaml reads it, `yaml` refuses it (found by the mutation test on Node 24 in CI)
    const broken = SAMPLE.replace(/\n( {2}- \{ unit:)( "313001", functional: "2080208")/, "\n$1\n$2");
    expect(broken).not.toBe(SAMPLE);
    expect(loadYamlFast(broken)).toBe(UNSURE);
    bothPaths(broken, "yaml");
  });
});

describe("places recorded during js-yaml's parse", () => {
  it("give `yaml`'s line for empty values, comments, flow and block styles, in any data", () => {
    const texts = [
      "a:\nb: 1\n",
      "a:   # none\n\n  # more\nb:\n  - \n  - x\n  -\n",
      "# head\n\n---\na: { b: , c: [ 0, 1 ] }\nd:\n\n  e: 1\n",
      "a: [\n  1,\n  { b: 2 }\n]\nc: |\n  text\nd: >-\n  more\n",
      "- 1\n- - 2\n  - a: 3\n    b:\n",
      "\uFEFFa: 1\r\nb:\r\n  c: 2\r\n",
      "{ a: 1, 2: b, true: c, 0x10: d }\n",
      "- { a: 1,\n    b: 2 }\n",
    ];
    const unsure: string[] = [];
    for (const text of texts) {
      const loaded = loadYamlFastWithPlaces(text);
      if (loaded === UNSURE) throw new Error(`not read by the fast loader: ${JSON.stringify(text)}`);
      // unsure is allowed (read.ts then asks `yaml`); a wrong line is not
      if (loaded.places === PLACES_UNSURE || !loaded.places.sure()) {
        unsure.push(text);
        continue;
      }
      const located = parseLocated(text);
      const paths = [...everyPath(loaded.data), ...MISSING, "a.b", "a.c[0]", "a.c[1]", "b[0]", "b[2]", "[1][1].b", "2", "true", "16", "[1].0"];
      for (const path of paths) expect([text, path, loaded.places.lineOf(parsePath(path))]).toEqual([text, path, lineOf(located, parsePath(path))]);
    }
    // a block sequence item left empty (`-` alone) has no node of its own in js-yaml: left to `yaml`
    expect(unsure).toEqual([texts[1]]);
  });
});
