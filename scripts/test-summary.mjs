// Prints the plain closing line CI reads ("N passed, N failed, N skipped") from vitest's JSON report, or
// from several (one per Node version in .ci/run), summed: any failure in any of them shows in the line.
import { readFileSync } from "node:fs";

const files = process.argv.length > 2 ? process.argv.slice(2) : ["out/test-results.json"];
let passed = 0;
let failed = 0;
let skipped = 0;
let total = 0;
for (const file of files) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    // a run that wrote no report (it crashed before the end) counts as one failure
    failed += 1;
    continue;
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  total += report.numTotalTests;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 || total === 0 ? 1 : 0;
