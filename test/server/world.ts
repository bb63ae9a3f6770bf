/**
 * A small world for API tests: region A (洛龙区) with two finance divisions, department 313 (the 2021
 * sample, assigned to division A1) and department 314 (division A2); region B with one department. One
 * user per role in the sample's tenancy ("own") and one per role elsewhere ("other"). Requests go through
 * Fastify's inject (no sockets) with the session cookie and CSRF token a browser would send.
 */
import { readFileSync } from "node:fs";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Budget } from "../../src/core/model.ts";
import { controlFiguresOf } from "../../src/core/workflow.ts";
import { parseBudgetText } from "../../src/formats/budget-file/read.ts";
import { buildApp } from "../../src/server/app.ts";
import { hashPassword } from "../../src/server/auth/passwords.ts";
import { toContent } from "../../src/server/budget-content.ts";
import type { OpenDatabase } from "../../src/store/database.ts";
import { createBudget, saveVersion } from "../../src/store/repos/budgets.ts";
import { replaceControlFigures } from "../../src/store/repos/control-figures.ts";
import { assignDepartment, createDepartment, createDivision, createRegion, createUnit } from "../../src/store/repos/tenancy.ts";
import { createUser } from "../../src/store/repos/users.ts";
import type { Backend } from "../store/databases.ts";

export const SAMPLE_TEXT = readFileSync("examples/luolong-shequ-2021/budget.yaml", "utf8");
export const sampleBudget = (): Budget => parseBudgetText(SAMPLE_TEXT, "budget.yaml", "yaml");

export const ACTORS = ["anonymous", "preparer", "approver", "reviewer", "admin", "otherPreparer", "otherApprover", "otherReviewer", "otherAdmin"] as const;
export type ActorName = (typeof ACTORS)[number];

export const PASSWORD = "test-password-123";

export interface Client {
  name: ActorName;
  csrf: string;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  upload(url: string, fileName: string, content: string | Buffer, fields?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export interface World {
  db: OpenDatabase;
  app: FastifyInstance;
  regionA: number;
  regionB: number;
  dept313: number;
  dept314: number;
  unit313001: number;
  divisionA1: number;
  budget: number;
  clients: Record<ActorName, Client>;
  close(): Promise<void>;
}

function multipartBody(fileName: string, content: string | Buffer, fields: Record<string, string>): { body: Buffer; boundary: string } {
  const boundary = `----yusuan${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  parts.push(typeof content === "string" ? Buffer.from(content) : content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), boundary };
}

export function clientFor(app: FastifyInstance, name: ActorName, cookie = "", csrf = ""): Client {
  const auth = (): Record<string, string> => (cookie ? { cookie, "x-csrf-token": csrf } : {});
  return {
    name,
    csrf,
    request: (method, url, body, headers = {}) =>
      app.inject({ method: method as "GET", url, headers: { ...auth(), ...headers }, ...(body !== undefined ? { payload: body as object } : {}) }),
    upload: (url, fileName, content, fields = {}) => {
      const m = multipartBody(fileName, content, fields);
      return app.inject({ method: "POST", url, headers: { ...auth(), "content-type": `multipart/form-data; boundary=${m.boundary}` }, payload: m.body });
    },
  };
}

export async function login(app: FastifyInstance, name: ActorName, username: string, password = PASSWORD): Promise<Client> {
  const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return clientFor(app, name, cookie, res.json().csrfToken as string);
}

export async function buildWorld(backend: Backend, options: Parameters<typeof buildApp>[1] = {}): Promise<World> {
  const db = await backend.open();
  const d = db.db;
  const sample = sampleBudget();
  const regionA = await createRegion(d, "410311", "洛阳市洛龙区");
  const regionB = await createRegion(d, "410302", "洛阳市老城区");
  const divisionA1 = await createDivision(d, regionA, "社会保障科");
  const divisionA2 = await createDivision(d, regionA, "行政政法科");
  const divisionB = await createDivision(d, regionB, "综合科");
  const dept313 = await createDepartment(d, regionA, "313", sample.department.name);
  const dept314 = await createDepartment(d, regionA, "314", "洛龙区民政局");
  const deptB = await createDepartment(d, regionB, "501", "老城区民政局");
  await assignDepartment(d, divisionA1, dept313);
  await assignDepartment(d, divisionA2, dept314);
  await assignDepartment(d, divisionB, deptB);
  const unit313001 = await createUnit(d, dept313, "313001", sample.units[0]!.name);
  const unit314001 = await createUnit(d, dept314, "314001", "洛龙区民政局机关");
  await createUnit(d, deptB, "501001", "老城区民政局机关");
  const hash = await hashPassword(PASSWORD);
  const users: [ActorName, Parameters<typeof createUser>[1]][] = [
    ["preparer", { username: "preparer", displayName: "填报甲", passwordHash: hash, role: "preparer", regionId: regionA, departmentId: dept313, unitId: unit313001 }],
    ["approver", { username: "approver", displayName: "部门审核甲", passwordHash: hash, role: "department-approver", regionId: regionA, departmentId: dept313 }],
    ["reviewer", { username: "reviewer", displayName: "财政审核甲", passwordHash: hash, role: "finance-reviewer", regionId: regionA, divisionId: divisionA1 }],
    ["admin", { username: "admin", displayName: "管理员甲", passwordHash: hash, role: "admin", regionId: regionA }],
    ["otherPreparer", { username: "other-preparer", displayName: "填报乙", passwordHash: hash, role: "preparer", regionId: regionA, departmentId: dept314, unitId: unit314001 }],
    ["otherApprover", { username: "other-approver", displayName: "部门审核乙", passwordHash: hash, role: "department-approver", regionId: regionA, departmentId: dept314 }],
    ["otherReviewer", { username: "other-reviewer", displayName: "财政审核乙", passwordHash: hash, role: "finance-reviewer", regionId: regionA, divisionId: divisionA2 }],
    ["otherAdmin", { username: "other-admin", displayName: "管理员乙", passwordHash: hash, role: "admin", regionId: regionB }],
  ];
  for (const [, u] of users) await createUser(d, u);
  const budget = await createBudget(d, dept313, 2021);
  await d.transaction().execute((trx) => saveVersion(trx, { budgetId: budget, expectedVersion: 0, content: toContent(sample), lineItems: sample.lineItems, authorId: null }));
  await replaceControlFigures(d, dept313, 2021, controlFiguresOf(sample), null);

  const app = await buildApp(db, { publishFormats: ["json", "html"], loginRateLimit: 10_000, ...options });
  const clients = { anonymous: clientFor(app, "anonymous") } as Record<ActorName, Client>;
  for (const [name, u] of users) clients[name] = await login(app, name, u.username);
  return {
    db, app, regionA, regionB, dept313, dept314, unit313001, divisionA1, budget, clients,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/** The current version of a budget, as a client would read it. */
export async function currentVersion(w: World, budgetId = w.budget): Promise<number> {
  const row = await w.db.db.selectFrom("budgets").select("version").where("id", "=", budgetId).executeTakeFirstOrThrow();
  return row.version;
}
