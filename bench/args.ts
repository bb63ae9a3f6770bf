/**
 * The benchmarks' command-line options, read by node:util `parseArgs`: flags (`--quick`), numbers
 * (`--n 1000`, `--n=1_000`) and comma lists (`--n 1000,10000`). An unknown option or a bad value ends the
 * run with one message and exit code 2.
 */
import { parseArgs } from "node:util";

type Values = Record<string, string | boolean | undefined>;

/** The options given, of those declared (each a string option unless named in `flags`). */
export function benchArgs(declared: { strings?: readonly string[]; flags?: readonly string[] }, argv: readonly string[] = process.argv.slice(2)): Values {
  const options: Record<string, { type: "string" | "boolean" }> = {};
  for (const name of declared.strings ?? []) options[name] = { type: "string" };
  for (const name of declared.flags ?? []) options[name] = { type: "boolean" };
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values as Values;
  } catch (e) {
    return fail((e as Error).message);
  }
}

/** A positive integer option (`_` allowed as a digit separator), or `fallback`. */
export function positiveInt(values: Values, name: string, fallback: number): number {
  return positiveInts(values, name, [fallback])[0]!;
}

/** Positive integers separated by commas, or `fallback`. */
export function positiveInts(values: Values, name: string, fallback: readonly number[]): number[] {
  const raw = values[name];
  if (raw === undefined) return [...fallback];
  const parsed = String(raw).split(",").map((s) => Number(s.trim().replace(/_/g, "")));
  if (parsed.some((n) => !Number.isInteger(n) || n <= 0)) return fail(`--${name} expects positive integers, e.g. --${name} 1000 or --${name} 1000,10000 (got "${String(raw)}")`);
  return parsed;
}

/** A comma list of words, or `fallback`. */
export function words(values: Values, name: string, fallback: readonly string[]): string[] {
  const raw = values[name];
  return raw === undefined ? [...fallback] : String(raw).split(",").map((s) => s.trim()).filter(Boolean);
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
