/**
 * Arbitrary API requests from the OpenAPI document (issue 19), shared by test/server/fuzz-api.test.ts and
 * `npm run bench:hardening`.
 */
import fc from "fast-check";
import type { FastifyInstance } from "fastify";

export interface FuzzRoute {
  method: string;
  path: string;
}

/** The documented routes, except signing out (it would end the fuzzing session). */
export function documentedRoutes(app: FastifyInstance): FuzzRoute[] {
  const doc = (app as unknown as { swagger(): { paths: Record<string, Record<string, unknown>> } }).swagger();
  const out: FuzzRoute[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of Object.keys(ops)) if (path !== "/api/auth/logout") out.push({ method: method.toUpperCase(), path });
  }
  return out;
}

const oddText = fc.oneof(
  fc.string(),
  fc.constantFrom("", ".", "..", "a\u0000b", "\ud800", "%00", "../../etc/passwd", "2147483648", "-1", "1e309", "NaN", "0x10", " 1 ", "字".repeat(300)),
  fc.integer().map(String),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
);

const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({ version: fc.oneof(fc.integer(), fc.constant(1), fc.double()), content: fc.jsonValue({ maxDepth: 3 }), item: fc.dictionary(fc.constantFrom("unit", "functional", "economic", "nature", "source", "amount", "memo"), oddText) }, { requiredKeys: [] }),
  fc.record({ action: fc.constantFrom("submit", "approve-department", "publish", "return", "x"), date: oddText, comment: oddText }, { requiredKeys: [] }),
  fc.integer({ min: 1, max: 200 }).map((n) => ({ deep: JSON.parse(`${"[".repeat(n)}${"]".repeat(n)}`) })),
);

export const fuzzRequests = (routes: readonly FuzzRoute[]) =>
  fc.record({
    route: fc.constantFrom(...routes),
    params: fc.array(oddText, { minLength: 4, maxLength: 4 }),
    query: fc.dictionary(fc.constantFrom("version", "year", "draft", "limit", "type"), oddText, { maxKeys: 3 }),
    body: fc.option(jsonBody, { nil: undefined }),
    anonymous: fc.boolean(),
  });

export type FuzzRequest = ReturnType<typeof fuzzRequests> extends fc.Arbitrary<infer T> ? T : never;

/** encodeURIComponent, with a lone surrogate sent as the (invalid) UTF-8 bytes of one, %ED%A0%80 */
function encodeOdd(s: string): string {
  return s.split(/([\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])/).map((part, i) => (i % 2 === 1 ? "%ED%A0%80" : encodeURIComponent(part))).join("");
}

/** The URL of a fuzzed request: each `{param}` of the path replaced by one of the odd texts. */
export function fuzzUrl(r: FuzzRequest): string {
  let i = 0;
  const path = r.route.path.replace(/\{[^}]+\}|:[A-Za-z]+/g, () => encodeOdd(r.params[i++ % r.params.length]!));
  const q = Object.entries(r.query).map(([k, v]) => `${k}=${encodeOdd(v)}`).join("&");
  return q ? `${path}?${q}` : path;
}

