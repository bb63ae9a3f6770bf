/**
 * The JSON body parser (src/server/json-body.ts) decodes with the native strict decoder and names the offset with firstInvalidUtf8
 * only when it refuses: the two must agree on every byte sequence (fast-check), and a refused body is
 * answered with the first invalid byte's offset.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, firstInvalidUtf8, jsonDepth, parseJsonBody } from "../src/server/json-body.ts";

const strict = new TextDecoder("utf-8", { fatal: true });
const decodes = (b: Uint8Array) => {
  try {
    strict.decode(b);
    return true;
  } catch {
    return false;
  }
};

describe("JSON body UTF-8", () => {
  it("the strict decoder refuses exactly what firstInvalidUtf8 finds", () => {
    // bytes near the UTF-8 boundaries: lead bytes, continuations, overlongs, surrogates, past U+10FFFF
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0x9f, 0xa0, 0x8f, 0x90));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 12 }), (bytes) => {
        const b = Uint8Array.from(bytes);
        expect(decodes(b)).toBe(firstInvalidUtf8(b) < 0);
      }),
      { numRuns: 20_000 },
    );
  });

  it("answers an invalid body with the offset of its first invalid byte, and reads a valid one", () => {
    const body = Buffer.concat([Buffer.from('{"a":"预算'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]);
    expect(() => parseJsonBody(undefined as never, body)).toThrow("请求正文不是有效的 UTF-8 编码（第 12 字节）/ the request body is not valid UTF-8 (byte offset 12)");
    expect(parseJsonBody(undefined as never, Buffer.from('{"a":"预算"}'))).toEqual({ a: "预算" });
  });

  it("measures nesting outside strings, and refuses a body a million levels deep at its 65th bracket", () => {
    expect(jsonDepth('{"a":[[1],{"b":"[[[{{{"}],"c":"\\"["}')).toBe(3);
    expect(jsonDepth("[".repeat(1_000_000) + "]".repeat(1_000_000), MAX_JSON_DEPTH)).toBe(MAX_JSON_DEPTH + 1);
    const deep = Buffer.from(`{"a":${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}}`);
    expect(() => parseJsonBody(undefined as never, deep)).toThrow("JSON 嵌套过深（超过 64 层）/ JSON nested too deep (more than 64 levels)");
    expect(parseJsonBody(undefined as never, Buffer.from(`${"[".repeat(64)}${"]".repeat(64)}`))).toBeInstanceOf(Array);
  });
});
