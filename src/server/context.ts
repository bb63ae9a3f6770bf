/** What every route works with: the database and the caches, and who is asking. */
import type { Kysely } from "kysely";
import type { Actor } from "../core/workflow.ts";
import type { Database } from "../store/schema.ts";
import type { CatalogCache } from "./catalog-cache.ts";
import type { JobLimits, JobRunner } from "./jobs/runner.ts";
import type { PublicAnswers } from "./public-answers.ts";
import type { SnapshotCache } from "./snapshot-cache.ts";

export interface ServerOptions {
  /** formats rendered into a publication snapshot (default: every renderer) */
  publishFormats?: readonly string[];
  /** login attempts per IP per minute */
  loginRateLimit?: number;
  /** mark cookies Secure (behind HTTPS) */
  secureCookies?: boolean;
  /** session lifetime */
  sessionHours?: number;
  /** upload limit for imports and catalogs, bytes */
  maxUploadBytes?: number;
  /** time and memory one document read or file render may take in its worker (jobs/runner.ts) */
  jobLimits?: JobLimits;
  /** worker threads for those jobs */
  jobWorkers?: number;
}

export interface AppContext {
  db: Kysely<Database>;
  dbKind: "pglite" | "postgres";
  catalogs: CatalogCache;
  snapshots: SnapshotCache;
  /** the portal's figures as sent, kept while no publication or catalog changes them */
  publicAnswers: PublicAnswers;
  /** reading uploaded documents and rendering files, off the event loop and within limits */
  jobs: JobRunner;
  options: Required<ServerOptions>;
}

/** The signed-in user behind a request. */
export interface SessionUser {
  actor: Actor;
  username: string;
  displayName: string;
  tokenHash: string;
  csrfToken: string;
}

declare module "fastify" {
  interface FastifyRequest {
    /** set by the session hook when a valid session cookie came with the request */
    user: SessionUser | null;
  }
  interface FastifyInstance {
    ctx: AppContext;
  }
}
