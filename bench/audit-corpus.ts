/**
 * Audit benchmark on real documents: `npm run bench:audit:corpus [-- --dir ../shared/corpus] (or YUSUAN_CORPUS) [-- --rounds 2]`.
 *
 * For each PDF of the corpus (issue 17's target), in the same run and as whole processes, alternating:
 *   1. the floor: `node` loading pdfjs-dist 4.10 and extracting every page's text (getTextContent);
 *   2. the whole command: `node bin/yusuan.mjs audit <file> --json` (the built CLI; `npm run build` first).
 * The best of the rounds is kept per file (the machine is shared). Prints each file's times and ratio, and
 * the ratio of the totals (target ≤ 1.3×).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { benchArgs, positiveInt } from "./args.ts";

const TARGET_RATIO = 1.3;
const ROOT = resolve(import.meta.dirname, "..");
const values = benchArgs({ strings: ["dir", "rounds"] });
const dir = resolve(typeof values.dir === "string" ? values.dir : (process.env.YUSUAN_CORPUS ?? join(ROOT, "../shared/corpus")));
const rounds = positiveInt(values, "rounds", 2);
const cli = join(ROOT, "bin/yusuan.mjs");

// the floor: the same library, same options that matter (no font faces, no eval), text of every page
const FLOOR = `
const { readFileSync } = require("node:fs");
import("pdfjs-dist/legacy/build/pdf.mjs").then(async (pdfjs) => {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(process.argv[1])), isEvalSupported: false, useSystemFonts: false }).promise;
  let n = 0;
  for (let p = 1; p <= doc.numPages; p++) n += (await (await doc.getPage(p)).getTextContent()).items.length;
  await doc.destroy();
  process.stdout.write(String(n));
});`;

function timed(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t;
  // the audit exits 1 when it finds errors: only a crash (signal or code > 1) is a failure here
  if (r.signal || (r.status ?? 0) > 1) throw new Error(`${args.join(" ")}: exit ${r.status ?? r.signal}\n${r.stderr.slice(0, 400)}`);
  return ms;
}

if (!existsSync(join(ROOT, "dist")) && !existsSync(cli)) throw new Error("npm run build first");
if (!existsSync(dir)) {
  console.log(`no corpus at ${dir}: skipped`);
  process.exit(0);
}
const files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith(".pdf")).sort();
console.log(`audit on ${files.length} corpus PDFs (${dir}), whole processes, best of ${rounds} rounds, node ${process.version}`);
console.log(`${"file".padEnd(30)} ${"pdfjs ms".padStart(9)} ${"audit ms".padStart(9)} ${"ratio".padStart(6)}`);
let floorSum = 0;
let auditSum = 0;
for (const f of files) {
  const path = join(dir, f);
  let floor = Number.POSITIVE_INFINITY;
  let audit = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    floor = Math.min(floor, timed(["-e", FLOOR, path]));
    audit = Math.min(audit, timed([cli, "audit", path, "--json"]));
  }
  floorSum += floor;
  auditSum += audit;
  console.log(`${f.padEnd(30)} ${floor.toFixed(0).padStart(9)} ${audit.toFixed(0).padStart(9)} ${(audit / floor).toFixed(2).padStart(6)}`);
}
const ratio = auditSum / floorSum;
console.log(`${"total".padEnd(30)} ${floorSum.toFixed(0).padStart(9)} ${auditSum.toFixed(0).padStart(9)} ${ratio.toFixed(2).padStart(6)}  (target ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? "met" : "not met"})`);
