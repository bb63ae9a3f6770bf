/**
 * 预算执行 — payments and the execution record of a budget. Payments are replaced as a whole by each
 * import (all or nothing, in the caller's transaction) and bulk-loaded (COPY on PostgreSQL).
 */
import { type Transaction, sql } from "kysely";
import type { Execution, Payment } from "../../core/execution/model.ts";
import { type Fen, fen } from "../../core/money.ts";
import { copyRows } from "../bulk.ts";
import type { Database, Db } from "../schema.ts";

/** The execution record: everything but the payments. */
export type ExecutionRecord = Omit<Execution, "payments">;

const PAYMENT_COLUMNS = ["budget_id", "position", "pay_date", "unit_code", "functional", "economic", "project", "amount"] as const;

/** Replaces the budget's payments. */
export async function replacePayments(db: Db, budgetId: number, payments: readonly Payment[]): Promise<void> {
  await db.deleteFrom("execution_payments").where("budget_id", "=", budgetId).execute();
  await copyRows(
    db,
    "execution_payments",
    PAYMENT_COLUMNS,
    payments.map((p, i) => [budgetId, i, p.date, p.unit, p.functional, p.economic, p.project ?? null, p.amount]),
  );
}

export async function listPayments(db: Db, budgetId: number): Promise<Payment[]> {
  const rows = await db.selectFrom("execution_payments").selectAll().where("budget_id", "=", budgetId).orderBy("position").execute();
  return rows.map((r) => {
    const p: Payment = { date: r.pay_date, unit: r.unit_code, functional: r.functional, economic: r.economic, amount: fen(Number(r.amount)) };
    if (r.project !== null) p.project = r.project;
    return p;
  });
}

/** Count and sum of the payments, and the sum by month (1–12). */
export async function paymentSummary(db: Db, budgetId: number): Promise<{ count: number; total: Fen; byMonth: Fen[] }> {
  const rows = await db
    .selectFrom("execution_payments")
    .select([sql<number>`extract(month from pay_date)::int`.as("month"), sql<string>`count(*)`.as("n"), sql<string>`coalesce(sum(amount), 0)`.as("total")])
    .where("budget_id", "=", budgetId)
    .groupBy(sql`extract(month from pay_date)`)
    .execute();
  const byMonth = Array.from({ length: 12 }, () => 0);
  let count = 0;
  for (const r of rows) {
    byMonth[Number(r.month) - 1] = Number(r.total);
    count += Number(r.n);
  }
  return { count, total: fen(byMonth.reduce((a, b) => a + b, 0)), byMonth: byMonth.map((n) => fen(n)) };
}

export async function getExecutionRecord(db: Db, budgetId: number): Promise<ExecutionRecord | undefined> {
  const row = await db.selectFrom("execution_records").select("content").where("budget_id", "=", budgetId).executeTakeFirst();
  return row ? storedRecord(row.content) : undefined;
}

/**
 * The record read under a row lock (SELECT … FOR UPDATE) in the caller's transaction: a save or a payment
 * import of the same budget waits until that transaction ends, so what was read is what the transaction writes
 * beside (the 决算's publication).
 */
export async function lockExecutionRecord(trx: Transaction<Database>, budgetId: number): Promise<ExecutionRecord | undefined> {
  const row = await trx.selectFrom("execution_records").select("content").where("budget_id", "=", budgetId).forUpdate().executeTakeFirst();
  return row ? storedRecord(row.content) : undefined;
}

/**
 * A stored record as the core reads it. Records saved before 使用非财政拨款结余 and 结余分配 were kept per unit
 * hold a single amount: 0 is none; any other amount is kept with no unit, which the 决算 refuses, naming the
 * field, until someone says whose it is.
 */
function storedRecord(content: unknown): ExecutionRecord {
  const record = content as ExecutionRecord;
  const fa = record.finalAccounts as (Omit<NonNullable<ExecutionRecord["finalAccounts"]>, "nonFiscalBalanceUsed" | "surplusDistribution"> & Record<"nonFiscalBalanceUsed" | "surplusDistribution", unknown>) | undefined;
  if (!fa) return record;
  const perUnit = (v: unknown) => (typeof v === "number" ? (v === 0 ? [] : [{ unit: "", amount: fen(v) }]) : (v as { unit: string; amount: Fen }[]));
  return { ...record, finalAccounts: { ...fa, nonFiscalBalanceUsed: perUnit(fa.nonFiscalBalanceUsed), surplusDistribution: perUnit(fa.surplusDistribution) } };
}

export async function putExecutionRecord(db: Db, budgetId: number, record: ExecutionRecord, userId: number | null): Promise<void> {
  const content = JSON.stringify(record);
  await db
    .insertInto("execution_records")
    .values({ budget_id: budgetId, content, updated_at: new Date(), updated_by: userId })
    .onConflict((oc) => oc.column("budget_id").doUpdateSet({ content, updated_at: new Date(), updated_by: userId }))
    .execute();
}

/** The whole execution of a budget (an empty record when none has been saved). */
export async function loadExecution(db: Db, budgetId: number, year: number): Promise<Execution> {
  const record = (await getExecutionRecord(db, budgetId)) ?? { year, asOf: `${year}-12-31`, adjustments: [], actuals: [] };
  return { ...record, payments: await listPayments(db, budgetId) };
}
