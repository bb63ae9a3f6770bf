/**
 * 科目目录 — the catalog a region uses for a year: the built-in one (or the nearest year's) with the
 * official files its administrator loaded. Built once per region and year, and rebuilt when the files
 * change — on this server or another one on the same database (a stamp read on each use, issue 19).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { CatalogIndex } from "../core/catalog.ts";
import { catalogFor } from "../formats/catalog-choice.ts";
import { loadOfficialCatalog } from "../formats/catalog-file.ts";
import { catalogFiles, catalogStamp } from "../store/repos/catalogs.ts";
import type { Database } from "../store/schema.ts";

export class CatalogCache {
  private readonly cache = new Map<string, { stamp: string; index: Promise<CatalogIndex> }>();

  constructor(private readonly warn: (message: string) => void) {}

  async get(db: Kysely<Database>, regionId: number, year: number): Promise<CatalogIndex> {
    const key = `${regionId}/${year}`;
    const stamp = await catalogStamp(db, regionId, year);
    let hit = this.cache.get(key);
    if (!hit || hit.stamp !== stamp) {
      const entry = { stamp, index: this.build(db, regionId, year) };
      entry.index.catch(() => {
        if (this.cache.get(key) === entry) this.cache.delete(key);
      });
      this.cache.set(key, entry);
      hit = entry;
    }
    return hit.index;
  }

  invalidate(regionId: number, year: number): void {
    this.cache.delete(`${regionId}/${year}`);
  }

  private async build(db: Kysely<Database>, regionId: number, year: number): Promise<CatalogIndex> {
    const base = await catalogFor(year, {}, this.warn);
    const files = await catalogFiles(db, regionId, year);
    if (files.length === 0) return base;
    // The official-catalog reader works on files; the uploads are written to a private temp dir for it.
    const dir = await mkdtemp(join(tmpdir(), "yusuan-catalog-"));
    try {
      const specs = [];
      for (const f of files) {
        const path = join(dir, `${f.id}-${f.fileName.replace(/[^\w.\u4e00-\u9fff-]/g, "_")}`);
        await writeFile(path, f.content);
        specs.push({ path, kind: f.kind });
      }
      const mode = files.some((f) => f.mode === "replace") ? "replace" : "extend";
      return new CatalogIndex(await loadOfficialCatalog(base.catalog, specs, mode));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
