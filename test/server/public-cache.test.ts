/**
 * 公开文件的 HTTP 缓存 — a published file is an immutable snapshot: a strong ETag (its sha256; suffixed per
 * encoding), `Cache-Control: public, max-age=31536000, immutable`, If-None-Match answered 304, brotli and
 * gzip copies made once that decompress to exactly the stored bytes, `Vary: Accept-Encoding`, helmet's
 * security headers as on every other route. What is not published stays unreadable.
 */
import { createHash } from "node:crypto";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PublicationFile } from "../../src/store/repos/publications.ts";
import { SnapshotCache, notModified, pickEncoding, prepareFile } from "../../src/server/snapshot-cache.ts";
import { BACKENDS } from "../store/databases.ts";
import { type Client, type World, buildWorld } from "./world.ts";

const IMMUTABLE = "public, max-age=31536000, immutable";
/** every answer's (the values differ: a JSON answer gets the API set, a document helmet's) */
const SECURITY = ["content-security-policy", "strict-transport-security", "x-content-type-options", "x-frame-options"];

async function publish(w: World): Promise<number> {
  const { preparer, approver, reviewer } = w.clients;
  const check = (await preparer.request("GET", `/api/budgets/${w.budget}/check`)).json();
  for (const f of check.findings.filter((x: { severity: string }) => x.severity === "warning")) {
    await preparer.request("PUT", `/api/budgets/${w.budget}/explanations`, { rule: f.rule, locationKey: f.locationKey, text: `已核实：${f.rule}` });
  }
  const move = (c: Client, action: string, extra: object = {}) => c.request("POST", `/api/budgets/${w.budget}/transitions`, { action, ...extra });
  for (const [c, action, extra] of [[preparer, "submit", {}], [approver, "approve-department", {}], [reviewer, "approve-finance", {}], [reviewer, "record-approval", { date: "2021-02-10" }]] as const) {
    expect((await move(c, action, extra)).statusCode).toBe(200);
  }
  const res = await move(approver, "publish", { date: "2021-02-20" });
  expect(res.statusCode).toBe(200);
  return res.json().publication.id as number;
}

describe.each(BACKENDS)("published files over HTTP on $name", (backend) => {
  let w: World;
  let pub: number;
  let url: string;
  let plain: Buffer;
  let sha: string;
  let unpublished: number;
  const get = (path: string, headers: Record<string, string> = {}) => w.clients.anonymous.request("GET", path, undefined, headers);

  beforeAll(async () => {
    w = await buildWorld(backend);
    // Asked for before it exists: 404, and not remembered as missing.
    unpublished = (await get("/api/public/publications/1/files/department/json")).statusCode;
    pub = await publish(w);
    url = `/api/public/publications/${pub}/files/department/json`;
    const res = await get(url);
    plain = res.rawPayload;
    sha = createHash("sha256").update(plain).digest("hex");
  }, 120_000);
  afterAll(async () => {
    await w?.close();
  });

  it("serves the stored bytes with a strong ETag equal to their sha256, cacheable for a year", async () => {
    expect(unpublished).toBe(404);
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe(`"${sha}"`);
    expect(res.headers["x-content-sha256"]).toBe(sha);
    const meta = (await get(`/api/public/publications/${pub}`)).json().publication;
    expect(meta.files.find((f: { scope: string; format: string }) => f.scope === "department" && f.format === "json").sha256).toBe(sha);
    expect([res.headers["cache-control"], res.headers.vary, res.headers["content-encoding"], res.headers["content-type"]]).toEqual([IMMUTABLE, "accept-encoding", undefined, "application/json; charset=utf-8"]);
    expect(Number(res.headers["content-length"])).toBe(plain.length);
    expect(JSON.parse(res.body).title).toContain("2021");
  });

  it("carries the security headers of its kind: a JSON file as every JSON answer, an HTML file as a page", async () => {
    const other = await get(`/api/public/publications/${pub}`);
    for (const h of SECURITY) expect([h, typeof other.headers[h]]).toEqual([h, "string"]);
    for (let i = 0; i < 2; i++) {
      const res = await get(url, { "accept-encoding": "br" });
      for (const h of SECURITY) expect([h, res.headers[h]]).toEqual([h, other.headers[h]]);
    }
    expect(other.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    const html = await get(`/api/public/publications/${pub}/files/department/html`, { "accept-encoding": "br" });
    expect(html.headers["content-security-policy"]).toContain("default-src 'self'");
    expect([html.headers["x-frame-options"], html.headers["referrer-policy"]]).toEqual(["SAMEORIGIN", "no-referrer"]);
    const missing = await get(`/api/public/publications/${pub}/files/department/nope`);
    expect([missing.statusCode, missing.headers["x-content-type-options"]]).toEqual([404, "nosniff"]);
  });

  it("answers If-None-Match with 304 and no body: exact, weak, in a list, or *", async () => {
    for (const inm of [`"${sha}"`, `W/"${sha}"`, `"0000", "${sha}"`, "*"]) {
      const res = await get(url, { "if-none-match": inm });
      expect([inm, res.statusCode, res.body]).toEqual([inm, 304, ""]);
      expect([res.headers.etag, res.headers["cache-control"], res.headers.vary, res.headers["content-encoding"]]).toEqual([`"${sha}"`, IMMUTABLE, "accept-encoding", undefined]);
    }
    expect((await get(url, { "if-none-match": `"${"0".repeat(64)}"` })).statusCode).toBe(200);
    const br = await get(url, { "accept-encoding": "gzip, deflate, br", "if-none-match": `"${sha}-br"` });
    expect([br.statusCode, br.headers.etag]).toEqual([304, `"${sha}-br"`]);
    // A copy in another encoding is another representation: the client gets the one it asks for now.
    const other = await get(url, { "accept-encoding": "br", "if-none-match": `"${sha}-gzip"` });
    expect([other.statusCode, other.headers["content-encoding"]]).toEqual([200, "br"]);
  });

  it("sends brotli or gzip copies that decompress to exactly the stored bytes, each with its own ETag", async () => {
    const br = await get(url, { "accept-encoding": "gzip, deflate, br" });
    expect([br.statusCode, br.headers["content-encoding"], br.headers.vary, br.headers.etag, br.headers["x-content-sha256"]]).toEqual([200, "br", "accept-encoding", `"${sha}-br"`, sha]);
    expect(brotliDecompressSync(br.rawPayload).equals(plain)).toBe(true);
    expect(br.rawPayload.length).toBeLessThan(plain.length / 4);
    const gz = await get(url, { "accept-encoding": "gzip" });
    expect([gz.headers["content-encoding"], gz.headers.etag, gz.headers["cache-control"]]).toEqual(["gzip", `"${sha}-gzip"`, IMMUTABLE]);
    expect(gunzipSync(gz.rawPayload).equals(plain)).toBe(true);
    const html = await get(`/api/public/publications/${pub}/files/department/html`, { "accept-encoding": "gzip" });
    expect([html.statusCode, html.headers["content-type"], html.headers["content-encoding"]]).toEqual([200, "text/html; charset=utf-8", "gzip"]);
    expect(createHash("sha256").update(gunzipSync(html.rawPayload)).digest("hex")).toBe(html.headers["x-content-sha256"]);
    expect((await get(url, { "accept-encoding": "br;q=0, gzip;q=0" })).headers["content-encoding"]).toBeUndefined();
  });

  it("answers HEAD with the headers alone", async () => {
    const res = await w.clients.anonymous.request("HEAD", url, undefined, { "accept-encoding": "gzip" });
    expect([res.statusCode, res.body, res.headers.etag, res.headers["content-encoding"]]).toEqual([200, "", `"${sha}-gzip"`, "gzip"]);
  });

  it("still answers 404 for what was not published, without caching headers", async () => {
    for (const path of [`/api/public/publications/${pub + 100}/files/department/json`, `/api/public/publications/${pub}/files/999999/json`, `/api/public/publications/${pub}/files/department/pdf`]) {
      const res = await get(path, { "accept-encoding": "br" });
      expect([path, res.statusCode, res.json().error.code]).toEqual([path, 404, "not-found"]);
      expect([res.headers.etag, res.headers["cache-control"]]).toEqual([undefined, undefined]);
    }
  });

  it("checks the path as the OpenAPI document says: a positive integer id, scope ≤ 64 and format ≤ 16 characters", async () => {
    for (const path of ["abc/files/department/json", "0/files/department/json", "-1/files/department/json", "1.5/files/department/json", `${pub}/files/${"x".repeat(65)}/json`, `${pub}/files/department/${"x".repeat(17)}`]) {
      const res = await get(`/api/public/publications/${path}`);
      expect([path, res.statusCode, res.json().error.code]).toEqual([path, 400, "bad-request"]);
    }
    const same = await get(`/api/public/publications/0${pub}/files/department/json`);
    expect([same.statusCode, same.headers.etag]).toEqual([200, `"${sha}"`]);
    const doc = (await get("/api/docs/json")).json();
    const params = doc.paths["/api/public/publications/{id}/files/{scope}/{format}"].get.parameters;
    expect(params.map((p: { name: string; in: string }) => `${p.in}:${p.name}`).sort()).toEqual(["path:format", "path:id", "path:scope"]);
  });

  it("keeps the budget's own render behind sign-in and tenancy", async () => {
    const path = `/api/budgets/${w.budget}/render/json`;
    expect((await w.clients.anonymous.request("GET", path)).statusCode).toBe(401);
    expect((await w.clients.otherPreparer.request("GET", path)).statusCode).toBe(404);
    expect((await w.clients.preparer.request("GET", path)).statusCode).toBe(200);
  });
});

describe("choosing an encoding and matching an ETag", () => {
  it("takes the accepted coding with the highest q, br before gzip on a tie, none when refused", () => {
    const cases: [string | undefined, string][] = [
      [undefined, "identity"],
      ["", "identity"],
      ["gzip, deflate, br", "br"],
      ["gzip, deflate, br, zstd", "br"],
      ["gzip", "gzip"],
      ["deflate", "identity"],
      ["br;q=0.5, gzip", "gzip"],
      ["br;q=0, gzip;q=0", "identity"],
      ["*", "br"],
      ["*;q=0.1, gzip;q=0.5", "gzip"],
      ["identity", "identity"],
      ["GZIP", "gzip"],
    ];
    for (const [header, expected] of cases) expect([header, pickEncoding(header)]).toEqual([header, expected]);
    expect(pickEncoding("br", false)).toBe("identity");
  });

  it("matches If-None-Match by weak comparison over a list", () => {
    expect(notModified(undefined, '"a"')).toBe(false);
    expect(notModified('"a"', '"a"')).toBe(true);
    expect(notModified('W/"a"', '"a"')).toBe(true);
    expect(notModified('"b" , "a"', '"a"')).toBe(true);
    expect(notModified('"a-br"', '"a"')).toBe(false);
    expect(notModified("*", '"a"')).toBe(true);
  });
});

describe("the snapshot cache", () => {
  const file = (content: string, contentType = "application/json; charset=utf-8"): PublicationFile => {
    const bytes = new TextEncoder().encode(content);
    return { scope: "department", format: "json", fileName: "disclosure.json", contentType, content: bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
  };

  it("reads and compresses a file once for simultaneous first readers, and never remembers a miss", async () => {
    const cache = new SnapshotCache();
    let reads = 0;
    const read = async () => (reads++, file("{}".repeat(1000)));
    const [a, b] = await Promise.all([cache.load("k", read), cache.load("k", read)]);
    expect([reads, a === b, (a?.br.body.length ?? Infinity) < 100]).toEqual([1, true, true]);
    await cache.load("k", read);
    expect(reads).toBe(1);
    let misses = 0;
    const none = async () => (misses++, undefined);
    expect(await cache.load("x", none)).toBeUndefined();
    expect(await cache.load("x", none)).toBeUndefined();
    expect(misses).toBe(2);
  });

  it("does not compress formats that are compressed already", async () => {
    const pdf = await prepareFile(file("%PDF-1.7 …", "application/pdf"));
    expect([pdf.compressible, pdf.br, pdf.gzip]).toEqual([false, pdf.identity, pdf.identity]);
  });

  it("lets the least recently used file go when over its size", async () => {
    const big = await prepareFile(file("x".repeat(10_000)));
    const cache = new SnapshotCache(4 * 10_200);
    for (const k of ["a", "b", "c", "d"]) cache.set(k, big);
    cache.get("a");
    cache.set("e", big);
    expect(cache.get("b")).toBeUndefined();
    for (const k of ["a", "c", "d", "e"]) expect([k, cache.get(k)]).toEqual([k, big]);
  });
});
