#!/usr/bin/env node
/**
 * Builds the command line and the server (src/cli/main.ts and everything it loads, on demand too) into
 * JavaScript with esbuild: dist/node/yusuan.js, and one file per part that is loaded later (each command,
 * the server, the PDF and Excel renderers), so a command loads only what it runs. bin/yusuan.mjs runs it.
 *
 * Packages are bundled only when they are plain JavaScript that the short commands load (BUNDLED); every
 * other package stays in node_modules and is imported from there at run time: native modules (Typst,
 * argon2), WASM (PGlite), packages that read files of their own (pdfjs's cmaps, the fonts, swagger-ui's
 * pages, pino's workers) and what only the server needs. A package added later is external until it is
 * listed here, which is always correct, if slower to load. A package whose objects another one receives is
 * bundled with it or not at all: zod's schemas go to fastify-type-provider-zod, and two copies of zod (one
 * bundled, one in node_modules) would not know each other's schemas.
 *
 * The output is flat in dist/node/, two levels below the repository like src/<dir>/, so that paths the
 * sources build from import.meta.url (../../examples, ../../dist/web) point at the same places from the
 * build. dist/node/build.json lists the sources the build was made from; `isBuildFresh()` compares their
 * times with the build's, which is how bin/yusuan.mjs knows to rebuild after a `git pull`.
 *
 * Run by `npm ci` / `npm install` (the `prepare` script), by `npm run build`, and by bin/yusuan.mjs when the
 * build is missing or older than a source. A new build is written beside the old one and moved into place,
 * so commands running at the same time never read a half-written build.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
export const OUT = join(ROOT, "dist/node");
export const ENTRY = join(OUT, "yusuan.js");
export const ENTRY_URL = pathToFileURL(ENTRY).href;
const STAMP = "build.json";

/** Plain-JavaScript packages bundled into the build: the ones the short commands (check, new, render to text) load. */
export const BUNDLED = ["commander", "js-yaml", "yaml", "zod", "fastify-type-provider-zod", "cli-progress", "csv-parse"];

/** Besides the sources esbuild read: what else makes a build out of date. */
const ALSO_DEPENDS_ON = ["package.json", "package-lock.json", "scripts/build-node.mjs"];

function packageName(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Keeps every package outside BUNDLED in node_modules (relative paths and node: built-ins are left to esbuild). */
const externalPackages = {
  name: "external-packages",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("node:")) return { path: args.path, external: true };
      return BUNDLED.includes(packageName(args.path)) ? undefined : { path: args.path, external: true };
    });
  },
};

/**
 * Builds into a fresh directory and moves it to dist/node. Returns the time it took, in ms.
 * Throws esbuild's error (with each problem's file and line) when a source does not compile.
 */
export async function buildNode() {
  const started = Date.now();
  const { build } = await import("esbuild");
  const tmp = `${OUT}.tmp-${process.pid}-${started}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    const result = await build({
      absWorkingDir: ROOT,
      // the server's job worker (src/server/jobs/runner.ts loads ./job-worker.js beside its chunk) and the
      // CLI's batch worker (src/cli/batch.ts) and the PDF reading thread (src/audit/importers/pdf-thread.ts)
      entryPoints: { yusuan: "src/cli/main.ts", "job-worker": "src/server/jobs/worker.ts", "batch-worker": "src/cli/batch-worker.ts", "pdf-worker": "src/audit/importers/pdf-worker.ts" },
      outdir: tmp,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      // the oldest Node we promise (package.json engines)
      target: "node20.19",
      chunkNames: "[name]-[hash]",
      // whitespace and syntax only: names stay, for stack traces (YUSUAN_DEBUG=1, with the source maps)
      minifyWhitespace: true,
      minifySyntax: true,
      sourcemap: "linked",
      sourcesContent: false,
      metafile: true,
      logLevel: "silent",
      legalComments: "linked",
      // bundled CommonJS packages call require() for Node's built-ins
      banner: { js: 'import { createRequire as __yusuanCreateRequire } from "node:module"; const require = __yusuanCreateRequire(import.meta.url);' },
      plugins: [externalPackages],
    });
    const inputs = Object.keys(result.metafile.inputs)
      .filter((f) => !f.includes("node_modules/"))
      .concat(ALSO_DEPENDS_ON)
      .sort();
    writeFileSync(join(tmp, STAMP), `${JSON.stringify({ builtAt: started, node: process.version, inputs }, null, 2)}\n`);
    // what each output file imports (never read at run time; test/cli-built.test.ts checks the check path's)
    writeFileSync(join(tmp, "meta.json"), JSON.stringify(result.metafile));
    moveIntoPlace(tmp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return Date.now() - started;
}

/** Replaces dist/node with the new build; if another process got there first, its build (as fresh) stays. */
function moveIntoPlace(tmp) {
  mkdirSync(dirname(OUT), { recursive: true });
  const old = `${OUT}.old-${process.pid}-${Date.now()}`;
  try {
    renameSync(OUT, old);
  } catch (e) {
    if (e.code !== "ENOENT") throw e;
  }
  try {
    renameSync(tmp, OUT);
  } catch (e) {
    if (e.code !== "ENOTEMPTY" && e.code !== "EEXIST") throw e;
  } finally {
    rmSync(old, { recursive: true, force: true });
  }
}

/**
 * Whether dist/node holds a build made after the last change to any of its sources (by modification
 * time: a `git pull` or an edit makes a source newer). Cheap enough to ask on every start (a few hundred
 * stat calls).
 */
export function isBuildFresh(out = OUT, root = ROOT) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(out, STAMP), "utf8"));
  } catch {
    return false;
  }
  if (!existsSync(join(out, "yusuan.js")) || !Array.isArray(stamp.inputs) || typeof stamp.builtAt !== "number") return false;
  for (const f of stamp.inputs) {
    const s = statSync(join(root, f), { throwIfNoEntry: false });
    if (!s || s.mtimeMs > stamp.builtAt) return false;
  }
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const quiet = process.argv.includes("--quiet");
  if (process.argv.includes("--if-stale") && isBuildFresh()) process.exit(0);
  try {
    const ms = await buildNode();
    if (!quiet) console.log(`命令行与服务已构建 / CLI and server built into ${relative(ROOT, OUT)} in ${(ms / 1000).toFixed(1)} s`);
  } catch (e) {
    for (const m of e.errors ?? []) console.error(`错误 / error: ${m.location ? `${m.location.file}:${m.location.line}:${m.location.column} ` : ""}${m.text}`);
    if (!e.errors) console.error(`错误 / error: ${e.message}`);
    console.error("构建失败 / build failed");
    process.exit(1);
  }
}
