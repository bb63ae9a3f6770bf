/**
 * 预算执行 — a budget's execution through the year: the execution record (adjustments with approvals,
 * indicator actuals, last year's figures), treasury payment imports (all or nothing: 422 with a finding
 * per bad row), spending and target progress with the monitoring rules, and the self-evaluation report
 * in every publication format. Read by everyone who can read the budget; changed by its department.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { monthlyExecuted, spendingProgress } from "../../core/execution/index.ts";
import { evaluationDocument, evaluationReport } from "../../core/execution/report.ts";
import { createExecutionRuleContext, runExecutionRules } from "../../core/rules/execution.ts";
import { executionFileSchema } from "../../formats/execution/execution-file.ts";
import { importPayments } from "../../formats/execution/payments.ts";
import { getExecutionRecord, loadExecution, paymentSummary, putExecutionRecord, replacePayments } from "../../store/repos/execution.ts";
import { budgetFor } from "../access.ts";
import { audit } from "../audit.ts";
import { requireUser } from "../auth/session.ts";
import { loadBudget } from "../budget-service.ts";
import { renderFile } from "../disclosure-files.ts";
import { AppError } from "../errors.ts";
import { readUpload } from "../upload.ts";
import { id, idParams } from "./schemas.ts";

export function executionRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["execution"];

  r.get("/api/budgets/:id/execution", { schema: { tags, summary: "执行记录 / the execution record and a summary of payments (amounts in 分)", params: idParams } }, async (req) => {
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
      },
    },
    async (req) => {
      const { actor } = requireUser(req);
      const b = await budgetFor(app.ctx.db, actor, req.params.id, "budget.edit");
      const parsed = executionFileSchema.safeParse({ ...req.body, year: b.year });
      if (!parsed.success) throw new AppError("invalid", "执行记录无效 / invalid execution record", parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
      const record = JSON.parse(JSON.stringify(parsed.data)) as typeof parsed.data;
      await app.ctx.db.transaction().execute(async (trx) => {
        await putExecutionRecord(trx, b.id, record as never, actor.userId);
        await audit(trx, req, "execution.record", `budget:${b.id}`, { asOf: record.asOf, adjustments: record.adjustments.length, actuals: record.actuals.length }, b.regionId);
      });
      return { record };
    },
  );

  r.post(
    "/api/budgets/:id/execution/payments",
    { schema: { tags, summary: "导入国库支付明细 / import a treasury payment export (multipart `file`: .csv or .xlsx); replaces the budget's payments; all or nothing", params: idParams, consumes: ["multipart/form-data"] } },
    async (req) => {
      const { actor } = requireUser(req);
      const b = await budgetFor(app.ctx.db, actor, req.params.id, "budget.edit");
      const { budget } = await loadBudget(app.ctx, b.id);
      const upload = await readUpload(req);
      const result = await importPayments(upload.bytes, upload.fileName, { year: b.year, units: new Set(budget.units.map((u) => u.code)), projects: new Set(budget.projects.map((p) => p.code)) });
      if (!result.ok) throw new AppError("invalid", `支付明细有误，未导入 / the export has problems: nothing imported`, { findings: result.findings });
      await app.ctx.db.transaction().execute(async (trx) => {
        await replacePayments(trx, b.id, result.payments);
        await audit(trx, req, "execution.import", `budget:${b.id}`, { file: upload.fileName, payments: result.payments.length }, b.regionId);
      });
      return { imported: result.payments.length, total: result.payments.reduce((s, p) => s + p.amount, 0) };
    },
  );

  r.get("/api/budgets/:id/execution/progress", { schema: { tags, summary: "双监控 / spending against time progress, monthly spending and the monitoring findings", params: idParams } }, async (req) => {
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
      const file = await renderFile(evaluationDocument(budget, await loadExecution(app.ctx.db, b.id, b.year)), req.params.format);
      const name = `evaluation${file.fileName.slice(file.fileName.lastIndexOf("."))}`;
      return reply.header("content-type", file.contentType).header("content-disposition", `attachment; filename="${name}"`).header("x-content-sha256", file.sha256).send(Buffer.from(file.content));
    },
  );
}
