/**
 * API 客户端 — the one place the web app talks HTTP. Every error answer has one shape
 * ({"error":{"code","message","details"}}, README "Server") and becomes an ApiError; every write carries
 * the session's CSRF token as X-CSRF-Token.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

function csrfFromCookie(): string | undefined {
  const m = /(?:^|;\s*)yusuan_csrf=([^;]+)/.exec(typeof document === "undefined" ? "" : document.cookie);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

/** Whether the browser holds a session (the readable CSRF cookie is set with the HttpOnly session cookie). */
export function hasSessionCookie(): boolean {
  return csrfFromCookie() !== undefined;
}

async function failure(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
  return new ApiError(res.status, err?.code ?? `http-${res.status}`, err?.message ?? `${res.status} ${res.statusText}`, err?.details ?? null);
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export async function request<T>(method: string, url: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  const init: RequestInit = { method, headers, credentials: "same-origin", signal: opts.signal };
  if (method !== "GET" && method !== "HEAD") {
    const token = csrfToken ?? csrfFromCookie();
    if (token) headers["x-csrf-token"] = token;
  }
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    headers["content-type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError(0, "network", "网络错误，请检查连接 / network error");
  }
  if (!res.ok) throw await failure(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const get = <T>(url: string, opts?: RequestOptions) => request<T>("GET", url, undefined, opts);
export const post = <T>(url: string, body?: unknown) => request<T>("POST", url, body ?? {});
export const put = <T>(url: string, body: unknown) => request<T>("PUT", url, body);
export const del = <T>(url: string) => request<T>("DELETE", url);

/** Uploads one file as multipart field `file`. */
export function upload<T>(url: string, file: File | Blob, fileName?: string): Promise<T> {
  const form = new FormData();
  form.append("file", file, fileName ?? (file instanceof File ? file.name : "upload"));
  return request<T>("POST", url, form);
}
