/**
 * The fast way from budget text to plain data: js-yaml for YAML, JSON.parse for JSON. js-yaml's parse
 * also records where each node was written (places.ts); for JSON, and where those places cannot be
 * matched with the data, read.ts asks the location-keeping `yaml` parser when a finding needs a line.
 *
 * The fast loaders must give exactly the data that `yaml` (YAML 1.2, core schema, unique keys) gives,
 * or say they cannot vouch for it (`UNSURE`), and the caller then reads the text the slow way. So:
 * - the core schema's null/bool/int/float are resolved with `yaml`'s own patterns and arithmetic (js-yaml's
 *   differ at the edges: a 400-digit integer stays a string there, Infinity here);
 * - text where `yaml` reads things its own way is left to it, found by a look at the text before parsing:
 *   directives (`%YAML 1.1` turns `yes` into true there), aliases (`yaml` limits them against "billion
 *   laughs"; js-yaml would hand shared objects on), tags, explicit or collection keys;
 * - and, after parsing, keys `yaml` would write otherwise: a null key (js-yaml "null", `yaml` ""), a long key
 *   (`yaml` rejects implicit keys over 1024 characters);
 * - every error is UNSURE too, so a bad file is always reported by `yaml`, with today's message and line.
 * Duplicate keys are an error in both. A look that finds too much only costs speed, never correctness.
 */
import { FAILSAFE_SCHEMA, type State, Type, YAMLException, load } from "js-yaml";
import { FlowWatcher, type PLACES_UNSURE, PlaceRecorder, type Places } from "./places.ts";

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

/**
 * What the fast loader leaves to `yaml`: a line starting with % (a directive), an alias (*) or a tag (!) where
 * a node may start, an explicit key (? ), a flow collection used as a key (]: or }:). Also matches such
 * characters inside text (a memo "5 *2", "[注1]: …"): those files are only read more slowly.
 */
const NODE_PROPERTY = /(?:^|[\s[\]{},:])[*!]|(?:^|[\s[{,])\?(?:\s|$)/m;
const COLLECTION_KEY = /[\]}][ \t]*:/;

function leftToYaml(text: string): boolean {
  if (text.startsWith("%") || text.includes("\n%")) return true;
  // the characters are looked for first, natively; the patterns run only where one is present
  if ((text.includes("*") || text.includes("!") || text.includes("?")) && NODE_PROPERTY.test(text)) return true;
  return COLLECTION_KEY.test(text);
}

/** Keys longer than this might have been over `yaml`'s 1024-character limit as written (escapes shrink). */
const LONG_KEY = 200;

/** A plain scalar's text, when its first character could start the type's forms ("" when it cannot). */
function startingWith(s: unknown, first: (c: number) => boolean): string {
  return typeof s === "string" && s.length > 0 && first(s.charCodeAt(0)) ? s : "";
}
const isDigit = (c: number) => c >= 48 && c <= 57;
const isSign = (c: number) => c === 43 || c === 45;

const nullType = new Type("tag:yaml.org,2002:null", {
  kind: "scalar",
  resolve: (s) => {
    if (s === null || s === "") return true;
    const t = startingWith(s, (c) => c === 126 || c === 110 || c === 78);
    return t !== "" && NULL.test(t);
  },
  construct: () => null,
});

const boolType = new Type("tag:yaml.org,2002:bool", {
  kind: "scalar",
  resolve: (s) => BOOL.test(startingWith(s, (c) => c === 116 || c === 84 || c === 102 || c === 70)),
  construct: (s: string) => s[0] === "t" || s[0] === "T",
});

const intType = new Type("tag:yaml.org,2002:int", {
  kind: "scalar",
  resolve: (s) => {
    const t = startingWith(s, (c) => isDigit(c) || isSign(c));
    return t !== "" && (INT.test(t) || INT_OCT.test(t) || INT_HEX.test(t));
  },
  construct: (s: string) => (INT.test(s) ? parseInt(s, 10) : INT_OCT.test(s) ? parseInt(s.substring(2), 8) : parseInt(s.substring(2), 16)),
});

const floatType = new Type("tag:yaml.org,2002:float", {
  kind: "scalar",
  resolve: (s) => {
    const t = startingWith(s, (c) => isDigit(c) || isSign(c) || c === 46);
    return t !== "" && (FLOAT.test(t) || FLOAT_EXP.test(t) || FLOAT_NAN.test(t));
  },
  construct: (s: string) => (FLOAT_NAN.test(s) ? (s.slice(-3).toLowerCase() === "nan" ? NaN : s[0] === "-" ? -Infinity : Infinity) : parseFloat(s)),
});

/** YAML 1.2 core schema as `yaml` 2 resolves it, without merge keys (`<<` is an ordinary key there). */
const CORE_AS_YAML = FAILSAFE_SCHEMA.extend({ implicit: [nullType, boolType, intType, floatType] });

/** What watches js-yaml's parse: its listener, and whether a flow collection spans lines (`yaml` reads those otherwise). */
interface ParseWatcher {
  readonly listener: (event: "open" | "close", state: State) => void;
  readonly multilineFlow: boolean;
}

/** js-yaml's parse of the text with a watcher made for it, or UNSURE when `yaml` might read it differently (or not at all). */
function loadWatched<W extends ParseWatcher>(text: string, watch: (body: string) => W): { data: unknown; watcher: W } | Unsure {
  if (leftToYaml(text)) return UNSURE;
  // js-yaml drops a byte order mark before reading, so its offsets are into the text without it
  const watcher = watch(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  let data: unknown;
  try {
    data = load(text, { schema: CORE_AS_YAML, listener: watcher.listener });
  } catch (e) {
    if (e instanceof YAMLException || e instanceof RangeError) return UNSURE;
    throw e;
  }
  if (watcher.multilineFlow) return UNSURE;
  // an empty text: js-yaml gives undefined, `yaml` null
  return data !== undefined && keysAsYamlWrites(data) ? { data, watcher } : UNSURE;
}

/**
 * YAML text → data, or UNSURE when `yaml` might read it differently (or not at all). The same checks as
 * `loadYamlFastWithPlaces`, without recording where each node was written.
 */
export function loadYamlFast(text: string): unknown {
  const r = loadWatched(text, (body) => new FlowWatcher(body));
  return r === UNSURE ? UNSURE : r.data;
}

/**
 * The same, with where each node was written (places.ts), recorded during the same parse; `places` is
 * PLACES_UNSURE where the recording could not be matched with the data, and lines must come from `yaml`.
 */
export function loadYamlFastWithPlaces(text: string): { data: unknown; places: Places | typeof PLACES_UNSURE } | Unsure {
  const r = loadWatched(text, (body) => new PlaceRecorder(body));
  return r === UNSURE ? UNSURE : { data: r.data, places: r.watcher.done(r.data) };
}

/** Whether every key is one `yaml` writes the same: not from a null key, not long. */
function keysAsYamlWrites(v: unknown): boolean {
  if (v === null || typeof v !== "object") return true;
  if (Array.isArray(v)) return v.every(keysAsYamlWrites);
  for (const k in v) {
    if (k === "null" || k.length > LONG_KEY || !keysAsYamlWrites((v as Record<string, unknown>)[k])) return false;
  }
  return true;
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
