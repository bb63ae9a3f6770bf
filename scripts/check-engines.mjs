#!/usr/bin/env node
/**
 * Every installed package must promise to run on each Node line the README names (20, 22 and 24): reads
 * package-lock.json and the package.json of each package installed under node_modules, and fails when a
 * package's `engines.node` excludes one of them. npm itself only warns (EBADENGINE), and only for the Node
 * that runs `npm ci`; this checks all three at once, so a dependency update that drops Node 20 is caught
 * on any machine.
 *
 * The Node versions checked are the oldest of each line that our own package.json `engines.node` admits
 * (^20.19.0 || ^22.13.0 || >=24 → 20.19.0, 22.13.0, 24.0.0): one statement of what we support, here and
 * for npm.
 *
 * Usage: node scripts/check-engines.mjs [--nodes 20.19.0,22.13.0,24.0.0]
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import semver from "semver";

/** The oldest Node of each alternative in an engines range: "^20.19.0 || ^22.13.0 || >=24" → 20.19.0, 22.13.0, 24.0.0. */
export function oldestOfEachLine(range) {
  return new semver.Range(range).set.map((comparators) => semver.minVersion(comparators.map(String).join(" ")).version);
}

/** The Node versions our package.json promises, by their oldest release of each line. */
export function supportedNodes(root) {
  const own = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  return oldestOfEachLine(own.engines.node);
}

/**
 * The packages whose engines.node excludes one of `nodes`: [{ name, version, range, excluded }].
 * Platform packages npm did not install (optional dependencies for other systems) are skipped.
 */
export function engineProblems(root, nodes = supportedNodes(root)) {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
  const problems = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (path === "") continue;
    const manifestFile = join(root, path, "package.json");
    const installed = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, "utf8")) : undefined;
    if (!installed && entry.optional) continue;
    // the lock copies engines from the manifest; the installed manifest wins when both are there
    const range = installed?.engines?.node ?? entry.engines?.node;
    if (typeof range !== "string" || range.trim() === "" || range.trim() === "*") continue;
    if (!semver.validRange(range)) {
      problems.push({ name: path.replace(/^.*node_modules\//, ""), version: entry.version, range, excluded: ["(unreadable range)"] });
      continue;
    }
    const excluded = nodes.filter((v) => !semver.satisfies(v, range, { includePrerelease: true }));
    if (excluded.length) problems.push({ name: path.replace(/^.*node_modules\//, ""), version: entry.version, range, excluded });
  }
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf("--nodes");
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const nodes = i > 0 ? process.argv[i + 1].split(",") : supportedNodes(root);
  const problems = engineProblems(root, nodes);
  for (const p of problems) {
    console.error(`不支持的 Node 版本 / unsupported Node: ${p.name}@${p.version} 要求 / requires node ${p.range}，不含 / excludes ${p.excluded.join(", ")}`);
  }
  if (problems.length) {
    console.error(`${problems.length} 个依赖不支持全部 Node 版本 / ${problems.length} dependencies exclude a supported Node (${nodes.join(", ")})`);
    process.exit(1);
  }
  console.log(`依赖均支持 / all dependencies support Node ${nodes.join(", ")}`);
}
