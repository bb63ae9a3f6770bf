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
  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/">{t("navPortal")}</Link> }, { title: o.region.name }]} style={{ marginBottom: 8 }} />
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
          [t("departmentsCount"), String(o.departments.length)],
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
      <Card size="small" title={t("byDepartment")} style={{ marginTop: 16 }}>
        <Table
          rowKey="publicationId"
          size="small"
          pagination={false}
          dataSource={o.departments}
          scroll={{ x: 600 }}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t("total")}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} className="num">{formatWan(o.total)}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} className="num">{formatWan(o.basic)}</Table.Summary.Cell>
              <Table.Summary.Cell index={3} className="num">{formatWan(o.project)}</Table.Summary.Cell>
              <Table.Summary.Cell index={4} className="num">100.00%</Table.Summary.Cell>
            </Table.Summary.Row>
          )}
          columns={[
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
  const state = useAsync(async () => {
    const c = code ?? (await api.publicRegions()).regions[0]?.code;
    return c ? api.regionOverview(c, year) : null;
  }, [code, year]);
  return (
    <AsyncView state={state} isEmpty={(d) => d === null} empty={t("portalNoRegion")}>
      {(o) => <OverviewBody o={o!} />}
    </AsyncView>
  );
}
