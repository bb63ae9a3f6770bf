/** Request pieces shared by the routes (zod, also the source of the OpenAPI document). */
import { z } from "zod";
import { errorBody } from "../../contract/index.ts";

/** the largest row id: PostgreSQL `integer`, 2^31 − 1 (a larger one is 400, never a database error) */
export const MAX_ID = 2_147_483_647;
export const id = z.coerce.number().int().positive().max(MAX_ID);
export const idParams = z.object({ id });
export const version = z.number().int().min(0).max(2_147_483_647).describe("the version the change is based on (optimistic lock)");
export const versionQuery = z.object({ version: z.coerce.number().int().min(0).max(2_147_483_647) });
export const year = z.coerce.number().int().min(2000).max(2100);
/** budget-file JSON: the fields of a budget.yaml (validated by the budget-file reader) */
export const content = z.record(z.string(), z.unknown()).describe("budget-file JSON (same fields as budget.yaml)");
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * A route's answers for the OpenAPI document and the serialiser: the contract's schema for success
 * (src/contract) and the error mapper's one body for every failure.
 */
export const answers = <S extends z.ZodType>(ok: S) => ({ 200: ok, "4xx": errorBody, "5xx": errorBody });
/** The same for a route that creates something (201). */
export const createdAnswers = <S extends z.ZodType>(ok: S) => ({ 201: ok, "4xx": errorBody, "5xx": errorBody });
