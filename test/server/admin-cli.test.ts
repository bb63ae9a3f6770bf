/** `yusuan admin create-user` on the server's PGlite directory (and refusing while a server holds it). */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { seedDemo } from "../../src/server/seed.ts";
import { openDatabase } from "../../src/store/database.ts";
import { findUserByUsername } from "../../src/store/repos/users.ts";

const dir = mkdtempSync(join(tmpdir(), "yusuan-admin-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("creates a user in a region, department and unit named by their codes", async () => {
  const seeded = await openDatabase({ dataDir: dir });
  await seedDemo(seeded.db);
  await seeded.close();

  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) };
  const args = ["admin", "create-user", "--username", "wang", "--role", "preparer", "--region", "410311", "--department", "313", "--unit", "313001", "--password", "a-good-password-1", "--data-dir", dir];
  expect(await main(args, io)).toBe(0);
  expect(out.join("")).toContain("wang");
  expect(await main([...args.slice(0, 3), "zhao", ...args.slice(4, 10), "--unit", "999999", ...args.slice(12)], io)).toBe(2);
  expect(err.join("\n")).toContain("999999");

  writeFileSync(join(dir, "yusuan.pid"), String(process.ppid));
  expect(await main([...args.slice(0, 3), "zhao", ...args.slice(4)], io)).toBe(2);
  expect(err.join("\n")).toMatch(/in use by process/);
  rmSync(join(dir, "yusuan.pid"));

  const boot = ["admin", "create-user", "--username", "boss", "--role", "admin", "--region", "410302", "--password", "a-good-password-2", "--data-dir", dir];
  expect(await main(boot, io)).toBe(2);
  expect(err.join("\n")).toContain("--region-name");
  expect(await main([...boot, "--region-name", "洛阳市老城区"], io)).toBe(0);

  const check = await openDatabase({ dataDir: dir });
  expect(await findUserByUsername(check.db, "boss")).toMatchObject({ role: "admin" });
  const user = await findUserByUsername(check.db, "wang");
  expect(user).toMatchObject({ role: "preparer", disabled: false });
  expect(await findUserByUsername(check.db, "zhao")).toBeUndefined();
  await check.close();
}, 180_000);
