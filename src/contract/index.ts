/**
 * API 契约 — the shapes of the HTTP API's answers as zod schemas: the server serialises with them (each
 * route's `response`), the OpenAPI document at /api/docs shows them, and the web app's types are their
 * wire side (`Wire<S>`). Only zod and the core's vocabulary here: no server, storage or browser code.
 */
export * from "./common.ts";
export * from "./accounts.ts";
export * from "./budgets.ts";
export * from "./review.ts";
export * from "./public.ts";
export * from "./compare.ts";
export * from "./admin.ts";
export * from "./execution.ts";
export * from "./desk.ts";
export * from "./final-accounts.ts";
