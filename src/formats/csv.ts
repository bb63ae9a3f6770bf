/**
 * CSV 读取 — the one way an uploaded CSV is read (payments export, the desk's line-item export, catalog
 * files): its lines counted before parsing, then parsed a chunk at a time by csv-parse's stream parser
 * (which keeps a record cut by a chunk's end for the next chunk), with the event loop's turns between
 * chunks (turns.ts), and never past a row cap. A file of millions of rows is refused in slices, so no other
 * request waits for it (issue 19).
 */
import { type Options, parse } from "csv-parse";
import type { TimeSlices } from "./turns.ts";

/** Bytes (or characters) given to the parser at a time, between turns of the event loop. */
const CSV_CHUNK = 64 * 1024;

/** Non-empty lines (ended by LF, CR or both), counted without parsing: an upper bound on the records. */
export async function nonEmptyLines(content: Uint8Array | string, slices: TimeSlices): Promise<number> {
  const at = typeof content === "string" ? (i: number) => content.charCodeAt(i) : (i: number) => content[i]!;
  let n = 0;
  let lineStart = true;
  for (let i = 0; i < content.length; i++) {
    const c = at(i);
    if (c === 10 || c === 13) lineStart = true;
    else if (lineStart) {
      n++;
      lineStart = false;
    }
    if ((i & (CSV_CHUNK - 1)) === 0 && slices.due()) await slices.turn();
  }
  return n;
}

/** The content's pieces for the parser; a string is never cut inside a surrogate pair. */
function* pieces(content: Uint8Array | string): Generator<Buffer | string> {
  for (let at = 0; at < content.length; ) {
    let end = Math.min(at + CSV_CHUNK, content.length);
    if (typeof content === "string") {
      const last = content.charCodeAt(end - 1);
      if (end < content.length && last >= 0xd800 && last <= 0xdbff) end--;
      yield content.slice(at, end);
    } else yield Buffer.from(content.buffer, content.byteOffset + at, end - at);
    at = end;
  }
}

/**
 * The records of a CSV (`options.to` caps how many are parsed: one more than a cap is enough to refuse).
 * With `info: true` each record comes as `{ record, info }`. A parse error is thrown (csv-parse's, with
 * its `lines`).
 */
export async function csvRecords<T = string[]>(content: Uint8Array | string, options: Options, slices: TimeSlices): Promise<T[]> {
  const parser = parse(options);
  const records: T[] = [];
  let failure: Error | undefined;
  parser.on("data", (r: T) => records.push(r));
  parser.on("error", (e: Error) => (failure ??= e));
  const ended = new Promise<void>((resolve) => {
    parser.on("end", resolve);
    parser.on("close", resolve);
    parser.on("error", () => resolve());
  });
  for (const piece of pieces(content)) {
    if (failure || parser.writableEnded) break;
    parser.write(piece);
    if (slices.due()) await slices.turn();
  }
  if (!parser.writableEnded) parser.end();
  await ended;
  if (failure) throw failure;
  return records;
}
