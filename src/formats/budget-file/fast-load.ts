/**
 * The fast way from budget text to plain data: js-yaml for YAML, JSON.parse for JSON. Neither keeps
 * where a value was written; read.ts asks the location-keeping `yaml` parser for that only when a
 * message or a finding needs a line.
 *
 * The fast loaders must give exactly the data that `yaml` (YAML 1.2, core schema, unique keys) gives,
 * or say they cannot vouch for it (`UNSURE`), and the caller then reads the text the slow way. So:
 * - the core schema's null/bool/int/float are resolved with `yaml`'s own patterns and arithmetic (js-yaml's
 *   differ at the edges: a 400-digit integer stays a string there, Infinity here);
 * - map keys become strings as `yaml`'s toJS makes them (a null key is "", not "null");
 * - anything else `yaml` treats in its own way is refused: directives (`%YAML 1.1` turns `yes` into true
 *   there), aliases, explicit tags on scalars, non-scalar keys, duplicate keys, long implicit keys (`yaml`
 *   rejects keys over 1024 characters);
 * - every error is UNSURE too, so a bad file is always reported by `yaml`, with today's message and line.
 */
import { NOT_RESOLVED, Schema, YAMLException, defineMappingTag, defineScalarTag, load, seqTag, strTag } from "js-yaml";

/** The fast loader could not vouch for the data: read the text with the location-keeping parser. */
export const UNSURE: unique symbol = Symbol("unsure");
export type Unsure = typeof UNSURE;

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const DIGITS = [..."0123456789"];
/** A line starting with % (a directive such as %YAML 1.1, or text in a block scalar: then only slower). */
const DIRECTIVE = /^%/m;

/** Keys longer than this might have been over `yaml`'s 1024-character limit as written (escapes shrink). */
const LONG_KEY = 200;

// Explicitly tagged scalars (`!!int 5`) are left to `yaml`: each tag below resolves plain scalars only.
const nullTag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: ["", "~", "n", "N"],
  resolve: (s, explicit) => (!explicit && NULL.test(s) ? null : NOT_RESOLVED),
  identify: (v) => v === null,
});

const boolTag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: ["t", "T", "f", "F"],
  resolve: (s, explicit) => (!explicit && BOOL.test(s) ? s[0] === "t" || s[0] === "T" : NOT_RESOLVED),
  identify: (v) => typeof v === "boolean",
});

const intTag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: ["-", "+", ...DIGITS],
  resolve: (s, explicit) => {
    if (explicit) return NOT_RESOLVED;
    if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
    if (INT.test(s)) return parseInt(s, 10);
    if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
    return NOT_RESOLVED;
  },
  identify: (v) => Number.isInteger(v),
});

const floatTag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: ["-", "+", ".", ...DIGITS],
  resolve: (s, explicit) => {
    if (explicit) return NOT_RESOLVED;
    if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === "nan" ? NaN : s[0] === "-" ? -Infinity : Infinity;
    if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
    return NOT_RESOLVED;
  },
  identify: (v) => typeof v === "number",
});

const strictStrTag = defineScalarTag("tag:yaml.org,2002:str", {
  resolve: (s, explicit) => (explicit ? NOT_RESOLVED : s),
  identify: strTag.identify,
});

/** A mapping's key as `yaml`'s toJS writes it into a plain object. */
function keyText(key: unknown): string | undefined {
  if (key === null) return "";
  if (typeof key === "object") return undefined;
  const text = String(key);
  return text.length > LONG_KEY ? undefined : text;
}

const mapTag = defineMappingTag<Record<string, unknown>>("tag:yaml.org,2002:map", {
  create: () => ({}),
  addPair: (map, key, value) => {
    const k = keyText(key);
    if (k === undefined) return "left to the location-keeping parser: complex or long key";
    // As `yaml` writes it: an own property, even for __proto__ (assignment would set the prototype).
    if (k === "__proto__") Object.defineProperty(map, k, { value, writable: true, enumerable: true, configurable: true });
    else map[k] = value;
    return "";
  },
  has: (map, key) => {
    const k = keyText(key);
    return k !== undefined && Object.prototype.hasOwnProperty.call(map, k);
  },
  keys: (map) => Object.keys(map),
  get: (map, key) => map[String(key)],
  identify: (v) => typeof v === "object" && v !== null && !Array.isArray(v),
});

/** YAML 1.2 core schema as `yaml` 2 resolves it, without merge keys (`<<` is an ordinary key there). */
const CORE_AS_YAML = new Schema([strictStrTag, seqTag, mapTag, nullTag, boolTag, intTag, floatTag]);

/** YAML text → data, or UNSURE when `yaml` might read it differently (or not at all). */
export function loadYamlFast(text: string): unknown {
  if (DIRECTIVE.test(text)) return UNSURE;
  try {
    return load(text, { schema: CORE_AS_YAML, maxAliases: 0 });
  } catch (e) {
    if (e instanceof YAMLException || e instanceof RangeError) return UNSURE;
    throw e;
  }
}

/**
 * JSON text that JSON.parse accepted → its data, or UNSURE where `yaml` (which reads JSON as YAML, and
 * gave locations and errors until now) would differ: a duplicate key (an error there, last-wins here)
 * or a key too long for a YAML implicit key.
 */
export function jsonDataIfPlain(text: string, data: unknown): unknown {
  const written = countKeys(text);
  if (written === undefined) return UNSURE;
  return written === keysIn(data) ? data : UNSURE;
}

/** Number of object keys in JSON text (a string followed by ':'), or undefined on a long key. */
function countKeys(text: string): number | undefined {
  let keys = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (text.charCodeAt(i) !== 34 /* " */) continue;
    const start = i;
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 92 /* \ */) i++;
      else if (c === 34) break;
    }
    let j = i + 1;
    while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13 || text.charCodeAt(j) === 9)) j++;
    if (j < n && text.charCodeAt(j) === 58 /* : */) {
      if (j - start > 1000) return undefined;
      keys++;
    }
  }
  return keys;
}

function keysIn(v: unknown): number {
  if (v === null || typeof v !== "object") return 0;
  let n = 0;
  if (Array.isArray(v)) {
    for (const x of v) n += keysIn(x);
    return n;
  }
  for (const k in v) n += 1 + keysIn((v as Record<string, unknown>)[k]);
  return n;
}
