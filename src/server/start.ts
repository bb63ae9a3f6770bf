/**
 * `yusuan serve` / `npm start`: the API on PGlite in ./data (YUSUAN_DATA_DIR) or on PostgreSQL
 * (DATABASE_URL); migrations at start, the demo seeded into an empty database, structured logs (pino),
 * and a clean shutdown on SIGINT/SIGTERM (PGlite must be closed or its directory is left mid-write).
 */
import { resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { type OpenDatabase, openDatabase } from "../store/database.ts";
import { DEFAULT_OPTIONS, buildApp } from "./app.ts";
import type { ServerOptions } from "./context.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import { seedDemo } from "./seed.ts";

export interface StartOptions extends ServerOptions {
  databaseUrl?: string;
  dataDir?: string;
  host?: string;
  port?: number;
  /** seed the demo into an empty database (default true) */
  seed?: boolean;
  logLevel?: string;
}

export async function startServer(o: StartOptions): Promise<{ app: FastifyInstance; address: string; stop: () => Promise<void> }> {
  const dataDir = o.databaseUrl ? undefined : resolve(o.dataDir ?? "data");
  const unlock = dataDir ? await lockDataDir(dataDir) : async () => {};
  let database: OpenDatabase;
  try {
    database = await openDatabase({ url: o.databaseUrl, dataDir });
  } catch (e) {
    await unlock();
    throw e;
  }
  const app = await buildApp(database, { ...o, logger: { level: o.logLevel ?? "info" } });
  if (o.seed !== false && (await seedDemo(database.db, o.publishFormats ?? DEFAULT_OPTIONS.publishFormats))) {
    app.log.info("seeded the sample department (2021 published, 2022 draft) and the demo users (demo-only passwords: see README)");
  }
  const address = await app.listen({ host: o.host ?? "127.0.0.1", port: o.port ?? 3000 });
  app.log.info({ database: database.kind, dataDir }, `Yusuan API on ${address} — reference: ${address}/api/docs`);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await app.close();
      await database.close();
      await unlock();
    })());
  return { app, address, stop };
}

/** Runs until SIGINT/SIGTERM. */
export async function serveForever(o: StartOptions): Promise<void> {
  const { stop } = await startServer(o);
  await new Promise<void>((done) => {
    const onSignal = () => {
      void stop().finally(done);
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
  });
}
