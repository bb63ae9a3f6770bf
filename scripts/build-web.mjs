#!/usr/bin/env node
/**
 * Builds the web app (src/web → dist/web) with Vite and adds brotli and gzip copies of the text files,
 * which the server sends to browsers that accept them. With --if-stale (npm's prestart) it builds only
 * when dist/web is missing or was built from other sources: a hash of everything the bundle is made of
 * is kept in dist/web/.build-stamp.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(root, "dist/web");
const stampFile = join(out, ".build-stamp");
const INPUTS = ["src/web", "src/core", "src/formats/budget-file", "src/formats/font-subset.ts", "vite.config.ts", "package-lock.json"];

function files(path) {
  const abs = join(root, path);
  if (!existsSync(abs)) return [];
  if (statSync(abs).isFile()) return [abs];
  return readdirSync(abs, { withFileTypes: true }).flatMap((e) => files(relative(root, join(abs, e.name))));
}

function inputHash() {
  const h = createHash("sha256");
  for (const f of INPUTS.flatMap(files).sort()) h.update(relative(root, f)).update("\0").update(readFileSync(f)).update("\0");
  return h.digest("hex");
}

const stamp = inputHash();
if (process.argv.includes("--if-stale") && existsSync(join(out, "index.html")) && existsSync(stampFile) && readFileSync(stampFile, "utf8").trim() === stamp) {
  process.exit(0);
}

const started = Date.now();
// A production bundle whatever the caller's NODE_ENV (vitest runs with "test", which would make a development build).
process.env.NODE_ENV = "production";
const { build } = await import("vite");
await build({ configFile: join(root, "vite.config.ts"), logLevel: process.argv.includes("--quiet") ? "warn" : "info" });

let compressed = 0;
for (const f of files("dist/web")) {
  if (!/\.(js|css|html|svg|json|txt)$/.test(f)) continue;
  const data = readFileSync(f);
  if (data.length < 1024) continue;
  writeFileSync(`${f}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }));
  writeFileSync(`${f}.gz`, gzipSync(data, { level: 9 }));
  compressed++;
}
writeFileSync(stampFile, `${stamp}\n`);
console.log(`web app built into dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s (${compressed} files compressed)`);
