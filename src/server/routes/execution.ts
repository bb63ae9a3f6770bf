/**
 * 预算执行 — a budget's execution through the year: the execution record (adjustments with approvals,
 * indicator actuals, last year's figures), treasury payment imports (all or nothing: 422 with a finding
 * per bad row), spending and target progress with the monitoring rules, and the self-evaluation report
 * in every publication format, and next year's budget started from this one (下一年度预算). Read by everyone
 * who can read the budget; changed by its department.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { executionAnswer, executionSaved, nextYearAnswer, paymentsImported, progressAnswer } from "../../contract/index.ts";
import { monthlyExecuted, spendingProgress } from "../../core/execution/index.ts";
import { type CodeMapping, nextYearBudget } from "../../core/execution/next-year.ts";
import { evaluationDocument, evaluationReport } from "../../core/execution/report.ts";
import { deriveFinalAccounts } from "../../core/final-accounts/disclosure.ts";
import { operatingOutsideInstitutions } from "../../core/final-accounts/ledger.ts";
import { FINAL_ACCOUNTS_TEMPLATE_IDS } from "../../core/templates/index.ts";
import { createExecutionRuleContext, runExecutionRules } from "../../core/rules/execution.ts";
import { executionFileSchema } from "../../formats/execution/execution-file.ts";
import { importPayments } from "../../formats/execution/payments.ts";
import { createBudget, findBudget, getBudget, saveVersion } from "../../store/repos/budgets.ts";
import { getExecutionRecord, loadExecution, lockExecutionRecord, paymentSummary, putExecutionRecord, replacePayments } from "../../store/repos/execution.ts";
import { budgetFor, departmentFor } from "../access.ts";
import { audit } from "../audit.ts";
import { recordCheck } from "../budget-checks.ts";
import { requireUser } from "../auth/session.ts";
import { toContent } from "../budget-content.ts";
import { loadBudget } from "../budget-service.ts";
import { checkFormat } from "../disclosure-files.ts";
import { AppError } from "../errors.ts";
import { readUpload } from "../upload.ts";
import { describeBudget } from "./budgets.ts";
import { answers, createdAnswers, id, idParams } from "./schemas.ts";

/** 确认清空 — the user's word that an export of headers only replaces (removes) every payment */
const replaceAllQuery = z.object({ replaceAll: z.enum(["true", "false"]).optional().describe("true: a file without payments replaces all of them (清空)") });

export function executionRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["execution"];

  r.get("/api/budgets/:id/execution", { schema: { tags, summary: "执行记录 / the execution record and a summary of payments (amounts in 分)", params: idParams, response: answers(executionAnswer) } }, async (req) => {
    const b = await budgetFor(app.ctx.db, requireUser(req).actor, req.params.id, "budget.read");
    return { record: (await getExecutionRecord(app.ctx.db, b.id)) ?? null, payments: await paymentSummary(app.ctx.db, b.id) };
  });

  r.put(
    "/api/budgets/:id/execution",
    {
      schema: {
        tags,
        summary: "保存执行记录 / save the execution record (fields of execution.yaml; amounts in 元)",
        params: idParams,
        body: z.record(z.string(), z.unknown()).describe("execution.yaml as JSON: asOf, adjustments, actuals, prior, procurementExecuted, staff, reasons"),
        response: answers(executionSaved),
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const b = await budgetFor(app.ctx.db, actor, req.params.id, "budget.edit");
      const parsed = executionFileSchema.safeParse({ ...req.body, year: b.year });
      if (!parsed.success) throw new AppError("invalid", "执行记录无效 / invalid execution record", parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
      const record = JSON.parse(JSON.stringify(parsed.data)) as typeof parsed.data;
      if (record.finalAccounts) {
        const { budget } = await loadBudget(app.ctx, b.id);
        const problems = operatingOutsideInstitutions(budget, record.finalAccounts);
        if (problems.length > 0) throw new AppError("invalid", "执行记录无效 / invalid execution record", problems.map((p) => ({ path: p.field, message: p.message })));
      }
      await app.ctx.db.transaction().execute(async (trx) => {
        await putExecutionRecord(trx, b.id, record as never, actor.userId);
        await audit(trx, req, "execution.record", `budget:${b.id}`, { asOf: record.asOf, adjustments: record.adjustments.length, actuals: record.actuals.length }, b.regionId);
      });
      return { record };
    },
  );

  r.post(
    "/api/budgets/:id/execution/payments",
    {
      schema: {
        tags,
        summary: "导入国库支付明细 / import a treasury payment export (multipart `file`: .csv or .xlsx); replaces the budget's payments; all or nothing; a file of headers only is refused (409, `details.emptyImport`) unless `replaceAll=true`",
        params: idParams,
        querystring: replaceAllQuery,
        consumes: ["multipart/form-data"],
        response: answers(paymentsImported),
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const b = await budgetFor(app.ctx.db, actor, req.params.id, "budget.edit");
      const { budget } = await loadBudget(app.ctx, b.id);
      const upload = await readUpload(req, app.ctx.options.maxUploadBytes);
      const result = await importPayments(upload.bytes, upload.fileName, { year: b.year, units: new Set(budget.units.map((u) => u.code)), projects: new Set(budget.projects.map((p) => p.code)) });
      if (!result.ok) throw new AppError("invalid", `支付明细有误，未导入 / the export has problems: nothing imported`, { findings: result.findings });
      if (result.payments.length === 0 && req.query.replaceAll !== "true") {
        throw new AppError(
          "conflict",
          `文件“${upload.fileName}”只有表头、没有支付记录：导入它会清空本预算的全部支付明细，未导入。如确要清空，请确认后再导入 / "${upload.fileName}" has headers but no payments: importing it would remove every payment of this budget, so nothing was imported; confirm to replace everything (replaceAll=true)`,
          { emptyImport: true },
        );
      }
      await app.ctx.db.transaction().execute(async (trx) => {
        // waits for a 决算 being published from these payments (final-accounts-publish.ts)
        await lockExecutionRecord(trx, b.id);
        await replacePayments(trx, b.id, result.payments);
        await audit(trx, req, "execution.import", `budget:${b.id}`, { file: upload.fileName, payments: result.payments.length }, b.regionId);
      });
      return { imported: result.payments.length, total: result.payments.reduce((s, p) => s + p.amount, 0) };
    },
  );

  r.get("/api/budgets/:id/execution/progress", { schema: { tags, summary: "双监控 / spending against time progress, monthly spending and the monitoring findings", params: idParams, response: answers(progressAnswer) } }, async (req) => {
    const b = await budgetFor(app.ctx.db, requireUser(req).actor, req.params.id, "budget.read");
    const { budget } = await loadBudget(app.ctx, b.id);
    const exec = await loadExecution(app.ctx.db, b.id, b.year);
    const ctx = createExecutionRuleContext(budget, exec);
    const report = evaluationReport(budget, exec);
    return {
      asOf: exec.asOf,
      progress: spendingProgress(budget, exec, ctx.lines),
      monthly: monthlyExecuted(exec),
      cumulative: monthlyExecuted(exec, () => true, true),
      targets: report.projects.map((p) => ({ code: p.code, name: p.name, indicators: p.indicators.map((i) => ({ level3: i.level3, target: i.targetText, actual: i.completion.actualText, status: i.completion.status, rate: i.completion.rate })) })),
      findings: runExecutionRules(ctx),
    };
  });

  r.get(
    "/api/budgets/:id/evaluation/:format",
    { schema: { tags, summary: "绩效自评报告 / the self-evaluation report (json, html, xlsx, pdf, txt)", params: z.object({ id, format: z.string() }) } },
    async (req, reply) => {
      const b = await budgetFor(app.ctx.db, requireUser(req).actor, req.params.id, "budget.read");
      const { budget } = await loadBudget(app.ctx, b.id);
      checkFormat(req.params.format);
      const file = await app.ctx.jobs.run("render", { disclosure: evaluationDocument(budget, await loadExecution(app.ctx.db, b.id, b.year)), format: req.params.format });
      const name = `evaluation${file.fileName.slice(file.fileName.lastIndexOf("."))}`;
      return reply.header("content-type", file.contentType).header("content-disposition", `attachment; filename="${name}"`).header("x-content-sha256", file.sha256).send(Buffer.from(file.content));
    },
  );

  r.get(
    "/api/budgets/:id/final-accounts/:format",
    {
      schema: {
        tags,
        summary: "部门决算 / the budget year's final accounts (json, html, xlsx, pdf, txt), from the budget, its adjustments and its execution record's finalAccounts; 422 naming the field when the record does not balance",
        params: z.object({ id, format: z.string() }),
        querystring: z.object({ template: z.enum(FINAL_ACCOUNTS_TEMPLATE_IDS as [string, ...string[]]).optional(), scope: z.string().default("department") }),
      },
    },
    async (req, reply) => {
      const b = await budgetFor(app.ctx.db, requireUser(req).actor, req.params.id, "budget.read");
      checkFormat(req.params.format);
      const { budget } = await loadBudget(app.ctx, b.id);
      const catalog = await app.ctx.catalogs.get(app.ctx.db, b.regionId, b.year);
      const r = deriveFinalAccounts(budget, await loadExecution(app.ctx.db, b.id, b.year), catalog, req.query.template ?? FINAL_ACCOUNTS_TEMPLATE_IDS[0]!);
      if (!r.ok) throw new AppError("invalid", "决算数据不完整或不平衡 / the final-accounts record is missing or does not balance", r.problems.map((p) => ({ path: p.field, message: p.message })));
      const d = r.disclosures.find((x) => (x.scope.kind === "department" ? "department" : x.scope.code) === req.query.scope);
      if (!d) throw new AppError("not-found", `没有单位 ${req.query.scope} / no unit ${req.query.scope}`);
      const file = await app.ctx.jobs.run("render", { disclosure: d, format: req.params.format });
      const name = `final-accounts${file.fileName.slice(file.fileName.lastIndexOf("."))}`;
      return reply.header("content-type", file.contentType).header("content-disposition", `attachment; filename="${name}"`).header("x-content-sha256", file.sha256).send(Buffer.from(file.content));
    },
  );

  r.post(
    "/api/budgets/:id/next-year",
    {
      schema: {
        tags,
        summary: "生成下一年度预算 / start next year's budget from this one and its execution (a draft; 409 with `details.budgetId` when it exists)",
        params: idParams,
        body: z
          .object({
            mapping: z.object({ functional: z.record(z.string(), z.string()).optional(), economic: z.record(z.string(), z.string()).optional() }).optional().describe("科目代码对照 old → new"),
            drop: z.array(z.string()).optional().describe("项目编码 of recurring projects not to carry over"),
          })
          .default({}),
        response: createdAnswers(nextYearAnswer),
      },
    },
    async (req, reply) => {
      const { actor } = requireUser(req);
      const b = await budgetFor(app.ctx.db, actor, req.params.id, "budget.read");
      const dept = await departmentFor(app.ctx.db, actor, b.departmentId, "budget.create");
      const existing = await findBudget(app.ctx.db, b.departmentId, b.year + 1);
      if (existing !== undefined) throw new AppError("conflict", `${dept.name} ${b.year + 1} 年度预算已存在 / next year's budget already exists`, { budgetId: existing });
      const { budget } = await loadBudget(app.ctx, b.id);
      const drop = new Set(req.body.drop ?? []);
      const mapping = req.body.mapping ? (JSON.parse(JSON.stringify(req.body.mapping)) as CodeMapping) : undefined;
      const next = nextYearBudget(budget, {
        recurring: (p) => p.class !== "special" && !drop.has(p.code),
        execution: await loadExecution(app.ctx.db, b.id, b.year),
        ...(mapping ? { mapping } : {}),
      });
      const created = await app.ctx.db.transaction().execute(async (trx) => {
        const newId = await createBudget(trx, b.departmentId, b.year + 1);
        const note = `由 ${b.year} 年预算生成 / started from ${b.year}`;
        const saved = await saveVersion(trx, { budgetId: newId, expectedVersion: 0, content: toContent(next.budget), lineItems: next.budget.lineItems, authorId: actor.userId, note });
        await recordCheck(trx, app.ctx.catalogs, { budgetId: newId, regionId: b.regionId, year: b.year + 1, version: saved.version }, next.budget);
        await audit(trx, req, "budget.next-year", `budget:${newId}`, { from: b.id, year: b.year + 1, version: saved.version, mapped: next.mapped.length, dropped: next.dropped.length }, b.regionId);
        return newId;
      });
      reply.code(201);
      return { budget: describeBudget((await getBudget(app.ctx.db, created))!, actor), mapped: next.mapped, dropped: next.dropped };
    },
  );
}
