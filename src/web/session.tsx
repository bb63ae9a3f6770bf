/** 登录状态 — who is signed in (GET /api/auth/me), sign-in and sign-out; the CSRF token for writes. */
import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ApiError, hasSessionCookie, setCsrfToken } from "./api/client.ts";
import { api } from "./api/endpoints.ts";
import type { Me } from "./api/types.ts";

export interface Session {
  /** undefined while the first check runs; null when nobody is signed in */
  user: Me | null | undefined;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session>({ user: null, login: async () => Promise.reject(new Error("no session provider")), logout: async () => {} });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Me | null | undefined>(() => (hasSessionCookie() ? undefined : null));

  useEffect(() => {
    // Ask only when the browser holds a session: an anonymous visitor's page makes no failing request.
    if (!hasSessionCookie()) return;
    let live = true;
    api
      .me()
      .then((r) => {
        setCsrfToken(r.csrfToken);
        if (live) setUser(r.user);
      })
      .catch(() => live && setUser(null));
    return () => {
      live = false;
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const r = await api.login(username, password);
    setCsrfToken(r.csrfToken);
    const me = await api.me();
    setCsrfToken(me.csrfToken);
    setUser(me.user);
    return me.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
    }
    setCsrfToken(undefined);
    setUser(null);
  }, []);

  const value = useMemo(() => ({ user, login, logout }), [user, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  return useContext(SessionContext);
}
