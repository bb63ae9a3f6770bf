/**
 * 业务错误 — errors the use cases raise, by meaning, never by HTTP status: the one mapper
 * (error-mapper.ts) decides what a client sees.
 */
export type ErrorCode =
  | "bad-request"
  | "unauthenticated"
  | "forbidden"
  | "csrf"
  | "not-found"
  | "conflict"
  | "invalid"
  | "wrong-state"
  | "blocked"
  | "too-large"
  | "rate-limited"
  | "unsupported";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string) => new AppError("not-found", `未找到${what} / ${what} not found`);
export const forbidden = (message = "无权执行此操作 / not allowed") => new AppError("forbidden", message);
