// The PDF reading thread run from the TypeScript sources (tests, YUSUAN_FROM_SOURCE=1): tsx is registered in
// the worker thread itself, as bin/yusuan.mjs does in the main thread, before the worker's module is loaded.
const { register } = await import("tsx/esm/api");
register();
await import("./pdf-worker.ts");
