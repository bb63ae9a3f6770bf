/**
 * Saves racing workflow moves (issue 19): an edit and a submission sent at the same moment, on PGlite and on
 * the PostgreSQL server, with one server and with two servers (two apps, two connection pools) on one
 * database. Whatever the order, no edit is stored after the submission, no edit answered 200 is lost, and
 * the submission holds exactly the content it checked.
 */
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { type OpenDatabase, openDatabase } from "../../src/store/database.ts";
import { BACKENDS, PG_URL } from "../store/databases.ts";
import { type Client, type World, buildWorld, currentVersion, login } from "./world.ts";

const ROUNDS = 12;

interface Setup {
  name: string;
  backend: (typeof BACKENDS)[number];
  twoServers: boolean;
}

const SETUPS: Setup[] = BACKENDS.flatMap((backend) => [
  { name: `${backend.name}, one server`, backend, twoServers: false },
  ...(backend.name === "postgres" ? [{ name: `${backend.name}, two servers`, backend, twoServers: true }] : []),
]);

async function explainAll(w: World, who: Client): Promise<void> {
  const check = (await who.request("GET", `/api/budgets/${w.budget}/check`)).json();
  for (const f of check.findings.filter((x: { severity: string }) => x.severity === "warning")) {
    expect((await who.request("PUT", `/api/budgets/${w.budget}/explanations`, { rule: f.rule, locationKey: f.locationKey, text: `已核实：${f.rule}` })).statusCode).toBe(200);
  }
}

async function stored(w: World) {
  const b = await w.db.db.selectFrom("budgets").select(["state", "version"]).where("id", "=", w.budget).executeTakeFirstOrThrow();
  const v = await w.db.db.selectFrom("budget_versions").select(["note", "content"]).where("budget_id", "=", w.budget).where("number", "=", b.version).executeTakeFirstOrThrow();
  return { ...b, note: v.note, content: v.content as { reasons?: Record<string, string> } };
}

describe.each(SETUPS)("saves racing workflow moves on $name", (setup) => {
  let w: World | undefined;
  let second: { db: OpenDatabase; app: Awaited<ReturnType<typeof buildApp>> } | undefined;
  afterEach(async () => {
    await second?.app.close();
    await second?.db.close();
    second = undefined;
    await w?.close();
    w = undefined;
  });

  it(`stores no edit after a submission and loses none, in ${ROUNDS} raced save/submit pairs`, { timeout: 120_000 }, async () => {
    w = await buildWorld(setup.backend);
    const { preparer, approver } = w.clients;
    await explainAll(w, preparer);
    // The editor works on one server, the submitter (another preparer session) on the other.
    let submitter = preparer;
    if (setup.twoServers) {
      const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(w.db.db)).rows[0]!.s;
      const db = await openDatabase({ url: PG_URL!, schema, poolSize: 6 });
      second = { db, app: await buildApp(db, { publishFormats: ["json"], loginRateLimit: 10_000 }) };
      submitter = await login(second.app, "preparer", "preparer");
    }
    const reasons = ((await preparer.request("GET", `/api/budgets/${w.budget}`)).json().content.reasons ?? {}) as Record<string, string>;
    const tally = { saveFirst: 0, submitFirst: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const before = await currentVersion(w);
      const text = `第 ${round} 轮的原因 / reason of round ${round}`;
      // the save starts at once or a little after the submission (a submission runs the checks first, so at
      // once the save mostly wins; staggered, the submission does too): both orders are raced
      const lag = [0, 10, 60, 500][round % 4]!;
      const budget = w.budget;
      const [submit, save] = await Promise.all([
        submitter.request("POST", `/api/budgets/${w.budget}/transitions`, { action: "submit" }),
        new Promise((r) => setTimeout(r, lag)).then(() => preparer.request("PUT", `/api/budgets/${budget}/texts`, { version: before, reasons: { ...reasons, total: text } })),
      ]);
      const after = await stored(w);
      expect([200, 409]).toContain(save.statusCode);
      expect([200, 409]).toContain(submit.statusCode);
      if (save.statusCode === 200) {
        // not lost: the current content holds it (a submission after it sealed the same content)
        expect(after.content.reasons?.total).toBe(text);
        expect(save.json().version).toBe(before + 1);
      } else {
        expect(save.json().error.code).toBe("wrong-state");
        expect(after.content.reasons?.total).not.toBe(text);
      }
      if (submit.statusCode === 200) {
        // the submission is the last version: nothing was saved after it
        expect(after).toMatchObject({ state: "submitted", note: "提交 / submitted" });
        expect(after.version).toBe(save.statusCode === 200 ? before + 2 : before + 1);
        tally[save.statusCode === 200 ? "saveFirst" : "submitFirst"]++;
        // a save based on anything before the submission is refused, also after a return to 草稿
        const stale = await preparer.request("PUT", `/api/budgets/${w.budget}/texts`, { version: after.version, reasons: { ...reasons, total: "too late" } });
        expect([stale.statusCode, stale.json().error.code]).toEqual([409, "wrong-state"]);
        expect((await approver.request("POST", `/api/budgets/${w.budget}/transitions`, { action: "return", comment: "再核" })).statusCode).toBe(200);
        const afterReturn = await preparer.request("PUT", `/api/budgets/${w.budget}/texts`, { version: before, reasons: { ...reasons, total: "stale" } });
        expect([afterReturn.statusCode, afterReturn.json().error.code]).toEqual([409, "stale-version"]);
      } else {
        // the submission lost the race to the save and says so
        expect(submit.json().error.code).toBe("conflict");
        expect(save.statusCode).toBe(200);
        expect(after.state).toBe("draft");
      }
    }
    expect(tally.saveFirst + tally.submitFirst).toBeGreaterThan(0);
  });

  it("refuses an explanation racing a submission once the submission commits", { timeout: 60_000 }, async () => {
    w = await buildWorld(setup.backend);
    const { preparer, approver } = w.clients;
    await explainAll(w, preparer);
    const check = (await preparer.request("GET", `/api/budgets/${w.budget}/check`)).json();
    const warning = check.findings.find((f: { severity: string }) => f.severity === "warning");
    for (let round = 0; round < 6; round++) {
      const [explain, submit] = await Promise.all([
        preparer.request("PUT", `/api/budgets/${w.budget}/explanations`, { rule: warning.rule, locationKey: warning.locationKey, text: `第 ${round} 轮说明` }),
        preparer.request("POST", `/api/budgets/${w.budget}/transitions`, { action: "submit" }),
      ]);
      expect(submit.statusCode).toBe(200);
      const written = await w.db.db.selectFrom("warning_explanations").select(["text"]).where("budget_id", "=", w.budget).where("rule", "=", warning.rule).where("location_key", "=", warning.locationKey).executeTakeFirstOrThrow();
      if (explain.statusCode === 200) expect(written.text).toBe(`第 ${round} 轮说明`);
      else {
        expect([explain.statusCode, explain.json().error.code]).toEqual([409, "wrong-state"]);
        expect(written.text).not.toBe(`第 ${round} 轮说明`);
      }
      // (timestamps cannot order the two: a transition's time is its transaction's start, an explanation's the
      // clock when written, and the explanation may take the budget's lock first though it started later; the
      // answer codes above, checked against what is stored, are the order)
      expect((await approver.request("POST", `/api/budgets/${w.budget}/transitions`, { action: "return", comment: "再核" })).statusCode).toBe(200);
    }
  });

  it("refuses every save racing approve and publish", { timeout: 60_000 }, async () => {
    w = await buildWorld(setup.backend, { publishFormats: ["json"] });
    const { preparer, approver, reviewer } = w.clients;
    await explainAll(w, preparer);
    expect((await preparer.request("POST", `/api/budgets/${w.budget}/transitions`, { action: "submit" })).statusCode).toBe(200);
    const moves: [Client, string, object][] = [
      [approver, "approve-department", {}],
      [reviewer, "approve-finance", {}],
      [reviewer, "record-approval", { date: "2021-02-01" }],
      [approver, "publish", { date: "2021-02-10" }],
    ];
    const version = await currentVersion(w);
    for (const [who, action, extra] of moves) {
      const [save, move] = await Promise.all([
        preparer.request("PUT", `/api/budgets/${w.budget}/texts`, { version, reasons: { total: action } }),
        who.request("POST", `/api/budgets/${w.budget}/transitions`, { action, ...extra }),
      ]);
      expect(move.statusCode).toBe(200);
      expect([save.statusCode, save.json().error.code]).toEqual([409, "wrong-state"]);
    }
    expect(await currentVersion(w)).toBe(version);
  });
});
