/**
 * The `yusuan` command line. Every command turns bad input into one clear message (Chinese first,
 * English beside) and an exit code; a stack trace is shown only with YUSUAN_DEBUG=1.
 *
 * Each command's module is imported when the command runs, so `yusuan check` never loads what only
 * `render`, `audit` or `serve` need (PDF and Excel libraries, the server, the database): start-up is most
 * of the time a short command takes.
 */
import { DEFAULT_TEMPLATE_ID, FINAL_ACCOUNTS_TEMPLATE_IDS, TEMPLATE_IDS } from "../core/templates/index.ts";
import { Command, CommanderError } from "commander";
import packageJson from "../../package.json" with { type: "json" };
import { InputError, formatProblem } from "../formats/errors.ts";
import { RENDERERS } from "../formats/renderers.ts";
import type { AuditOptions } from "./audit.ts";
import type { CheckOptions } from "./check.ts";
import type { ExportOptions } from "./export.ts";
import type { EvaluateOptions, ExecutionImportOptions, NextYearCliOptions } from "./execution.ts";
import type { NewOptions } from "./new.ts";
import type { RenderOptions } from "./render.ts";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s.endsWith("\n") ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith("\n") ? s : `${s}\n`),
};

/** Exit codes shared by every command: 0 fine, 1 findings at error level, 2 input unusable. */
export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command()
    .name("yusuan")
    .description("预算 Yusuan — 部门预算：一份数据，生成全部公开表格与说明 / department budgets: one source of truth, every table and narrative derived")
    .version(packageJson.version, "-V, --version", "版本 / print the version")
    .helpOption("-h, --help", "帮助 / show help")
    .helpCommand("help [command]", "某命令的帮助 / show help for a command")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError()
    // before any command reads a budget: .xlsx entry workbooks are budgets too (after parsing, so that
    // --help and --version load no budget reader; `audit` reads published documents, never a budget, and
    // would load the budget file's schemas for nothing)
    .hook("preAction", async (_program, command) => {
      if (command.name() === "audit") return;
      const { registerXlsxReader } = await import("../formats/entry-workbook/register.ts");
      registerXlsxReader();
    });

  program
    .command("render")
    .description("生成公开文件 / render the disclosure of a budget (department and each unit)")
    .argument("<budget>", "预算目录或文件，或多个预算所在目录 / budget directory or file, or a directory of budgets")
    .requiredOption("-o, --out <dir>", "输出目录 / output directory")
    .option("-f, --format <list>", `格式 / formats: ${Object.keys(RENDERERS).join(",")} (or all)`, "json,html")
    .option("-t, --template <id>", `公开模板 / disclosure template: ${TEMPLATE_IDS.join(" | ")} (default ${DEFAULT_TEMPLATE_ID}); 决算 / final accounts (with --execution): ${FINAL_ACCOUNTS_TEMPLATE_IDS.join(" | ")}`)
    .option("-l, --layout <id>", "同 --template（旧名） / same as --template (old name)")
    .option("--catalog <kind=file...>", "载入正式科目目录 / load an official catalog file (CSV/XLSX: code,name)")
    .option("--catalog-mode <mode>", "extend | replace", "extend")
    .option("--progress", "显示进度条 / show a progress bar in batch mode (default: when stderr is a terminal)")
    .option("--no-progress", "不显示进度条 / no progress bar")
    .option("-j, --jobs <n>", "批量时的线程数 / worker threads for a directory of budgets (default: one per core)")
    .option("--draft", "有错误也生成，每页标注“草稿 未经审核” / render despite error-level findings, every page marked 草稿 未经审核")
    .option("--execution <dir>", "决算模板所需的执行数据目录 / the year's execution directory, which a final-accounts (决算) template needs")
    .action(async (budget: string, opts: RenderOptions) => {
      const { renderCommand } = await import("./render.ts");
      code = await renderCommand(budget, opts, io);
    });

  program
    .command("export")
    .description("导出开放数据 / export a budget's figures as open data: a Fiscal Data Package, CSV or XLSX (a directory: one per year)")
    .argument("<budget>", "预算目录或文件，或多个预算所在目录 / budget directory or file, or a directory of budgets")
    .requiredOption("-o, --out <dir>", "输出目录 / output directory")
    .option("-f, --format <format>", "fdp | csv | xlsx", "fdp")
    .option("--catalog <kind=file...>", "载入正式科目目录 / load an official catalog file (CSV/XLSX: code,name)")
    .option("--catalog-mode <mode>", "extend | replace", "extend")
    .action(async (budget: string, opts: ExportOptions) => {
      const { exportCommand } = await import("./export.ts");
      code = await exportCommand(budget, opts, io);
    });

  program
    .command("check")
    .description("审核预算数据 / check a budget: every finding a reviewer would raise, with its place")
    .argument("<budget>", "预算目录或文件，或多个预算所在目录 / budget directory or file (yaml, json, xlsx), or a directory of budgets")
    .option("--json", "以 JSON 输出 / print {\"findings\": [...]} (a directory: {\"budgets\": [...], \"summary\": {...}})")
    .option("-j, --jobs <n>", "批量时的线程数 / worker threads for a directory of budgets (default: one per core)")
    .option("--progress", "显示进度条 / show a progress bar in batch mode (default: when stderr is a terminal)")
    .option("--no-progress", "不显示进度条 / no progress bar")
    .option("--catalog <kind=file...>", "载入正式科目目录 / load an official catalog file (CSV/XLSX: code,name)")
    .option("--catalog-mode <mode>", "extend | replace", "extend")
    .action(async (budget: string, opts: CheckOptions) => {
      const { checkCommand } = await import("./check.ts");
      code = await checkCommand(budget, opts, io);
    });

  program
    .command("audit")
    .description("审核已公开的预算文件 / audit published disclosure documents: every inconsistency, with its place")
    .argument("<files...>", "文件或目录 / files or directories (.txt .md .tsv); files with the same stem are one document")
    .option("--one", "所有文件作为一份文件 / treat all given files as one document")
    .option("--json", "以 JSON 输出 / print {\"findings\": [...], \"documents\": [...]}")
    .option("--html <file>", "另存 HTML 报告 / also write an HTML report")
    .option("--scorecard <file>", "另存评估表（每份文件一行；.csv .xlsx .html）/ also write a scorecard, one row per document")
    .option("--catalog <kind=file...>", "载入正式科目目录 / load an official catalog file (CSV/XLSX: code,name)")
    .option("--catalog-mode <mode>", "extend | replace", "extend")
    .option("--progress", "显示进度条 / show a progress bar (default: when stderr is a terminal)")
    .option("--no-progress", "不显示进度条 / no progress bar")
    .action(async (files: string[], opts: AuditOptions) => {
      // a PDF (or a directory, which may hold some) is read in a thread of its own: start it now, so that
      // loading pdfjs there overlaps loading the audit here
      if (files.some((f) => /\.pdf$/i.test(f) || !/\.[a-z0-9]{2,5}$/i.test(f))) (await import("../audit/importers/pdf-thread.ts")).warmPdfThread();
      const { auditCommand } = await import("./audit.ts");
      code = await auditCommand(files, opts, io);
    });

  program
    .command("execution")
    .description("预算执行 / budget execution")
    .command("import")
    .description("检查并读取国库支付导出 / check treasury payment exports (CSV/XLSX): all or nothing, every bad row with its place")
    .argument("<files...>", "支付明细文件 / payment export files")
    .option("--budget <budget>", "对照预算检查单位、项目与年度 / check units, projects and year against a budget")
    .option("--year <year>", "预算年度 / fiscal year (without --budget)")
    .option("--json", "以 JSON 输出 / print {\"payments\": [...]}")
    .action(async (files: string[], opts: ExecutionImportOptions) => {
      const { executionImportCommand } = await import("./execution.ts");
      code = await executionImportCommand(files, opts, io);
    });

  program
    .command("evaluate")
    .description("绩效自评报告 / the year-end self-evaluation report of a budget and its execution")
    .argument("<budget>", "预算目录或文件 / budget directory or file")
    .requiredOption("--execution <dir>", "执行数据目录 / execution directory (execution.yaml and payment exports)")
    .requiredOption("-o, --out <dir>", "输出目录 / output directory")
    .option("-f, --format <list>", `格式 / formats: ${Object.keys(RENDERERS).join(",")} (or all)`, "json,html")
    .action(async (budget: string, opts: EvaluateOptions) => {
      const { evaluateCommand } = await import("./execution.ts");
      code = await evaluateCommand(budget, opts, io);
    });

  program
    .command("next-year")
    .description("由本年预算生成下一年度预算草稿 / start next year's budget from this year's (units, recurring projects, targets, prior-year figures)")
    .argument("<budget>", "本年预算 / this year's budget")
    .requiredOption("-o, --out <dir>", "输出目录 / output directory for budget.yaml")
    .option("--execution <dir>", "本年执行数据：项目结转列入下年 / this year's execution: project carry-over becomes next year's 结转 lines")
    .option("--mapping <file>", "科目代码对照 / code mapping (YAML/JSON: functional, economic)")
    .option("--drop <codes>", "不延续的项目编码 / project codes not to carry over (comma-separated)")
    .action(async (budget: string, opts: NextYearCliOptions) => {
      const { nextYearCommand } = await import("./execution.ts");
      code = await nextYearCommand(budget, opts, io);
    });

  program
    .command("new")
    .description("新建预算文件 / write a new budget: a commented budget.yaml, or an Excel entry workbook")
    .argument("[dir]", "目录 / directory for budget.yaml")
    .option("--xlsx <file>", "生成 Excel 填报模板 / write the Excel entry workbook instead")
    .option("-y, --year <year>", "预算年度 / fiscal year (default: next year)")
    .option("--force", "覆盖已有文件 / overwrite an existing file")
    .action(async (dir: string | undefined, opts: NewOptions) => {
      const { newCommand } = await import("./new.ts");
      code = await newCommand(dir, opts, io);
    });

  program
    .command("serve")
    .description("启动服务 / run the HTTP API (PGlite in ./data, or PostgreSQL with DATABASE_URL); seeds the demo on first start")
    .option("--port <port>", "端口 / port (PORT)", process.env.PORT ?? "3000")
    .option("--host <host>", "监听地址 / host (HOST)", process.env.HOST ?? "127.0.0.1")
    .option("--data-dir <dir>", "PGlite 数据目录 / PGlite data directory (YUSUAN_DATA_DIR)", process.env.YUSUAN_DATA_DIR ?? "data")
    .option("--no-seed", "不写入演示数据 / do not seed the demo into an empty database")
    .action(async (opts: { port: string; host: string; dataDir: string; seed: boolean }) => {
      const { serveForever } = await import("../server/start.ts");
      await serveForever({
        port: Number(opts.port),
        host: opts.host,
        dataDir: opts.dataDir,
        databaseUrl: process.env.DATABASE_URL || undefined,
        seed: opts.seed,
        secureCookies: process.env.YUSUAN_SECURE_COOKIES === "1",
        logLevel: process.env.LOG_LEVEL,
      });
    });

  program
    .command("admin")
    .description("管理 / administration")
    .command("create-user")
    .description("新建用户 / create a user (on DATABASE_URL, or PGlite in --data-dir); password from YUSUAN_PASSWORD or --password")
    .requiredOption("--username <name>", "用户名 / username")
    .requiredOption("--role <role>", "角色 / preparer | department-approver | finance-reviewer | admin")
    .requiredOption("--region <code>", "区划代码 / region code, e.g. 410311")
    .option("--password <password>", "密码（更安全：环境变量 YUSUAN_PASSWORD）/ password (safer: YUSUAN_PASSWORD)")
    .option("--region-name <name>", "区划名称：区划不存在时新建 / region name: creates the region if it does not exist")
    .option("--display-name <name>", "显示名 / display name")
    .option("--department <code>", "部门编码 / department code (preparer, department-approver)")
    .option("--unit <code>", "单位编码 / unit code (preparer)")
    .option("--division <name>", "业务科室 / finance division name (finance-reviewer)")
    .option("--data-dir <dir>", "PGlite 数据目录 / PGlite data directory", process.env.YUSUAN_DATA_DIR ?? "data")
    .action(async (opts: { username: string; role: string; region: string; regionName?: string; password?: string; displayName?: string; department?: string; unit?: string; division?: string; dataDir: string }) => {
      const { createUserFromCli } = await import("../server/admin.ts");
      const password = opts.password ?? process.env.YUSUAN_PASSWORD;
      if (!password) throw new InputError([{ file: "--password", message: "缺少密码 / no password (--password or YUSUAN_PASSWORD)" }]);
      const { id } = await createUserFromCli({ ...opts, password, databaseUrl: process.env.DATABASE_URL || undefined });
      io.out(`已创建用户 ${opts.username}（id ${id}，${opts.role}） / created user ${opts.username} (id ${id})`);
    });

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.unusable;
    return reportFailure(e, io);
  }
  return code;
}

/** The one place where an exception becomes a message for a person. */
export function reportFailure(e: unknown, io: Io): number {
  if (e instanceof InputError) {
    for (const p of e.problems) io.err(`错误 / error: ${formatProblem(p)}`);
    return EXIT.unusable;
  }
  const message = e instanceof Error ? e.message : String(e);
  io.err(`错误 / error: ${message}`);
  if (process.env.YUSUAN_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
  return EXIT.unusable;
}
