#!/usr/bin/env node
// The `yusuan` command. Runs the JavaScript build in dist/node (made by `npm ci` through the `prepare`
// script, see scripts/build-node.mjs). When the build is missing or older than a source (after a
// `git pull`, or while editing), it is rebuilt first (esbuild, about a second); if that fails for another
// reason than a source that does not compile (dist/ not writable, say), the TypeScript sources run through
// tsx instead. YUSUAN_FROM_SOURCE=1 always runs the sources.
import module from "node:module";

if (process.env.YUSUAN_DEBUG) process.setSourceMapsEnabled(true); // stack traces point into src/

// Node 22.1+: keeps V8's compiled code between runs (absent on Node 20, where this does nothing).
module.enableCompileCache?.();

async function runSources() {
  const { register } = await import("tsx/esm/api");
  register();
  return import("../src/cli/main.ts");
}

async function loadBuild() {
  const build = await import("../scripts/build-node.mjs");
  if (!build.isBuildFresh()) {
    try {
      await build.buildNode();
    } catch (e) {
      if (e.errors?.some((m) => m.location)) {
        // a source does not compile: say where, as the build script does
        for (const m of e.errors) console.error(`错误 / error: ${m.location ? `${m.location.file}:${m.location.line}:${m.location.column} ` : ""}${m.text}`);
        console.error("构建失败 / build failed (YUSUAN_FROM_SOURCE=1 runs the sources through tsx)");
        process.exit(2);
      }
      // dist/ not writable (an installed copy), esbuild missing or failing: the sources still run
      console.error(`提示：无法构建 dist/node（${e.code ?? e.message}），改为直接运行源码 / note: cannot build dist/node, running the sources through tsx`);
      return runSources();
    }
  }
  return import(build.ENTRY_URL);
}

const { main } = process.env.YUSUAN_FROM_SOURCE === "1" ? await runSources() : await loadBuild();
process.exitCode = await main(process.argv.slice(2));
