/**
 * 会话与 CSRF — the session cookie and the protection of cookie-authenticated writes.
 *
 * Session: a random 256-bit token in an HttpOnly, SameSite=Lax cookie; the database keeps only its sha256.
 * CSRF: the synchronizer-token pattern. Each session has its own random CSRF token, returned by login and
 * /api/auth/me (and mirrored in a readable `yusuan_csrf` cookie for browser code). Every unsafe request
 * (POST, PUT, PATCH, DELETE) that comes with a session cookie must send it back in `X-CSRF-Token`; a page
 * on another site can neither read it nor set that header. In addition, an `Origin` header, when present,
 * must name this host. SameSite=Lax alone would already stop cross-site POSTs in current browsers; the
 * token keeps older browsers and same-site subdomains out too.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../../core/workflow.ts";
import type { UserRow } from "../../store/schema.ts";
import { createSession, deleteExpiredSessions, findLiveSession } from "../../store/repos/sessions.ts";
import { regionSubtree } from "../../store/repos/regions.ts";
import { getUnit } from "../../store/repos/tenancy.ts";
import type { SessionUser } from "../context.ts";
import { AppError } from "../errors.ts";

export const SESSION_COOKIE = "yusuan_session";
export const CSRF_COOKIE = "yusuan_csrf";
export const CSRF_HEADER = "x-csrf-token";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function actorOf(db: FastifyInstance["ctx"]["db"], u: UserRow): Promise<Actor> {
  const unit = u.unit_id ? await getUnit(db, u.unit_id) : undefined;
  // An administrator reaches the regions under theirs (省 → 市 → 县/区): the subtree, without the root.
  const subRegionIds = u.role === "admin" ? (await regionSubtree(db, u.region_id)).filter((id) => id !== u.region_id) : [];
  return { userId: u.id, role: u.role, regionId: u.region_id, departmentId: u.department_id, unitId: u.unit_id, unitCode: unit?.code ?? null, divisionId: u.division_id, subRegionIds };
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** An Origin header, when sent, must be this server (browsers send it on every cross-site POST). */
function originAllowed(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function registerSessionHook(app: FastifyInstance): void {
  app.decorateRequest("user", null);
  // A callback hook, not an async one: a request without a session cookie (every public read) is
  // answered without a promise or a database query.
  app.addHook("onRequest", (req, _reply, done) => {
    if (UNSAFE.has(req.method) && !originAllowed(req)) return done(new AppError("csrf", "跨站请求被拒绝 / cross-origin request refused (Origin does not match)"));
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return done();
    attachUser(app, req, token).then(() => done(), done);
  });
}

/** The API routes anyone may call; every other /api route needs a session. */
const ANONYMOUS_ROUTES = [/^\/api\/health$/, /^\/api\/auth\/login$/, /^\/api\/public\//, /^\/api\/docs(\/|$)/];

export const isAnonymousRoute = (routeUrl: string) => !routeUrl.startsWith("/api/") || ANONYMOUS_ROUTES.some((r) => r.test(routeUrl));

/**
 * Authentication before anything else: a request to a protected route without a live session is answered
 * 401 in onRequest, before its body is read, parsed or validated (an anonymous client learns nothing of
 * the schema and cannot make the server parse 24 MB). Register after the session hook.
 */
export function registerAuthenticationGate(app: FastifyInstance): void {
  app.addHook("onRequest", (req, _reply, done) => {
    const route = req.routeOptions.url;
    if (route === undefined || req.user || isAnonymousRoute(route)) return done();
    done(new AppError("unauthenticated", "请先登录 / sign in first"));
  });
}

/** Looks the session up; a live one makes `req.user` (and an unsafe method must carry its CSRF token). */
async function attachUser(app: FastifyInstance, req: FastifyRequest, token: string): Promise<void> {
  const tokenHash = hashToken(token);
  const live = await findLiveSession(app.ctx.db, tokenHash, new Date());
  if (!live) return;
  if (UNSAFE.has(req.method) && !req.url.startsWith("/api/auth/login")) {
    const sent = req.headers[CSRF_HEADER];
    if (typeof sent !== "string" || !sameToken(sent, live.csrfToken)) {
      throw new AppError("csrf", "缺少或错误的 CSRF 令牌 / missing or wrong X-CSRF-Token header");
    }
  }
  req.user = { actor: await actorOf(app.ctx.db, live.user), username: live.user.username, displayName: live.user.display_name, tokenHash, csrfToken: live.csrfToken };
}

export function requireUser(req: FastifyRequest): SessionUser {
  if (!req.user) throw new AppError("unauthenticated", "请先登录 / sign in first");
  return req.user;
}

export async function startSession(app: FastifyInstance, reply: FastifyReply, userId: number): Promise<{ csrfToken: string }> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const hours = app.ctx.options.sessionHours;
  await deleteExpiredSessions(app.ctx.db, new Date());
  await createSession(app.ctx.db, { tokenHash: hashToken(token), userId, csrfToken, expiresAt: new Date(Date.now() + hours * 3_600_000) });
  const common = { path: "/", sameSite: "lax" as const, secure: app.ctx.options.secureCookies, maxAge: hours * 3600 };
  reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrfToken, { ...common, httpOnly: false });
  return { csrfToken };
}

export function endSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
  reply.clearCookie(CSRF_COOKIE, { path: "/" });
}
