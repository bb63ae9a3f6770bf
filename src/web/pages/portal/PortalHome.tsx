/** 公开预算首页 — regions and years with the departments' published budgets; search by name or code. */
import { Card, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { api } from "../../api/endpoints.ts";
import type { PublicationMeta } from "../../api/types.ts";
import { AsyncView } from "../../components/States.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useAsync } from "../../lib/use-async.ts";
import { Link, navigate, useLocation } from "../../router.tsx";

/** The latest publication of each budget and kind (its 部门预算, its 部门决算), with how many corrections came before it. */
export function latestOfEach(list: readonly PublicationMeta[]): (PublicationMeta & { corrections: number })[] {
  const by = new Map<string, PublicationMeta & { corrections: number }>();
  for (const p of list) {
    const key = `${p.budget_id}:${p.kind}`;
    const seen = by.get(key);
    if (!seen || p.number > seen.number) by.set(key, { ...p, corrections: p.number - 1 });
  }
  // newest year first, by department, the budget before its 决算
  return [...by.values()].sort((a, b) => b.year - a.year || (a.department_code < b.department_code ? -1 : a.department_code > b.department_code ? 1 : a.kind < b.kind ? -1 : 1));
}

function Publications({ code, regionName, years }: { code: string; regionName: string; years: number[] }) {
  const { t, documentKindName } = useI18n();
  const { query } = useLocation();
  const year = Number(query.get("year")) || undefined;
  const [search, setSearch] = useState(query.get("q") ?? "");
  const state = useAsync(() => api.allRegionPublications(code, year), [code, year]);
  const setYear = (y: number | undefined) => {
    const q = new URLSearchParams(query);
    if (y) q.set("year", String(y));
    else q.delete("year");
    navigate(`/?${q.toString()}`, { replace: true });
  };
  const rows = useMemo(() => {
    const s = search.trim().toLowerCase();
    return latestOfEach(state.data?.publications ?? []).filter((p) => !s || p.department_name.toLowerCase().includes(s) || p.department_code.includes(s) || p.title.toLowerCase().includes(s));
  }, [state.data, search]);
  return (
    <Card
      title={
        <span>
          {regionName} <span className="muted">({code})</span>
        </span>
      }
      extra={<Link to={`/overview/${encodeURIComponent(code)}${year ? `?year=${year}` : ""}`}>{t("viewOverview")}</Link>}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<number | "all">
          aria-label={t("year")}
          style={{ width: 140 }}
          value={year ?? "all"}
          onChange={(v) => setYear(v === "all" ? undefined : v)}
          options={[{ value: "all" as const, label: t("allYears") }, ...years.map((y) => ({ value: y, label: `${y}` }))]}
        />
        <Input.Search aria-label={t("portalSearch")} placeholder={t("portalSearch")} allowClear value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: 280 }} />
      </Space>
      <AsyncView state={state}>
        {() => (
          <Table<PublicationMeta & { corrections: number }>
            rowKey="id"
            size="middle"
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20 } : false}
            locale={{ emptyText: t("empty") }}
            columns={[
              { title: t("year"), dataIndex: "year", width: 80 },
              { title: t("department"), key: "d", render: (_, p) => <Link to={`/p/${p.id}`}>{p.department_name}</Link> },
              { title: "编码", dataIndex: "department_code", width: 90, responsive: ["md"] },
              { title: t("kindCol"), key: "k", width: 110, render: (_, p) => <Tag color={p.kind === "budget" ? "blue" : "purple"}>{documentKindName(p.kind)}</Tag> },
              {
                title: t("publishedCol"),
                key: "on",
                width: 170,
                responsive: ["sm"],
                render: (_, p) => (
                  <span className="nowrap">
                    {p.published_on} {p.corrections > 0 && <Tag color="orange">{t("correction")} {p.corrections}</Tag>}
                  </span>
                ),
              },
              { title: t("actions"), key: "a", width: 110, render: (_, p) => <Link to={`/p/${p.id}`}>{p.kind === "budget" ? t("viewBudget") : t("viewDocument")}</Link> },
            ]}
          />
        )}
      </AsyncView>
    </Card>
  );
}

export default function PortalHome() {
  const { t } = useI18n();
  const regions = useAsync(() => api.publicRegions(), []);
  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 26 }}>
        {t("portalTitle")}
      </Typography.Title>
      <p className="page-intro">{t("portalIntro")}</p>
      <AsyncView
        state={regions}
        isEmpty={(d) => d.regions.length === 0}
        empty={
          <>
            <p>{t("portalNoRegion")}</p>
            <p className="muted" style={{ maxWidth: 640, margin: "0 auto" }}>
              {t("portalEmptyHint")} <Link to="/login">{t("login")}</Link>
            </p>
          </>
        }
      >
        {(d) => (
          <Space orientation="vertical" style={{ width: "100%" }} size="large">
            {/* regions that published themselves; the 省/市 above them are browsed on 区域汇总 */}
            {d.regions.filter((r) => r.publications > 0).map((r) => (
              <Publications key={r.code} code={r.code} regionName={r.name} years={r.years} />
            ))}
          </Space>
        )}
      </AsyncView>
    </>
  );
}
