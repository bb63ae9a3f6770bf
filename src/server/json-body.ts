/**
 * 请求正文 — the JSON body parser of the API, with the checks a malformed body needs to be answered 400
 * with its place instead of 500 (issue 19): invalid UTF-8 (refused with its byte offset, never turned
 * into U+FFFD), nesting deeper than MAX_JSON_DEPTH (checked on the text before parsing: a million `[`
 * would overflow a recursive walk), and NUL or lone surrogates in text (PostgreSQL cannot store them;
 * refused with the field's path).
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "./errors.ts";

/** deepest nesting of arrays and objects a request body may have (a budget file needs about 8) */
export const MAX_JSON_DEPTH = 64;

const badRequest = (message: string, details: unknown) => new AppError("bad-request", message, details);

/** The byte offset of the first invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // overlong 3- and 4-byte forms, UTF-16 surrogates encoded in UTF-8, and code points past U+10FFFF
    const c1 = bytes[i + 1]!;
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 >= 0xa0) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 >= 0x90)) return i;
    i += need + 1;
  }
  return -1;
}

/** Decodes UTF-8 strictly; an invalid byte is an error naming its offset (and line) in `what`. */
export function decodeUtf8Strict(bytes: Uint8Array, what: string): string {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const line = new TextDecoder().decode(bytes.subarray(0, bad)).split("\n").length;
    throw new AppError("invalid", `${what}不是有效的 UTF-8 编码：第 ${line} 行，第 ${bad} 字节 / ${what} is not valid UTF-8: line ${line}, byte offset ${bad}`, { byteOffset: bad, line });
  }
  return new TextDecoder().decode(bytes);
}

/**
 * The deepest nesting of `[` and `{` in JSON text (strings skipped), without parsing it; the scan stops once
 * it passes `stopAbove` (a body a million levels deep is refused at its 65th bracket, not after 2 MB).
 */
export function jsonDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      max = Math.max(max, ++depth);
      if (max > stopAbove) return max;
    }
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first string (key or value) holding NUL or a lone surrogate (or a `__proto__` key), or undefined. */
export function firstUnstorableText(v: unknown, path = "$"): string | undefined {
  const bad = (s: string) => s.includes("\u0000") || LONE_SURROGATE.test(s);
  if (typeof v === "string") return bad(v) ? path : undefined;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const hit = firstUnstorableText(v[i], `${path}[${i}]`);
      if (hit) return hit;
    }
  } else if (v && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      if (bad(k) || k === "__proto__") return `${path}.${JSON.stringify(k)}`;
      const hit = firstUnstorableText(x, `${path}.${k}`);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Checks for text that cannot be stored; `what` names the input in the message. */
export function refuseUnstorableText(v: unknown, what: string): void {
  const at = firstUnstorableText(v);
  if (at) throw new AppError("invalid", `${what}含有 NUL 字符或不成对的代理字符（${at}）/ ${what} holds a NUL character or a lone surrogate at ${at}`, { path: at });
}

/** A strict decoder: native, so a 25 MB body is checked without a JavaScript loop over its bytes. */
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

export function parseJsonBody(_req: FastifyRequest, body: Buffer): unknown {
  let text: string;
  try {
    text = STRICT_UTF8.decode(body);
  } catch {
    // refused: find the place to name (the same rules as the decoder's)
    const bad = firstInvalidUtf8(body);
    throw badRequest(`请求正文不是有效的 UTF-8 编码（第 ${bad} 字节）/ the request body is not valid UTF-8 (byte offset ${bad})`, { byteOffset: bad });
  }
  if (text.trim() === "") return undefined;
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw badRequest(`JSON 嵌套过深（超过 ${MAX_JSON_DEPTH} 层）/ JSON nested too deep (more than ${MAX_JSON_DEPTH} levels)`, { max: MAX_JSON_DEPTH });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw badRequest(`JSON 格式错误 / invalid JSON: ${(e as Error).message}`, null);
  }
  const at = firstUnstorableText(data);
  if (at) throw badRequest(`请求正文含有 NUL 字符、不成对的代理字符或 __proto__ 键（${at}）/ the request body holds a NUL character, a lone surrogate or a __proto__ key at ${at}`, { path: at });
  return data;
}

/** Path parameters and query values holding NUL or a lone surrogate are answered 400 before validation. */
export function registerUrlTextCheck(app: FastifyInstance): void {
  app.addHook("preValidation", (req, _reply, done) => {
    const at = firstUnstorableText(req.params, "params") ?? firstUnstorableText(req.query, "query");
    done(at ? badRequest(`地址中含有 NUL 字符或不成对的代理字符（${at}）/ the URL holds a NUL character or a lone surrogate at ${at}`, { path: at }) : undefined);
  });
}

/** Replaces Fastify's JSON parser for the whole API. */
export function registerJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser(["application/json"]);
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (req, body, done) => {
    try {
      done(null, parseJsonBody(req, body as Buffer));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
}
