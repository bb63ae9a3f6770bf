/**
 * The built command (dist/node, what bin/yusuan.mjs runs) against the TypeScript sources run through tsx
 * (YUSUAN_FROM_SOURCE=1): the same output, byte for byte, and the same exit code. Also: the check path's
 * build loads no heavy package, a stale build is noticed, and the engines check of the lock.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OUT, ROOT, isBuildFresh } from "../scripts/build-node.mjs";
import { engineProblems, oldestOfEachLine } from "../scripts/check-engines.mjs";

const SAMPLE = "examples/luolong-shequ-2021";
const work = mkdtempSync(join(tmpdir(), "yusuan-built-"));

function yusuan(args: string[], fromSource = false) {
  const env = { ...process.env, YUSUAN_FROM_SOURCE: fromSource ? "1" : "" };
  const r = spawnSync(process.execPath, ["bin/yusuan.mjs", ...args], { cwd: ROOT, env, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  const r = spawnSync(process.execPath, ["scripts/build-node.mjs", "--if-stale", "--quiet"], { cwd: ROOT, encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the build runs like the sources", () => {
  it("check: the same findings, text and JSON, and the same exit code", () => {
    for (const args of [["check", SAMPLE], ["check", SAMPLE, "--json"]]) {
      const built = yusuan(args);
      const source = yusuan(args, true);
      expect(built.stderr).toBe("");
      expect(built.stdout).toContain("staffing.actual");
      expect(built).toEqual(source);
    }
  });

  it("render: the same files in every text format; xlsx and pdf written", () => {
    const outBuilt = join(work, "render-built");
    const outSource = join(work, "render-source");
    expect(yusuan(["render", SAMPLE, "-o", outBuilt, "-f", "all"]).status).toBe(0);
    expect(yusuan(["render", SAMPLE, "-o", outSource, "-f", "json,html,txt"], true).status).toBe(0);
    for (const f of ["disclosure.json", "disclosure.html", "disclosure.txt", "units/313001/disclosure.json"]) {
      expect(readFileSync(join(outBuilt, f), "utf8")).toBe(readFileSync(join(outSource, f), "utf8"));
    }
    expect(readFileSync(join(outBuilt, "disclosure.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    expect(readFileSync(join(outBuilt, "disclosure.xlsx")).subarray(0, 2).toString()).toBe("PK");
  });

  it("audit, execution import and the error path: the same output", () => {
    const text = join(work, "disclosure.txt");
    expect(yusuan(["render", SAMPLE, "-o", work, "-f", "txt"]).status).toBe(0);
    for (const args of [["audit", text, "--no-progress"], ["execution", "import", `${SAMPLE}/execution-2021/payments.csv`, "--budget", SAMPLE], ["check", join(work, "missing")]]) {
      expect(yusuan(args)).toEqual(yusuan(args, true));
    }
    // no stack trace for a person, only the message
    const missing = yusuan(["check", join(work, "missing")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^错误 \/ error: .*找不到文件或目录 \/ no such file or directory\n$/);
  });

  it("--version prints the package's version", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(yusuan(["--version"])).toEqual({ status: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });
});

describe("serve from the build", () => {
  function freePort(): Promise<number> {
    return new Promise((resolve) => {
      const srv = createServer().listen(0, "127.0.0.1", () => {
        const port = (srv.address() as { port: number }).port;
        srv.close(() => resolve(port));
      });
    });
  }

  it("starts, seeds the sample from examples/, answers /api/health and / and stops on SIGTERM", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ["bin/yusuan.mjs", "serve", "--port", String(port), "--data-dir", join(work, "data")], { cwd: ROOT, env: { ...process.env, YUSUAN_FROM_SOURCE: "", LOG_LEVEL: "warn" }, stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    child.stdout.on("data", (d: Buffer) => (log += d.toString()));
    child.stderr.on("data", (d: Buffer) => (log += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      const url = `http://127.0.0.1:${port}`;
      let health: Response | undefined;
      // start-up seeds and publishes the sample (its documents rendered): minutes on a loaded machine
      for (const deadline = Date.now() + 200_000; !health && Date.now() < deadline; ) {
        health = await fetch(`${url}/api/health`).catch(() => undefined);
        if (!health) await new Promise((r) => setTimeout(r, 250));
      }
      expect(health?.status, log).toBe(200);
      expect(await health!.json()).toMatchObject({ status: "ok", database: "pglite" });
      // the seed read examples/luolong-shequ-2021 through a path made from import.meta.url
      const regions = (await (await fetch(`${url}/api/public/regions`)).json()) as { regions: { code: string }[] };
      expect(regions.regions.map((r) => r.code)).toContain("410311");
      // so did the web app's directory: served when it is built (npm start builds it; the browser tests too)
      const home = await fetch(`${url}/`, { headers: { accept: "text/html" } });
      if (existsSync(join(ROOT, "dist/web/index.html"))) {
        expect(home.status).toBe(200);
        expect(await home.text()).toContain('<html lang="zh-CN">');
      } else {
        expect(home.status).toBe(404);
      }
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  }, 300_000);
});

describe("what the check path loads", () => {
  interface Meta {
    outputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }>;
  }

  /** Every package a file of the build imports statically, with what those files import statically. */
  function staticPackages(meta: Meta, start: string): Set<string> {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const i of meta.outputs[file]?.imports ?? []) {
        if (i.kind !== "import-statement") continue;
        if (i.external) packages.add(i.path);
        else visit(i.path);
      }
    };
    visit(start);
    return packages;
  }

  it("yusuan.js and the check command import nothing but Node's built-ins (commander, js-yaml, yaml and zod are bundled)", () => {
    const meta = JSON.parse(readFileSync(join(OUT, "meta.json"), "utf8")) as Meta;
    const outputs = Object.keys(meta.outputs);
    const entry = outputs.find((o) => o.endsWith("/yusuan.js"))!;
    const check = outputs.find((o) => /\/check-[^/]*\.js$/.test(o))!;
    expect(entry).toBeDefined();
    expect(check).toBeDefined();
    const loaded = new Set([...staticPackages(meta, entry), ...staticPackages(meta, check)]);
    expect([...loaded].filter((p) => !p.startsWith("node:"))).toEqual([]);
  });

  it("render loads Typst and ExcelJS only for the formats that need them", () => {
    const meta = JSON.parse(readFileSync(join(OUT, "meta.json"), "utf8")) as Meta;
    const render = Object.keys(meta.outputs).find((o) => /\/render-[^/]*\.js$/.test(o))!;
    const loaded = [...staticPackages(meta, render)];
    expect(loaded.filter((p) => /typst|exceljs|pdfjs|fastify|pglite|argon2|mammoth/.test(p))).toEqual([]);
  });
});

describe("what the audit of a PDF loads", () => {
  it("pdfjs, and neither the Office or HTML readers, the scorecard writers, the progress bar nor the budget schemas", () => {
    const dir = mkdtempSync(join(work, "audit-loads-"));
    expect(yusuan(["render", SAMPLE, "-o", dir, "-f", "pdf"]).status).toBe(0);
    // a module hook (Node's loader thread) writes down every module the command loads
    const log = join(dir, "loaded.txt");
    writeFileSync(join(dir, "hooks.mjs"), `import { appendFileSync } from "node:fs";\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + "\\n"); return next(url, context); }\n`);
    writeFileSync(join(dir, "register.mjs"), `import { register } from "node:module";\nregister(${JSON.stringify(`file://${join(dir, "hooks.mjs")}`)});\n`);
    const r = spawnSync(process.execPath, ["--import", join(dir, "register.mjs"), "bin/yusuan.mjs", "audit", join(dir, "disclosure.pdf"), "--json"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status, r.stderr).toBeLessThan(2);
    expect(JSON.parse(r.stdout).documents).toHaveLength(1);
    const urls = readFileSync(log, "utf8").trim().split("\n");
    expect(urls.some((u) => u.includes("pdfjs-dist"))).toBe(true);
    // packages bundled into the build (zod, cli-progress) are found by the sources of the chunks loaded
    const meta = JSON.parse(readFileSync(join(OUT, "meta.json"), "utf8")) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    const inputsOf = new Map(Object.entries(meta.outputs).map(([file, o]) => [file.split("/").pop()!, Object.keys(o.inputs)]));
    const loaded = urls.flatMap((u) => (u.includes("/dist/node/") ? (inputsOf.get(u.split("/").pop()!) ?? []) : [u]));
    const unwanted = /node_modules\/(exceljs|mammoth|htmlparser2|csv-stringify|cli-progress|zod|js-yaml|@myriaddreamin|fastify|@electric-sql)\/|src\/formats\/budget-file\/|src\/server\//;
    expect(loaded.filter((p) => unwanted.test(p))).toEqual([]);
  }, 120_000);
});

describe("a stale build is noticed", () => {
  function fakeBuild(builtAt: number, inputs: string[]) {
    const root = mkdtempSync(join(work, "stale-"));
    const out = join(root, "dist/node");
    mkdirSync(join(root, "src"), { recursive: true });
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "yusuan.js"), "");
    writeFileSync(join(root, "src/a.ts"), "");
    utimesSync(join(root, "src/a.ts"), new Date(builtAt - 10_000), new Date(builtAt - 10_000));
    writeFileSync(join(out, "build.json"), JSON.stringify({ builtAt, inputs }));
    return { root, out };
  }

  it("fresh when every source is older than the build; stale when one is newer, or gone", () => {
    const now = Date.now();
    const { root, out } = fakeBuild(now, ["src/a.ts"]);
    expect(isBuildFresh(out, root)).toBe(true);
    utimesSync(join(root, "src/a.ts"), new Date(now + 5_000), new Date(now + 5_000));
    expect(isBuildFresh(out, root)).toBe(false);
    expect(isBuildFresh(...(({ out, root }) => [out, root] as const)(fakeBuild(now, ["src/gone.ts"])))).toBe(false);
  });

  it("stale without its stamp or its entry", () => {
    const { root, out } = fakeBuild(Date.now(), ["src/a.ts"]);
    rmSync(join(out, "yusuan.js"));
    expect(isBuildFresh(out, root)).toBe(false);
    expect(isBuildFresh(join(root, "nowhere"), root)).toBe(false);
  });

  it("the real build lists its sources, this test file's subject among them", () => {
    const stamp = JSON.parse(readFileSync(join(OUT, "build.json"), "utf8")) as { inputs: string[] };
    expect(stamp.inputs).toContain("src/cli/main.ts");
    expect(stamp.inputs).toContain("src/cli/check.ts");
    expect(stamp.inputs).toContain("package-lock.json");
    expect(stamp.inputs.some((f) => f.includes("node_modules"))).toBe(false);
    // the build is flat, so paths made from import.meta.url (../../examples, ../../dist/web) reach the repository
    expect(readdirSync(OUT).every((f) => !f.includes("/"))).toBe(true);
  });
});

describe("engines", () => {
  it("reads the oldest Node of each line from an engines range", () => {
    expect(oldestOfEachLine("^20.19.0 || ^22.13.0 || >=24")).toEqual(["20.19.0", "22.13.0", "24.0.0"]);
  });

  it("no installed package excludes Node 20, 22 or 24 (npm's EBADENGINE)", () => {
    expect(engineProblems(ROOT)).toEqual([]);
  });

  it("finds a package that excludes one (Node 18 is outside many)", () => {
    expect(engineProblems(ROOT, ["18.0.0"]).length).toBeGreaterThan(0);
  });
});
