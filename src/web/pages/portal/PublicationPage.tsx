/**
 * 公开的部门预算或部门决算 — one publication: key figures and charts (a budget's), its tables and narrative, its
 * downloads, and the budget year's other document beside it (the 决算 of a budget, the budget of a 决算).
 */
import { DownloadOutlined } from "@ant-design/icons";
import { Alert, Breadcrumb, Button, Card, Col, List, Row, Select, Space, Statistic, Tabs, Tag, Tooltip, Typography } from "antd";
import { Suspense, lazy, useMemo, useState } from "react";
import { api } from "../../api/endpoints.ts";
import { finalAccountsApi } from "../../api/final-accounts.ts";
import type { Publication, PublicationFigures } from "../../api/types.ts";
import { DisclosureTables, Narrative } from "../../components/DisclosureView.tsx";
import { AsyncView, ErrorState, Loading } from "../../components/States.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { formatWan } from "../../lib/format.ts";
import { useAsync } from "../../lib/use-async.ts";
import { Link } from "../../router.tsx";

const PublicationCharts = lazy(() => import("./charts.tsx").then((m) => ({ default: m.PublicationCharts })));

const FORMATS = [
  { format: "pdf", key: "downloadPdf" },
  { format: "xlsx", key: "downloadXlsx" },
  { format: "html", key: "downloadHtml" },
  { format: "json", key: "downloadJson" },
] as const;

function sizeText(bytes: number): string {
  return bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function Downloads({ p, scope }: { p: Publication; scope: string }) {
  const { t } = useI18n();
  return (
    <Space wrap>
      {FORMATS.map(({ format, key }) => {
        const f = p.files.find((x) => x.scope === scope && x.format === format);
        if (!f) return null;
        return (
          <Tooltip key={format} title={`${t("sha256")}: ${f.sha256}`}>
            <Button icon={<DownloadOutlined />} href={api.publicationFileUrl(p.id, scope, format)} download={f.file_name} aria-label={`${t("download")} ${t(key)} ${sizeText(f.size)}`}>
              {t(key)} <span className="muted">{sizeText(f.size)}</span>
            </Button>
          </Tooltip>
        );
      })}
    </Space>
  );
}

function KeyFigures({ f }: { f: PublicationFigures }) {
  const { t } = useI18n();
  return (
    <div className="stat-row">
      <Card size="small">
        <Statistic title={`${t("totalSpending")}（${t("unitWan")}）`} value={formatWan(f.total)} />
      </Card>
      <Card size="small">
        <Statistic title={`${t("basic")}（${t("unitWan")}）`} value={formatWan(f.basic)} />
      </Card>
      <Card size="small">
        <Statistic title={`${t("project")}（${t("unitWan")}）`} value={formatWan(f.project)} />
      </Card>
    </div>
  );
}

/** 本年度公开文件 — the latest 部门预算 and 部门决算 of the same budget, each with its files; shown when both exist. */
function YearDocuments({ id }: { id: number }) {
  const { t, documentKindName } = useI18n();
  const docs = useAsync((s) => finalAccountsApi.yearDocuments(id, s), [id]);
  const list = docs.data?.documents ?? [];
  if (list.length < 2) return null;
  return (
    <Card size="small" title={t("yearDocuments")} style={{ marginBottom: 12 }} data-testid="year-documents">
      <List
        size="small"
        dataSource={list}
        renderItem={(d) => (
          <List.Item key={d.id} actions={d.id === id ? [] : [<Link key="v" to={`/p/${d.id}`}>{t("viewDocument")}</Link>]}>
            <Space wrap>
              <Tag color={d.kind === "budget" ? "blue" : "purple"}>{documentKindName(d.kind)}</Tag>
              <span>{d.title}</span>
              <span className="muted">
                {t("publishedOn", { date: d.published_on })}
                {d.number > 1 && ` · ${t("correction")} ${d.number - 1}`}
              </span>
              <Downloads p={d} scope="department" />
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

export default function PublicationPage({ id }: { id: number }) {
  const pub = useAsync(() => api.publication(id), [id]);
  return <AsyncView state={pub}>{({ publication: p }) => <PublicationBody key={p.id} p={p} />}</AsyncView>;
}

function PublicationBody({ p }: { p: Publication }) {
  const { t } = useI18n();
  const id = p.id;
  // key figures and charts are a budget's (its facts); a 决算 is its tables and narrative
  const isBudget = p.kind === "budget";
  const figures = useAsync(() => (isBudget ? api.publicationFigures(id) : Promise.resolve(undefined)), [id, isBudget]);
  const [scope, setScope] = useState("department");
  const doc = useAsync(() => api.publicationJson(id, scope), [id, scope]);
  const scopes = useMemo(() => [...new Set(p.files.map((f) => f.scope))].sort((a, b) => (a === "department" ? -1 : b === "department" ? 1 : a < b ? -1 : 1)), [p]);
  const tabs = [
    {
      key: "charts",
      label: t("pubTabsCharts"),
      children: figures.error ? (
        <ErrorState error={figures.error} onRetry={figures.reload} />
      ) : figures.data ? (
        <Suspense fallback={<Loading />}>
          <PublicationCharts f={figures.data} />
        </Suspense>
      ) : (
        <Loading />
      ),
    },
    { key: "tables", label: t(isBudget ? "pubTabsTables" : "pubTabsFinalTables"), children: <AsyncView state={doc}>{(d) => <DisclosureTables doc={d} />}</AsyncView> },
    { key: "narrative", label: t("pubTabsNarrative"), children: <AsyncView state={doc}>{(d) => <Narrative doc={d} />}</AsyncView> },
  ].filter((x) => isBudget || x.key !== "charts");

  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/">{t("navPortal")}</Link> }, { title: `${p.year}` }, { title: p.department_name }]} style={{ marginBottom: 8 }} />
      <Typography.Title level={1} className="page-title" style={{ fontSize: 24 }}>
        {t(isBudget ? "publicationTitle" : "finalTitle", { name: p.department_name, year: p.year })}
      </Typography.Title>
      <p className="muted">
        {t("publishedOn", { date: p.published_on })}
        {p.number > 1 && ` · ${t("correction")} ${p.number - 1}`}
      </p>
      {p.change_note && <Alert type="info" showIcon title={t("changeNote")} description={p.change_note} style={{ marginBottom: 12 }} />}
      <Row gutter={[12, 12]} align="middle" style={{ marginBottom: 12 }}>
        <Col flex="auto">
          <Downloads p={p} scope={scope} />
        </Col>
        {scopes.length > 1 && (
          <Col>
            <Select
              aria-label={t("scope")}
              value={scope}
              onChange={setScope}
              style={{ minWidth: 200 }}
              options={scopes.map((s) => ({ value: s, label: s === "department" ? t("scopeDepartment") : `${t("colUnit")} ${s}` }))}
            />
          </Col>
        )}
      </Row>
      <YearDocuments id={id} />
      {figures.data && <KeyFigures f={figures.data} />}
      <Tabs defaultActiveKey={isBudget ? "charts" : "tables"} items={tabs} />
    </>
  );
}
