/** 上传 — one file from a multipart request, read whole into memory (bounded by @fastify/multipart's limit). */
import type { FastifyRequest } from "fastify";
import { AppError } from "./errors.ts";

export interface Upload {
  fileName: string;
  bytes: Uint8Array;
  fields: Record<string, string>;
}

export async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError("unsupported", "请以 multipart/form-data 上传文件（字段 file）/ upload the file as multipart/form-data (field `file`)");
  const part = await req.file();
  if (!part) throw new AppError("invalid", "没有收到文件 / no file in the request");
  // toBuffer throws 413 (RequestFileTooLargeError) past the limit instead of truncating.
  const bytes = await part.toBuffer();
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(part.fields)) {
    const f = Array.isArray(v) ? v[0] : v;
    if (f && f.type === "field") fields[k] = String(f.value);
  }
  return { fileName: part.filename || "upload", bytes, fields };
}
