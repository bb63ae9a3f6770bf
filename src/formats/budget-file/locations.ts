/**
 * Where things were written in a budget file: the `yaml` parser keeps every node's place, so a message
 * can name the line of a field. It is many times slower than the fast loaders, so read.ts runs it only
 * when something must be reported, or located where js-yaml's recorded places (places.ts) cannot answer.
 */
import { type Document, LineCounter, isNode, parseDocument } from "yaml";

/** A budget file's text as the location-keeping parser sees it. */
export interface LocatedText {
  doc: Document;
  lines: LineCounter;
}

/** Parses YAML (or JSON, which is YAML 1.2) keeping each node's place. */
export function parseLocated(text: string): LocatedText {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  return { doc, lines };
}

/** The line (1-based) of the deepest node that exists on the path; a missing field points at its parent. */
export function lineOf({ doc, lines }: LocatedText, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}
