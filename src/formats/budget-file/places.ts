/**
 * Where each node of a YAML text starts, recorded during the one js-yaml parse (its `listener` option) so
 * that a finding can name a line without parsing the text again with `yaml`. Lines are the ones
 * locations.ts `lineOf` gives: the line a node's content starts on, the deepest existing node of a path.
 *
 * js-yaml calls the listener with 'open' when it starts reading a node (keys included) and 'close' when it
 * is done, `state.result` then holding the value. It also reads ahead and backs off (a flow collection is
 * first tried as a block mapping key): a node that opens before an earlier sibling ended means that sibling
 * was given up, and it is dropped; a flow collection read as a would-be key and then kept is the node itself.
 * Each collection is then checked against the data js-yaml returned (every
 * key and item must be the recorded one); where it is not, the recording answers UNSURE and read.ts asks
 * `yaml` as before.
 */
import type { State } from "js-yaml";

/** A node as recorded: where its content starts, and its entries when it is a collection. */
interface Place {
  /** offset of the first character of the node's content (for an empty node: where it was looked for) */
  at: number;
  result: unknown;
  pairs?: { key: unknown; place: Place | undefined }[];
  items?: Place[];
}

interface Frame {
  open: number;
  end: number;
  children: (Place & { end: number })[];
}

/** The recording could not be matched with the data: the caller must locate another way. */
export const PLACES_UNSURE: unique symbol = Symbol("places unsure");

/** Records node positions during a js-yaml load; `done(data)` matches them with the data it returned. */
export class PlaceRecorder {
  private readonly text: string;
  private readonly stack: Frame[] = [{ open: 0, end: 0, children: [] }];

  constructor(text: string) {
    this.text = text;
  }

  readonly listener = (event: "open" | "close", state: State): void => {
    if (event === "open") {
      const parent = this.stack[this.stack.length - 1]!;
      // siblings that ended after this node opens were read ahead and given up
      while (parent.children.length > 0 && parent.children[parent.children.length - 1]!.end > state.position) parent.children.pop();
      this.stack.push({ open: state.position, end: state.position, children: [] });
      return;
    }
    const frame = this.stack.pop()!;
    const end = state.position;
    const start = contentStart(this.text, frame.open);
    const place: Place & { end: number } = { at: start < end ? start : frame.open, result: state.result, end };
    const only = frame.children.length === 1 ? frame.children[0]! : undefined;
    // a flow collection where a block mapping could start was read as that mapping's key, found without a
    // ':' after it, and kept as the node: the node is its one child
    if (only && only.result === state.result && (only.pairs || only.items)) {
      place.pairs = only.pairs;
      place.items = only.items;
    } else if (state.kind === "mapping") place.pairs = pairsOf(frame.children, state.result);
    else if (state.kind === "sequence") place.items = itemsOf(frame.children, state.result);
    this.stack[this.stack.length - 1]!.children.push(place);
  };

  /** The recorded root, when every collection matched the data js-yaml returned. */
  done(data: unknown): Places | typeof PLACES_UNSURE {
    const roots = this.stack[0]!.children;
    if (this.stack.length !== 1 || roots.length !== 1 || roots[0]!.result !== data) return PLACES_UNSURE;
    if (!matches(roots[0]!)) return PLACES_UNSURE;
    // `yaml` counts lines at \n (and \r\n); a lone \r is a line break to js-yaml only
    if (/\r(?!\n)/.test(this.text)) return PLACES_UNSURE;
    return new Places(this.text, roots[0]!);
  }
}

/** Skips spaces, line breaks and comments from `i`: where a node's content starts. */
function contentStart(text: string, i: number): number {
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    if (c === 35 /* # */) {
      const eol = text.indexOf("\n", i);
      if (eol < 0) return text.length;
      i = eol;
      continue;
    }
    break;
  }
  return i;
}

const MISMATCH: Place = { at: -1, result: undefined };

/** Keys and values alternate; a key written without a value (`a:`) may have no value node. */
function pairsOf(children: readonly Place[], result: unknown): Place["pairs"] {
  if (result === null || typeof result !== "object") return [{ key: undefined, place: MISMATCH }];
  const record = result as Record<string, unknown>;
  const pairs: NonNullable<Place["pairs"]> = [];
  for (let i = 0; i < children.length; ) {
    const key = children[i]!;
    const name = String(key.result);
    if ((key.result !== null && typeof key.result === "object") || !Object.hasOwn(record, name)) return [{ key: undefined, place: MISMATCH }];
    const value = record[name];
    const next = children[i + 1];
    // a null key is refused by the fast loader, so a null after a key is its value
    if (next && Object.is(next.result, value)) {
      pairs.push({ key: key.result, place: next });
      i += 2;
    } else if (value === null) {
      pairs.push({ key: key.result, place: { at: key.at, result: null } });
      i += 1;
    } else return [{ key: undefined, place: MISMATCH }];
  }
  if (pairs.length !== Object.keys(record).length) return [{ key: undefined, place: MISMATCH }];
  return pairs;
}

function itemsOf(children: readonly Place[], result: unknown): Place[] {
  if (!Array.isArray(result) || children.length !== result.length || children.some((c, i) => !Object.is(c.result, result[i]))) return [MISMATCH];
  return [...children];
}

function matches(place: Place): boolean {
  if (place === MISMATCH) return false;
  if (place.pairs) return place.pairs.every((p) => p.place !== undefined && matches(p.place));
  if (place.items) return place.items.every(matches);
  return true;
}

/** The recorded places of a text's nodes, answering as locations.ts `lineOf` does. */
export class Places {
  private readonly text: string;
  private readonly root: Place;
  private lineStarts: number[] | undefined;

  constructor(text: string, root: Place) {
    this.text = text;
    this.root = root;
  }

  /** The line (1-based) of the deepest node that exists on the path; a missing field points at its parent. */
  lineOf(path: readonly PropertyKey[]): number {
    let place = this.root;
    for (const step of path) {
      const next = place.pairs ? place.pairs.find((p) => p.key === step)?.place : place.items ? place.items[itemIndex(step) ?? -1] : undefined;
      if (!next) break;
      place = next;
    }
    return this.lineAt(place.at);
  }

  private lineAt(offset: number): number {
    this.lineStarts ??= lineStartsOf(this.text);
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/** A path step as an index into a sequence, the way `yaml` reads one ("2" and 2 alike). */
function itemIndex(step: PropertyKey): number | undefined {
  const n = typeof step === "string" && step !== "" ? Number(step) : step;
  return typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : undefined;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
