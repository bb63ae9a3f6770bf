/**
 * The ONE place where an error becomes an HTTP answer: `{"error":{"code","message","details"}}`.
 * Use cases, repositories and the core throw by meaning; only here do statuses exist.
 */
import type { FastifyError } from "fastify";
import { CatalogFileError } from "../formats/catalog-file.ts";
import { InputError } from "../formats/errors.ts";
import { MigrationError } from "../store/database.ts";
import { BudgetNotEditableError, StaleVersionError } from "../store/repos/budgets.ts";
import { DuplicateUsernameError } from "../store/repos/users.ts";
import { MoneyOverflowError } from "../store/values.ts";
import { AppError, type ErrorCode } from "./errors.ts";
import { JobRefusedError } from "./jobs/runner.ts";

export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

const STATUS: Record<ErrorCode, number> = {
  "bad-request": 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  "not-found": 404,
  conflict: 409,
  "wrong-state": 409,
  invalid: 422,
  blocked: 422,
  "too-large": 413,
  "rate-limited": 429,
  unsupported: 415,
};

const body = (code: string, message: string, details: unknown = null): ErrorBody => ({ error: { code, message, details } });

export function mapError(e: unknown): { status: number; body: ErrorBody; internal: boolean } {
  if (e instanceof AppError) return { status: STATUS[e.code], body: body(e.code, e.message, e.details ?? null), internal: false };
  if (e instanceof StaleVersionError) {
    return { status: 409, body: body("stale-version", e.message, { expectedVersion: e.expected, currentVersion: e.current, changes: e.changes }), internal: false };
  }
  if (e instanceof BudgetNotEditableError) return { status: 409, body: body("wrong-state", e.message, { state: e.state }), internal: false };
  if (e instanceof CatalogFileError) return { status: 422, body: body("invalid-catalog", e.message), internal: false };
  if (e instanceof InputError) return { status: 422, body: body("invalid-budget", e.message, { problems: e.problems }), internal: false };
  if (e instanceof JobRefusedError) {
    const what = e.kind === "readDocument" ? { zh: "读取文件", en: "reading the file" } : { zh: "生成文件", en: "rendering the file" };
    return e.reason === "memory"
      ? { status: 413, body: body("too-large", `${what.zh}所需内存超过上限（${e.limits.memoryMb} MB），已停止：文件内容过大或异常 / ${what.en} needed more than ${e.limits.memoryMb} MB and was stopped: the content is too large or abnormal`), internal: false }
      : { status: 422, body: body("too-complex", `${what.zh}超过 ${e.limits.timeoutMs / 1000} 秒，已停止：文件内容过大或异常 / ${what.en} took more than ${e.limits.timeoutMs / 1000} s and was stopped: the content is too large or abnormal`), internal: false };
  }
  if (e instanceof DuplicateUsernameError) return { status: 409, body: body("conflict", e.message, e.sameRegion ? { username: e.username } : null), internal: false };
  if (e instanceof MoneyOverflowError || e instanceof MigrationError) return { status: 500, body: body("internal", e.message), internal: true };
  const fe = e as Partial<FastifyError> & { validation?: unknown };
  if (fe.validation) return { status: 400, body: body("bad-request", `请求格式错误 / invalid request: ${fe.message ?? ""}`, { issues: fe.validation }), internal: false };
  if (typeof fe.statusCode === "number" && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code = fe.statusCode === 413 ? "too-large" : fe.statusCode === 429 ? "rate-limited" : fe.statusCode === 415 ? "unsupported" : "bad-request";
    return { status: fe.statusCode, body: body(code, fe.message ?? code), internal: false };
  }
  return { status: 500, body: body("internal", "服务器内部错误 / internal server error"), internal: true };
}
