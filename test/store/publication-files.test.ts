/**
 * A publication's files through both drivers: every byte back as written (bytea goes through our own hex
 * codec on PGlite, src/store/pool-pglite.ts), in the order given, however many files a publication has —
 * more than one INSERT holds (src/store/repos/publications.ts writes them 100 at a time).
 */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createBudget } from "../../src/store/repos/budgets.ts";
import { type PublicationFile, getPublication, getPublicationFile, insertPublication } from "../../src/store/repos/publications.ts";
import { createDepartment, createRegion } from "../../src/store/repos/tenancy.ts";
import { BACKENDS } from "./databases.ts";

function file(scope: string, format: string, content: Uint8Array): PublicationFile {
  return { scope, format, fileName: `disclosure.${format}`, contentType: "application/octet-stream", content, sha256: createHash("sha256").update(content).digest("hex") };
}

describe.each(BACKENDS)("publication files on $name", (backend) => {
  it("reads back every byte of every file as written (fast-check)", async () => {
    const o = await backend.open();
    const region = await createRegion(o.db, "410311", "洛龙区");
    const dept = await createDepartment(o.db, region, "313", "社创办");
    let year = 2000;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 3000 }), { minLength: 1, maxLength: 6 }), async (contents) => {
        const budget = await createBudget(o.db, dept, ++year);
        const files = contents.map((c, i) => file(i === 0 ? "department" : `u${i}`, "pdf", c));
        const p = await insertPublication(o.db, { budgetId: budget, budgetVersion: 1, publishedOn: "2021-03-10", publishedBy: null, changeNote: null, regionId: region, year, departmentCode: "313", departmentName: "社创办", title: "t", files });
        for (const f of files) {
          const back = await getPublicationFile(o.db, p.id, f.scope, "pdf");
          expect(back?.content instanceof Uint8Array).toBe(true);
          expect(Buffer.from(back!.content).equals(Buffer.from(f.content))).toBe(true);
          expect(back!.sha256).toBe(f.sha256);
        }
      }),
      { numRuns: 15 },
    );
    await o.close();
  }, 120_000);

  it("stores a publication of more files than one statement takes, each once", async () => {
    const o = await backend.open();
    const region = await createRegion(o.db, "410311", "洛龙区");
    const dept = await createDepartment(o.db, region, "313", "社创办");
    const budget = await createBudget(o.db, dept, 2021);
    // 250 units' worth: 3 statements of at most 100 files
    const files = Array.from({ length: 250 }, (_, i) => file(`u${String(i).padStart(3, "0")}`, "json", new Uint8Array([i & 0xff, 0, 0xff, i >> 8])));
    const p = await insertPublication(o.db, { budgetId: budget, budgetVersion: 1, publishedOn: "2021-03-10", publishedBy: null, changeNote: null, regionId: region, year: 2021, departmentCode: "313", departmentName: "社创办", title: "t", files });
    const meta = await getPublication(o.db, p.id);
    expect(meta?.files.map((f) => [f.scope, f.sha256, Number(f.size)])).toEqual(files.map((f) => [f.scope, f.sha256, 4]));
    const last = await getPublicationFile(o.db, p.id, "u249", "json");
    expect([...last!.content]).toEqual([249, 0, 0xff, 0]);
    await o.close();
  }, 60_000);
});
