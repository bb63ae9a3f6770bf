/**
 * Where each node of a YAML text starts, recorded during the one js-yaml parse (its `listener` option) so
 * that a finding can name a line without parsing the text again with `yaml`. Lines are the ones
 * locations.ts `lineOf` gives: the line a node's content starts on, the deepest existing node of a path.
 *
 * js-yaml calls the listener with 'open' when it starts reading a node (keys included) and 'close' when it
 * is done, `state.result` then holding the value. It also reads ahead and backs off (a flow collection is
 * first tried as a block mapping key): a node that opens before an earlier sibling ended means that sibling
 * was given up, and it is dropped; a flow collection read as a would-be key and then kept is the node itself.
 * On the first question each collection is checked against the data js-yaml returned (every key and item
 * must be the recorded one); where one is not, the places are not sure() and read.ts asks `yaml` as before.
 */
import type { State } from "js-yaml";
import { lineIndex } from "../text-lines.ts";

/** A node as js-yaml read it: offsets where it was opened and closed, its value, and the nodes read inside it. */
interface Recorded {
  open: number;
  end: number;
  result: unknown;
  kind: string | null;
  children: Recorded[];
}

/** A node matched with the data: where its content starts, and its entries when it is a collection. */
interface Place {
  /** offset of the first character of the node's content (for an empty node: where it was looked for) */
  at: number;
  pairs?: { key: unknown; place: Place }[];
  items?: Place[];
}

/** The recording could not be matched with the data: the caller must locate another way. */
export const PLACES_UNSURE: unique symbol = Symbol("places unsure");

/**
 * Records nodes during a js-yaml load; `done(data)` gives the places. The listener only records (every read
 * pays for it); matching with the data waits for the first question (`Places.sure`).
 */
export class PlaceRecorder {
  private readonly text: string;
  private readonly stack: Recorded[] = [{ open: 0, end: 0, result: undefined, kind: null, children: [] }];
  /**
   * A flow collection ({…} or […]) written over several lines was read. js-yaml accepts its continuation
   * lines at any indentation, where `yaml` wants them indented past the block around it: such a text is
   * left to `yaml`.
   */
  multilineFlow = false;

  constructor(text: string) {
    this.text = text;
  }

  readonly listener = (event: "open" | "close", state: State): void => {
    if (event === "open") {
      const siblings = this.stack[this.stack.length - 1]!.children;
      // siblings that ended after this node opens were read ahead and given up
      while (siblings.length > 0 && siblings[siblings.length - 1]!.end > state.position) siblings.pop();
      this.stack.push({ open: state.position, end: state.position, result: undefined, kind: null, children: [] });
      return;
    }
    const node = this.stack.pop()!;
    node.end = state.position;
    node.result = state.result;
    node.kind = state.kind;
    if ((node.kind === "mapping" || node.kind === "sequence") && !this.multilineFlow) this.multilineFlow = spansLinesAsFlow(this.text, node);
    this.stack[this.stack.length - 1]!.children.push(node);
  };

  /** The places of the nodes js-yaml read into `data`. */
  done(data: unknown): Places | typeof PLACES_UNSURE {
    const roots = this.stack[0]!.children;
    if (this.stack.length !== 1 || roots.length !== 1 || roots[0]!.result !== data) return PLACES_UNSURE;
    return new Places(this.text, roots[0]!);
  }
}

/**
 * Only the `multilineFlow` question of PlaceRecorder, for a reader that needs no places: the same test on
 * the same nodes (read-ahead ones included), without keeping the nodes.
 */
export class FlowWatcher {
  private readonly opened: number[] = [];
  multilineFlow = false;

  constructor(private readonly text: string) {}

  readonly listener = (event: "open" | "close", state: State): void => {
    if (event === "open") {
      this.opened.push(state.position);
      return;
    }
    const open = this.opened.pop()!;
    if ((state.kind === "mapping" || state.kind === "sequence") && !this.multilineFlow) this.multilineFlow = spansLinesAsFlow(this.text, { open, end: state.position });
  };
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

/**
 * Whether a node is a flow collection written over several lines with a line `yaml` might refuse: it wants
 * each continuation line indented past the block collection the flow collection sits in. Taken here as past
 * where the content of the collection's first line starts once spaces and "- " are skipped, a line that
 * only closes collections (`]`, `}`) being allowed back at the first line's indentation. Nested flow
 * collections are covered by their outermost one, whose lines they are.
 */
const CLOSING_ONLY = /^[\]}][\]}, \t]*\r?$/;

function spansLinesAsFlow(text: string, node: { open: number; end: number }): boolean {
  const start = contentStart(text, node.open);
  const c = text.charCodeAt(start);
  if (c !== 123 /* { */ && c !== 91 /* [ */) return false;
  let eol = text.indexOf("\n", start);
  if (eol < 0 || eol >= node.end) return false;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  let indent = lineStart;
  while (text.charCodeAt(indent) === 32) indent++;
  let content = indent;
  while (text.charCodeAt(content) === 45 /* - */ && text.charCodeAt(content + 1) === 32) for (content += 1; text.charCodeAt(content) === 32; ) content++;
  const blockIndent = indent - lineStart;
  const contentColumn = content - lineStart;
  while (eol >= 0 && eol < node.end) {
    let i = eol + 1;
    while (text.charCodeAt(i) === 32) i++;
    const d = text.charCodeAt(i);
    const column = i - eol - 1;
    const blank = d === 10 || d === 13 || Number.isNaN(d);
    const closing = CLOSING_ONLY.test(text.slice(i, (text.indexOf("\n", i) + 1 || text.length + 1) - 1));
    if (!blank && !(closing ? column >= blockIndent : column > contentColumn)) return true;
    eol = text.indexOf("\n", i);
  }
  return false;
}

class Mismatch extends Error {}

/** The node's place and its entries', checked against its value; throws Mismatch where they differ. */
function placeOf(text: string, node: Recorded): Place {
  const start = contentStart(text, node.open);
  const place: Place = { at: start < node.end ? start : node.open };
  let { children } = node;
  // a flow collection where a block mapping could start was read as that mapping's key, found without a
  // ':' after it, and kept as the node: the node is its one child
  while (children.length === 1 && children[0]!.result === node.result && node.result !== null && typeof node.result === "object") children = children[0]!.children;
  if (Array.isArray(node.result)) place.items = itemsOf(text, children, node.result);
  else if (node.result !== null && typeof node.result === "object") place.pairs = pairsOf(text, children, node.result as Record<string, unknown>);
  return place;
}

/** Keys and values alternate; a key written without a value (`a:`) may have no value node. */
function pairsOf(text: string, children: readonly Recorded[], record: Record<string, unknown>): Place["pairs"] {
  const pairs: NonNullable<Place["pairs"]> = [];
  for (let i = 0; i < children.length; ) {
    const key = children[i]!;
    const name = String(key.result);
    if ((key.result !== null && typeof key.result === "object") || !Object.hasOwn(record, name)) throw new Mismatch();
    const value = record[name];
    const next = children[i + 1];
    // a null key is refused by the fast loader, so a null after a key is its value
    if (next && Object.is(next.result, value)) {
      pairs.push({ key: key.result, place: placeOf(text, next) });
      i += 2;
    } else if (value === null) {
      pairs.push({ key: key.result, place: { at: placeOf(text, key).at } });
      i += 1;
    } else throw new Mismatch();
  }
  if (pairs.length !== Object.keys(record).length) throw new Mismatch();
  return pairs;
}

function itemsOf(text: string, children: readonly Recorded[], items: readonly unknown[]): Place[] {
  if (children.length !== items.length || children.some((c, i) => !Object.is(c.result, items[i]))) throw new Mismatch();
  return children.map((c) => placeOf(text, c));
}

/** The recorded places of a text's nodes, answering as locations.ts `lineOf` does. */
export class Places {
  private readonly text: string;
  private readonly recorded: Recorded;
  private root: Place | typeof PLACES_UNSURE | undefined;
  private lineOfOffset: ((offset: number) => number) | undefined;

  constructor(text: string, recorded: Recorded) {
    this.text = text;
    this.recorded = recorded;
  }

  /** Whether every node matched the data (checked once, on the first question). */
  sure(): boolean {
    return this.resolve() !== PLACES_UNSURE;
  }

  private resolve(): Place | typeof PLACES_UNSURE {
    // `yaml` counts lines at \n (and \r\n); a lone \r is a line break to js-yaml only
    if (this.root === undefined && /\r(?!\n)/.test(this.text)) this.root = PLACES_UNSURE;
    try {
      this.root ??= placeOf(this.text, this.recorded);
    } catch (e) {
      if (!(e instanceof Mismatch)) throw e;
      this.root = PLACES_UNSURE;
    }
    return this.root;
  }

  /**
   * The line (1-based) of the deepest node that exists on the path; a missing field points at its parent.
   * Undefined when the places are not sure().
   */
  lineOf(path: readonly PropertyKey[]): number | undefined {
    const root = this.resolve();
    if (root === PLACES_UNSURE) return undefined;
    let place = root;
    for (const step of path) {
      const next = place.pairs ? place.pairs.find((p) => p.key === step)?.place : place.items ? place.items[itemIndex(step) ?? -1] : undefined;
      if (!next) break;
      place = next;
    }
    return this.lineAt(place.at);
  }

  private lineAt(offset: number): number {
    this.lineOfOffset ??= lineIndex(this.text);
    return this.lineOfOffset(offset);
  }
}

/** A path step as an index into a sequence, the way `yaml` reads one ("2" and 2 alike). */
function itemIndex(step: PropertyKey): number | undefined {
  const n = typeof step === "string" && step !== "" ? Number(step) : step;
  return typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : undefined;
}

