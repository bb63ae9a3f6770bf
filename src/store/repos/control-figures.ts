/** 控制数 — the finance bureau's control figures per department and year (一下). */
import type { ControlFigure } from "../../core/workflow.ts";
import type { Db } from "../schema.ts";

export async function listControlFigures(db: Db, departmentId: number, year: number): Promise<ControlFigure[]> {
  const rows = await db
    .selectFrom("control_figures")
    .select(["nature", "source", "amount"])
    .where("department_id", "=", departmentId)
    .where("year", "=", year)
    .orderBy("nature")
    .orderBy("source")
    .execute();
  return rows;
}

/** Replaces the department's figures for the year as one set (the bureau issues them together). */
export async function replaceControlFigures(db: Db, departmentId: number, year: number, figures: readonly ControlFigure[], setBy: number | null): Promise<void> {
  await db.deleteFrom("control_figures").where("department_id", "=", departmentId).where("year", "=", year).execute();
  if (figures.length === 0) return;
  await db
    .insertInto("control_figures")
    .values(figures.map((f) => ({ department_id: departmentId, year, nature: f.nature, source: f.source, amount: f.amount, set_by: setBy })))
    .execute();
}
