/**
 * 上传 — one file from a multipart request, read whole into memory, never past the upload limit.
 *
 * The limit is checked twice, on what the client declares and on what arrives: a request whose
 * Content-Length is over it is refused before its body is read (see `refuseLargeUploads`), and the file's
 * bytes are counted as they come. @fastify/multipart's `toBuffer()` is not used: a file cut at the limit
 * after its last chunk came back whole-looking (truncated, without an error), and a budget was saved with
 * 44 of its 45 line items (issue 19).
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { timeSlices } from "../formats/turns.ts";
import { AppError } from "./errors.ts";

export interface Upload {
  fileName: string;
  bytes: Uint8Array;
  fields: Record<string, string>;
}

/** room for the multipart boundaries, part headers and the small fields beside the file */
const MULTIPART_OVERHEAD = 64 * 1024;

export const tooLarge = (limit: number) =>
  new AppError("too-large", `文件超过上传上限 ${(limit / 1024 / 1024).toFixed(0)} MB，未读取 / the file is over the upload limit of ${limit} bytes; nothing was read`, { limitBytes: limit });

/** Upload routes: a body declared larger than the limit is answered 413 before any of it is read. */
export function refuseLargeUploads(app: FastifyInstance, limit: number): void {
  app.addHook("onRequest", (req, _reply, done) => {
    const declared = Number(req.headers["content-length"]);
    done(Number.isFinite(declared) && declared > limit + MULTIPART_OVERHEAD ? tooLarge(limit) : undefined);
  });
}

/**
 * Reads the request's one file. The multipart parser stops at `limit + 1` bytes, so a file over the limit
 * is seen to be over it by its own count, whatever the parser reports.
 */
export async function readUpload(req: FastifyRequest, limit: number): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError("unsupported", "请以 multipart/form-data 上传文件（字段 file）/ upload the file as multipart/form-data (field `file`)");
  const part = await req.file({ limits: { fileSize: limit + 1 }, throwFileSizeLimit: false });
  if (!part) throw new AppError("invalid", "没有收到文件 / no file in the request");
  const chunks: Buffer[] = [];
  let pending: Buffer[] = [];
  let received = 0;
  const slices = timeSlices();
  // Read to the end (the parser stops at limit + 1 anyway), keeping nothing past the limit. Some contents
  // (a CSV of millions of short lines) come as millions of small pieces: they are joined a thousand at a
  // time, and the event loop gets its turns meanwhile, so no single step holds other requests.
  for await (const chunk of part.file as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received <= limit) pending.push(chunk);
    if (pending.length >= 1024) {
      chunks.push(Buffer.concat(pending));
      pending = [];
    }
    if (slices.due()) await slices.turn();
  }
  chunks.push(...pending);
  if (received > limit || part.file.truncated) throw tooLarge(limit);
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(part.fields)) {
    const f = Array.isArray(v) ? v[0] : v;
    if (f && f.type === "field") fields[k] = String(f.value);
  }
  return { fileName: uploadedFileName(part.filename), bytes: Buffer.concat(chunks, received), fields };
}

/**
 * The name a client gave its file, as the last part of any path it carries; refused (422) when it is
 * `.` or `..`, holds NUL or another control character, or is longer than 200 characters, so no name can
 * point outside a temp dir or fail to be stored.
 */
export function uploadedFileName(raw: string | undefined): string {
  const name = (raw ?? "").split(/[\\/]/).pop()!.trim();
  if (name === "") return "upload";
  // eslint-disable-next-line no-control-regex
  if (name === "." || name === ".." || /[\u0000-\u001f\u007f]/.test(name) || name.length > 200 || /[\ud800-\udfff]/.test(name)) {
    throw new AppError("invalid", `文件名无效（不能是 . 或 ..，不能含控制字符，至多 200 字）/ invalid file name (not . or .., no control characters, at most 200 characters): ${JSON.stringify(name.slice(0, 50))}`);
  }
  return name;
}
