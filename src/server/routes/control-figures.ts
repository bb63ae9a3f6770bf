/** 控制数 — the finance bureau sets each department's control figures for a year; the department reads them. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { controlFiguresAnswer } from "../../contract/index.ts";
import { type Nature, NATURES } from "../../core/model.ts";
import { formatYuan, type Fen } from "../../core/money.ts";
import type { ControlFigure } from "../../core/workflow.ts";
import { amount as amountSchema, SOURCE_ALIASES } from "../../formats/budget-file/schema.ts";
import { listControlFigures, replaceControlFigures } from "../../store/repos/control-figures.ts";
import { departmentFor } from "../access.ts";
import { audit } from "../audit.ts";
import { requireUser } from "../auth/session.ts";
import { AppError } from "../errors.ts";
import { answers, id, year } from "./schemas.ts";

const params = z.object({ departmentId: id, year });
const figure = z.object({
  nature: z.enum(NATURES as [Nature, ...Nature[]]),
  source: z.string().describe("资金来源, e.g. gpb-appropriation or 财政拨款"),
  amount: z.union([z.number(), z.string()]).describe("元 (413500, \"413500.00\") or \"41.35万元\""),
});

export function controlFigureRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const show = (f: ControlFigure) => ({ ...f, yuan: formatYuan(f.amount as Fen) });

  r.get("/api/departments/:departmentId/control-figures/:year", { schema: { tags: ["control figures"], summary: "控制数 / control figures (amounts in 分)", params, response: answers(controlFiguresAnswer) } }, async (req) => {
    const d = await departmentFor(app.ctx.db, requireUser(req).actor, req.params.departmentId, "control-figures.read");
    return { controlFigures: (await listControlFigures(app.ctx.db, d.departmentId, req.params.year)).map(show) };
  });

  r.put(
    "/api/departments/:departmentId/control-figures/:year",
    { schema: { tags: ["control figures"], summary: "下达控制数 / set the control figures (replaces the year's set)", params, body: z.object({ figures: z.array(figure).max(100) }), response: answers(controlFiguresAnswer) } },
    async (req) => {
      const { actor } = requireUser(req);
      const d = await departmentFor(app.ctx.db, actor, req.params.departmentId, "control-figures.set");
      const figures = req.body.figures.map((f, i) => {
        const source = SOURCE_ALIASES[f.source.trim()];
        const amount = amountSchema.safeParse(f.amount);
        if (!source || !amount.success) throw new AppError("invalid", `第 ${i + 1} 个控制数的资金来源或金额无效 / figure ${i + 1}: unknown source or invalid amount`);
        return { nature: f.nature, source, amount: amount.data as number };
      });
      await app.ctx.db.transaction().execute(async (trx) => {
        await replaceControlFigures(trx, d.departmentId, req.params.year, figures, actor.userId);
        await audit(trx, req, "control-figures.set", `department:${d.departmentId}`, { year: req.params.year, figures }, d.regionId);
      });
      return { controlFigures: figures.map(show) };
    },
  );
}
