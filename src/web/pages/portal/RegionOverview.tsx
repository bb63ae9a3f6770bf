/** 区域汇总 — every department's latest published budget of a year added up: by 类 and by department. */
import { Breadcrumb, Card, Select, Space, Table, Typography } from "antd";
import { Suspense, lazy } from "react";
import { api } from "../../api/endpoints.ts";
import type { RegionOverview as Overview } from "../../api/types.ts";
import { AsyncView, Loading } from "../../components/States.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { formatWan, shareText } from "../../lib/format.ts";
import { useAsync } from "../../lib/use-async.ts";
import { Link, navigate, useLocation } from "../../router.tsx";

const OverviewCharts = lazy(() => import("./charts.tsx").then((m) => ({ default: m.OverviewCharts })));

const pct = (part: number, total: number) => shareText(part, total) ?? "—";

function OverviewBody({ o }: { o: Overview }) {
  const { t } = useI18n();
  const setYear = (y: number) => navigate(`/overview/${encodeURIComponent(o.region.code)}?year=${y}`, { replace: true });
  const setPage = (p: number) => navigate(`/overview/${encodeURIComponent(o.region.code)}?year=${o.year}&page=${p}`, { replace: true });
  const regionLink = (code: string) => `/overview/${encodeURIComponent(code)}?year=${o.year}`;
  return (
    <>
      <Breadcrumb
        items={[{ title: <Link to="/">{t("navPortal")}</Link> }, ...o.path.map((g) => ({ title: g.code === o.region.code ? g.name : <Link to={regionLink(g.code)}>{g.name}</Link> }))]}
        style={{ marginBottom: 8 }}
      />
      <Space align="center" wrap style={{ justifyContent: "space-between", width: "100%" }}>
        <Typography.Title level={1} className="page-title" style={{ fontSize: 24 }}>
          {t("overviewTitle", { region: o.region.name, year: o.year })}
        </Typography.Title>
        <Select aria-label={t("year")} value={o.year} onChange={setYear} style={{ width: 120 }} options={o.years.map((y) => ({ value: y, label: `${y}` }))} />
      </Space>
      <p className="page-intro">{t("overviewIntro")}</p>
      <div className="stat-row">
        {[
          [t("totalSpending"), formatWan(o.total)],
          [t("basic"), formatWan(o.basic)],
          [t("project"), formatWan(o.project)],
          [t("departmentsCount"), String(o.departmentCount)],
          [t("transfersApart"), formatWan(o.transfers)],
        ].map(([k, v]) => (
          <Card size="small" key={k}>
            <div className="muted">{k}</div>
            <div style={{ fontSize: 22 }}>{v}</div>
          </Card>
        ))}
      </div>
      {o.departments.length > 0 && (
        <Suspense fallback={<Loading />}>
          <OverviewCharts o={o} onDepartment={(id) => navigate(`/p/${id}`)} />
        </Suspense>
      )}
      {o.children.length > 0 && (
        <Card size="small" title={`${t("subRegions")}（${t(`regionLevel_${o.children[0]!.level}`)}）`} style={{ marginTop: 16 }}>
          <Table
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={[...o.children, ...(o.own.departmentCount > 0 ? [{ id: 0, code: "", name: t("ownDepartments"), level: o.region.level, ...o.own }] : [])]}
            columns={[
              { title: t("subRegions"), key: "n", render: (_, g) => (g.code ? <Link to={regionLink(g.code)}>{g.name}</Link> : g.name) },
              { title: t("departmentsCount"), key: "c", className: "num", render: (_, g) => g.departmentCount },
              { title: t("amountWan"), key: "t", className: "num", render: (_, g) => formatWan(g.total) },
              { title: t("share"), key: "s", className: "num", render: (_, g) => pct(g.total, o.total) },
            ]}
          />
        </Card>
      )}
      <Card size="small" title={t("byDepartment")} style={{ marginTop: 16 }}>
        <Table
          rowKey="publicationId"
          size="small"
          pagination={o.departmentCount > o.pageSize ? { current: o.page, pageSize: o.pageSize, total: o.departmentCount, showSizeChanger: false, onChange: setPage } : false}
          dataSource={o.departments}
          scroll={{ x: 600 }}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>{t("total")}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} className="num">{formatWan(o.total)}</Table.Summary.Cell>
              <Table.Summary.Cell index={3} className="num">{formatWan(o.basic)}</Table.Summary.Cell>
              <Table.Summary.Cell index={4} className="num">{formatWan(o.project)}</Table.Summary.Cell>
              <Table.Summary.Cell index={5} className="num">100.00%</Table.Summary.Cell>
            </Table.Summary.Row>
          )}
          columns={[
            { title: t("rankCol"), key: "r", width: 64, render: (_, d) => d.rank },
            { title: t("department"), key: "n", render: (_, d) => <Link to={`/p/${d.publicationId}`}>{d.name}</Link> },
            { title: t("amountWan"), key: "t", className: "num", render: (_, d) => formatWan(d.total) },
            { title: t("basic"), key: "b", className: "num", render: (_, d) => formatWan(d.basic) },
            { title: t("project"), key: "p", className: "num", render: (_, d) => formatWan(d.project) },
            { title: t("share"), key: "s", className: "num", render: (_, d) => pct(d.total, o.total) },
          ]}
        />
      </Card>
      <Card size="small" title={t("byClass")} style={{ marginTop: 16 }}>
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={o.byClass}
          expandable={{
            rowExpandable: (c) => o.departments.some((d) => d.byClass[c.code]),
            expandedRowRender: (c) => (
              <ul style={{ margin: 0 }}>
                {o.departments
                  .filter((d) => d.byClass[c.code])
                  .map((d) => (
                    <li key={d.publicationId}>
                      <Link to={`/p/${d.publicationId}`}>{d.name}</Link> {formatWan(d.byClass[c.code]!)} {t("unitWan")}
                    </li>
                  ))}
              </ul>
            ),
          }}
          columns={[
            { title: t("classCode"), dataIndex: "code", width: 80 },
            { title: t("byClass"), dataIndex: "name" },
            { title: t("amountWan"), key: "a", className: "num", render: (_, c) => formatWan(c.amount) },
            { title: t("share"), key: "s", className: "num", render: (_, c) => pct(c.amount, o.total) },
          ]}
        />
      </Card>
    </>
  );
}

export default function RegionOverview({ code }: { code?: string }) {
  const { t } = useI18n();
  const { query } = useLocation();
  const year = Number(query.get("year")) || undefined;
  const page = Number(query.get("page")) || 1;
  const state = useAsync(async () => {
    // the top region first: the portal browses down from the province
    const regions = (await api.publicRegions()).regions;
    const c = code ?? (regions.find((r) => r.parentId === null) ?? regions[0])?.code;
    return c ? api.regionOverview(c, year, page) : null;
  }, [code, year, page]);
  return (
    <AsyncView state={state} isEmpty={(d) => d === null} empty={t("portalNoRegion")}>
      {(o) => <OverviewBody o={o!} />}
    </AsyncView>
  );
}
