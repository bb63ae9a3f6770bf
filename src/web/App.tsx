/** The frame (header, navigation, language switch, sign-in) and the pages by path. */
import { Button, Dropdown, Menu, Segmented, Spin } from "antd";
import { type ReactNode, Suspense, lazy } from "react";
import { type Lang, useI18n } from "./i18n/index.tsx";
import { Link, matchPath, navigate, useLocation } from "./router.tsx";
import { NotFound } from "./components/States.tsx";
import { useSession } from "./session.tsx";

const PortalHome = lazy(() => import("./pages/portal/PortalHome.tsx"));
const PublicationPage = lazy(() => import("./pages/portal/PublicationPage.tsx"));
const RegionOverview = lazy(() => import("./pages/portal/RegionOverview.tsx"));
const DataDownload = lazy(() => import("./pages/portal/DataDownload.tsx"));
const LoginPage = lazy(() => import("./pages/LoginPage.tsx"));
const Dashboard = lazy(() => import("./pages/prepare/Dashboard.tsx"));
const BudgetEditor = lazy(() => import("./pages/prepare/BudgetEditor.tsx"));
const Queue = lazy(() => import("./pages/review/Queue.tsx"));
const ReviewPage = lazy(() => import("./pages/review/ReviewPage.tsx"));
const DeskPage = lazy(() => import("./pages/review/DeskPage.tsx"));
const AuditPage = lazy(() => import("./pages/AuditPage.tsx"));
const ExecutionPage = lazy(() => import("./pages/execution/ExecutionPage.tsx"));

interface Route {
  path: string;
  render: (p: Record<string, string>) => ReactNode;
  /** pages for signed-in staff */
  staff?: boolean;
}

const ROUTES: Route[] = [
  { path: "/", render: () => <PortalHome /> },
  { path: "/p/:id", render: (p) => <PublicationPage id={Number(p.id)} /> },
  { path: "/overview", render: () => <RegionOverview /> },
  { path: "/overview/:code", render: (p) => <RegionOverview code={p.code} /> },
  { path: "/data", render: () => <DataDownload /> },
  { path: "/login", render: () => <LoginPage /> },
  { path: "/work", render: () => <Dashboard />, staff: true },
  { path: "/budgets/:id", render: (p) => <BudgetEditor id={Number(p.id)} />, staff: true },
  { path: "/budgets/:id/execution", render: (p) => <ExecutionPage id={Number(p.id)} />, staff: true },
  { path: "/review", render: () => <Queue />, staff: true },
  { path: "/review/:id", render: (p) => <ReviewPage id={Number(p.id)} />, staff: true },
  { path: "/desk", render: () => <DeskPage />, staff: true },
  { path: "/audit", render: () => <AuditPage />, staff: true },
];

function Page() {
  const { path } = useLocation();
  const { user } = useSession();
  for (const r of ROUTES) {
    const params = matchPath(r.path, path);
    if (!params) continue;
    if (r.staff) {
      if (user === undefined) return <Spin />;
      if (user === null) return <LoginPage next={path + location.search} />;
    }
    return <>{r.render(params)}</>;
  }
  return <NotFound />;
}

function Header() {
  const { t, lang, setLang, roleName } = useI18n();
  const { user, logout } = useSession();
  const { path } = useLocation();
  const items: { key: string; label: ReactNode }[] = [
    { key: "/", label: <Link to="/">{t("navPortal")}</Link> },
    { key: "/overview", label: <Link to="/overview">{t("navOverview")}</Link> },
    { key: "/data", label: <Link to="/data">{t("navData")}</Link> },
  ];
  if (user) {
    if (user.role !== "finance-reviewer") items.push({ key: "/work", label: <Link to="/work">{t("navWork")}</Link> });
    if (user.role === "department-approver" || user.role === "finance-reviewer") items.push({ key: "/review", label: <Link to="/review">{t("navReview")}</Link> });
    if (user.role === "finance-reviewer" || user.role === "admin") items.push({ key: "/desk", label: <Link to="/desk">{t("navDesk")}</Link> });
    items.push({ key: "/audit", label: <Link to="/audit">{t("navAudit")}</Link> });
  }
  const selected =
    path.startsWith("/budgets") ? "/work" : path.startsWith("/p/") ? "/" : items.map((i) => i.key).filter((k) => k !== "/" && path.startsWith(k))[0] ?? (path === "/" ? "/" : "");
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <Link to="/" className="app-brand" aria-label={t("appName")}>
        <img src="/favicon.svg" alt="" />
        <span>{t("appName")}</span>
      </Link>
      <nav className="app-nav" aria-label={t("appSubtitle")}>
        <Menu mode="horizontal" selectedKeys={[selected]} items={items} disabledOverflow style={{ borderBottom: "none" }} />
      </nav>
      <div className="app-header-right">
        <Segmented<Lang>
          size="small"
          aria-label={t("language")}
          value={lang}
          onChange={(v) => setLang(v)}
          options={[
            { label: "中文", value: "zh-CN" },
            { label: "EN", value: "en" },
          ]}
        />
        {user ? (
          <Dropdown
            menu={{
              items: [{ key: "logout", label: t("logout") }],
              onClick: () => void logout().then(() => navigate("/")),
            }}
          >
            <Button type="text" aria-label={`${user.displayName} · ${t("logout")}`}>
              {user.displayName.includes(roleName(user.role)) ? user.displayName : t("signedInAs", { name: user.displayName, role: roleName(user.role) })}
            </Button>
          </Dropdown>
        ) : user === null ? (
          <Button type="primary" ghost onClick={() => navigate(`/login?next=${encodeURIComponent(path)}`)}>
            {t("login")}
          </Button>
        ) : null}
      </div>
    </header>
  );
}

export function App() {
  const { t } = useI18n();
  return (
    <>
      <Header />
      <main id="main" className="app-main" tabIndex={-1}>
        <Suspense fallback={<Spin aria-label={t("loading")} />}>
          <Page />
        </Suspense>
      </main>
      <footer className="app-footer">Yusuan 预算 · {t("appSubtitle")}</footer>
    </>
  );
}
