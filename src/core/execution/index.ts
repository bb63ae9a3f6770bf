/** 预算执行与绩效自评 — the pure core of execution, monitoring and the year-end self-evaluation. */
export * from "./model.ts";
export * from "./side-by-side.ts";
export * from "./formulas.ts";
export * from "./completion.ts";
export * from "./evaluation.ts";
export * from "./progress.ts";
export * from "./report.ts";
export * from "./next-year.ts";
