/**
 * 旧版 Office 文件 — .xls and .doc converted with LibreOffice (`soffice --headless --convert-to xlsx|docx`)
 * into a private temporary folder, then read by the XLSX or DOCX importer under the original name.
 * Without LibreOffice on the PATH, or when it fails or takes longer than the limit, a reading problem
 * says so. Never throws.
 */
import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, delimiter, extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { DocumentFile } from "../core/document.ts";
import { importDocx } from "./docx.ts";
import { errorText, importProblem } from "./problems.ts";
import { importXlsx } from "./xlsx.ts";

export const SOFFICE_TIMEOUT_MS = 60_000;

/** The soffice executable on the PATH, or undefined. */
export function findSoffice(path = process.env.PATH ?? ""): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    for (const exe of ["soffice", "soffice.bin", "libreoffice"]) {
      const p = join(dir, exe);
      try {
        accessSync(p, constants.X_OK);
        return p;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"], detached: false });
    let stderr = "";
    let timedOut = false;
    child.stderr.on("data", (d: Buffer) => {
      if (stderr.length < 4000) stderr += d.toString();
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      resolve({ code: -1, stderr: String(e), timedOut });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, timedOut });
    });
  });
}

export interface LegacyOptions {
  /** soffice to use; found on the PATH when not given (null: pretend there is none) */
  soffice?: string | null;
  timeoutMs?: number;
  deadline?: number;
}

/** Reads a legacy .xls (to: "xlsx") or .doc (to: "docx") file. */
export async function importLegacy(name: string, bytes: Uint8Array, to: "xlsx" | "docx", options: LegacyOptions = {}): Promise<DocumentFile> {
  const failed = (id: Parameters<typeof importProblem>[0], message: string): DocumentFile => ({
    name,
    format: to,
    parts: [{ kind: "whole", index: 1, read: false }],
    tables: [],
    sections: [],
    problems: [importProblem(id, message, { file: name })],
  });
  const soffice = options.soffice === null ? undefined : (options.soffice ?? findSoffice());
  const kind = to === "xlsx" ? ".xls" : ".doc";
  if (!soffice) {
    return failed("read.needs-libreoffice", `需要安装 LibreOffice 才能读取 ${kind} 文件（${basename(name)}） / LibreOffice is needed to read legacy ${kind} files (${basename(name)})`);
  }
  const dir = await mkdtemp(join(tmpdir(), "yusuan-legacy-"));
  try {
    const input = join(dir, `input${kind}`);
    await writeFile(input, bytes);
    const timeout = Math.max(1_000, Math.min(options.timeoutMs ?? SOFFICE_TIMEOUT_MS, options.deadline !== undefined ? options.deadline - Date.now() : Infinity));
    const profile = pathToFileURL(join(dir, "profile")).href;
    const out = join(dir, "out");
    const r = await run(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", to, "--outdir", out, input], timeout);
    const produced = (await readdir(out).catch(() => [] as string[])).find((f) => extname(f).toLowerCase() === `.${to}`);
    if (r.timedOut || !produced) {
      const why = r.timedOut ? `超过 ${Math.round(timeout / 1000)} 秒 / took longer than ${Math.round(timeout / 1000)} s` : `${r.stderr.trim().split("\n")[0] ?? ""}`;
      return failed("read.conversion-failed", `LibreOffice 未能转换 ${basename(name)}：${why} / LibreOffice could not convert ${basename(name)}: ${why}`);
    }
    const converted = new Uint8Array(await readFile(join(out, produced)));
    return to === "xlsx" ? await importXlsx(name, converted, { deadline: options.deadline }) : await importDocx(name, converted, { deadline: options.deadline });
  } catch (e) {
    return failed("read.conversion-failed", `LibreOffice 转换 ${basename(name)} 出错：${errorText(e)} / converting ${basename(name)} failed: ${errorText(e)}`);
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
