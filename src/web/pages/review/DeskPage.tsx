/**
 * 财政局工作台 — a finance bureau's desk: every department's budget of a year in reach, sorted and paged by
 * the server (GET /api/desk), the reminders of what is late, and the batch import of line items with the
 * region's column mapping.
 */
import { InboxOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Input, InputNumber, Select, Space, Table, Tag, Typography, Upload, message } from "antd";
import { useEffect, useState } from "react";
import type { DeskAnswer, DeskImportAnswer, DeskRowWire, ImportMappingAnswer } from "../../../contract/index.ts";
import { ApiError } from "../../api/client.ts";
import { api } from "../../api/endpoints.ts";
import { AsyncView } from "../../components/States.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { formatWan } from "../../lib/format.ts";
import { useAsync } from "../../lib/use-async.ts";
import { Link, navigate, useLocation } from "../../router.tsx";

type Sort = DeskAnswer["sort"];
const PAGE_SIZE = 20;

export default function DeskPage() {
  const { t } = useI18n();
  const { query } = useLocation();
  const budgets = useAsync(() => api.budgets(), []);
  const years = [...new Set((budgets.data?.budgets ?? []).map((b) => b.year))].sort((a, b) => b - a);
  const year = Number(query.get("year")) || years[0];
  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 24 }}>
        {t("deskTitle")}
      </Typography.Title>
      <p className="page-intro">{t("deskIntro")}</p>
      <AsyncView state={budgets}>
        {() => (
          <>
            <Space style={{ marginBottom: 12 }}>
              <label htmlFor="desk-year">{t("deskYear")}</label>
              <Select
                id="desk-year"
                aria-label={t("deskYear")}
                style={{ width: 120 }}
                value={year}
                options={(year && !years.includes(year) ? [year, ...years] : years).map((y) => ({ value: y, label: String(y) }))}
                onChange={(y) => navigate(`/desk?year=${y}`, { replace: true })}
              />
            </Space>
            {year ? <Desk key={year} year={year} /> : <p className="muted">{t("empty")}</p>}
          </>
        )}
      </AsyncView>
    </>
  );
}

function Desk({ year }: { year: number }) {
  const { t, stateName, bilingual } = useI18n();
  const [sort, setSort] = useState<Sort>("department");
  const [order, setOrder] = useState<"asc" | "desc">("asc");
  const [page, setPage] = useState(1);
  const [reviewDays, setReviewDays] = useState<number | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const desk = useAsync(() => api.desk({ year, sort, order, page, pageSize: PAGE_SIZE, ...(reviewDays !== undefined ? { reviewDays } : {}) }), [year, sort, order, page, reviewDays, version]);
  const sorted = (key: Sort) => (sort === key ? (order === "asc" ? ("ascend" as const) : ("descend" as const)) : null);
  const wan = (v: number | null) => (v === null ? "—" : formatWan(v));
  const days = (v: number | null) => (v === null ? "—" : String(v));

  const columns = [
    {
      key: "department",
      title: t("deskDepartment"),
      sorter: true,
      sortOrder: sorted("department"),
      render: (_: unknown, r: DeskRowWire) => (
        <>
          <span className="mono">{r.departmentCode}</span> {r.budgetId ? <Link to={`/review/${r.budgetId}`}>{r.departmentName}</Link> : r.departmentName}
        </>
      ),
    },
    { key: "region", title: t("deskRegion"), sorter: true, sortOrder: sorted("region"), render: (_: unknown, r: DeskRowWire) => r.regionName },
    {
      key: "state",
      title: t("deskState"),
      sorter: true,
      sortOrder: sorted("state"),
      render: (_: unknown, r: DeskRowWire) => (r.state ? <Tag>{stateName(r.state)}</Tag> : <span className="muted">{t("deskNoBudget")}</span>),
    },
    { key: "control", title: t("deskControl"), align: "right" as const, sorter: true, sortOrder: sorted("control"), render: (_: unknown, r: DeskRowWire) => wan(r.control) },
    { key: "total", title: t("deskTotal"), align: "right" as const, sorter: true, sortOrder: sorted("total"), render: (_: unknown, r: DeskRowWire) => wan(r.total) },
    {
      key: "difference",
      title: t("deskDifference"),
      align: "right" as const,
      sorter: true,
      sortOrder: sorted("difference"),
      render: (_: unknown, r: DeskRowWire) => (r.difference !== null && r.difference > 0 ? <Typography.Text type="danger">{wan(r.difference)}</Typography.Text> : wan(r.difference)),
    },
    {
      key: "approved",
      title: t("deskApproved"),
      render: (_: unknown, r: DeskRowWire) => (r.approvedOn ? `${r.approvedOn} → ${r.publishedOn ?? r.publishBy}` : "—"),
    },
    {
      key: "daysSinceApproval",
      title: t("deskDaysSinceApproval"),
      align: "right" as const,
      sorter: true,
      sortOrder: sorted("daysSinceApproval"),
      render: (_: unknown, r: DeskRowWire) => (
        <>
          {days(r.daysSinceApproval)} {r.reminders.includes("publication-late") && <Tag color="error">{t("deskLate")}</Tag>}
        </>
      ),
    },
    {
      key: "daysWaiting",
      title: t("deskDaysWaiting"),
      align: "right" as const,
      sorter: true,
      sortOrder: sorted("daysWaiting"),
      render: (_: unknown, r: DeskRowWire) => (
        <>
          {days(r.daysWaiting)} {r.reminders.includes("review-waiting") && <Tag color="warning">{t("deskLate")}</Tag>}
        </>
      ),
    },
    { key: "errors", title: t("deskErrors"), align: "right" as const, sorter: true, sortOrder: sorted("errors"), render: (_: unknown, r: DeskRowWire) => days(r.errors) },
    { key: "warnings", title: t("deskWarnings"), align: "right" as const, sorter: true, sortOrder: sorted("warnings"), render: (_: unknown, r: DeskRowWire) => days(r.warnings) },
  ];

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <label htmlFor="desk-review-days">{t("deskReviewDays")}</label>
        <InputNumber id="desk-review-days" min={0} max={366} value={reviewDays ?? desk.data?.reviewDays} onChange={(v) => setReviewDays(v ?? undefined)} />
      </Space>
      <AsyncView state={desk}>
        {(d) => (
          <>
            <Card size="small" title={t("deskReminders")} data-testid="desk-reminders" style={{ marginBottom: 16 }}>
              {d.reminders.length === 0 ? (
                <p className="muted">{t("deskNoReminders")}</p>
              ) : (
                <ul className="desk-reminders">
                  {d.reminders.map((r) => (
                    <li key={`${r.departmentId}-${r.kind}`}>
                      <strong>
                        {r.departmentCode} {r.departmentName}
                      </strong>
                      ：{bilingual(r.message)}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            <p className="muted" data-testid="desk-counts">
              {t("deskCounts", { departments: d.counts.departments, budgets: d.counts.budgets, late: d.counts.publicationLate, waiting: d.counts.reviewWaiting, over: d.counts.overControl })}
            </p>
            <Table<DeskRowWire>
              size="small"
              rowKey="departmentId"
              data-testid="desk-table"
              columns={columns}
              dataSource={d.rows}
              scroll={{ x: true }}
              pagination={{ current: d.page, pageSize: d.pageSize, total: d.counts.departments, showSizeChanger: false }}
              onChange={(p, _filters, sorter) => {
                const s = (Array.isArray(sorter) ? sorter[0] : sorter) as { columnKey?: unknown; order?: "ascend" | "descend" | null } | undefined;
                const key = (s?.order ? s.columnKey : "department") as Sort;
                const nextOrder = s?.order === "descend" ? "desc" : "asc";
                if (key !== sort || nextOrder !== order) {
                  setSort(key);
                  setOrder(nextOrder);
                  setPage(1);
                } else setPage(p.current ?? 1);
              }}
            />
          </>
        )}
      </AsyncView>
      <DeskImport year={year} onImported={() => setVersion((v) => v + 1)} />
    </>
  );
}

function DeskImport({ year, onImported }: { year: number; onImported: () => void }) {
  const { t, bilingual } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DeskImportAnswer>();
  const [failure, setFailure] = useState<{ file: string; message: string; problems: { message: string; file?: string; sheet?: string; cell?: string; line?: number }[] }>();
  const mapping = useAsync(() => api.deskMapping(), []);
  const place = (p: { file?: string; sheet?: string; cell?: string; line?: number }) => [p.file, p.sheet, p.cell, p.line !== undefined ? `${p.line}` : undefined].filter(Boolean).join(" · ");
  return (
    <Card size="small" title={t("deskImportTitle")} style={{ marginTop: 16 }}>
      <p className="page-intro">{t("deskImportIntro")}</p>
      <AsyncView state={mapping}>{(m) => <MappingForm initial={m} />}</AsyncView>
      <Upload.Dragger
        accept=".csv,.xlsx"
        multiple={false}
        showUploadList={false}
        disabled={busy}
        aria-label={t("deskImportDrop")}
        customRequest={async ({ file }) => {
          const f = file as File;
          setBusy(true);
          setResult(undefined);
          setFailure(undefined);
          try {
            setResult(await api.deskImport(year, f));
            onImported();
          } catch (e) {
            const problems = e instanceof ApiError ? ((e.details as { problems?: [] } | null)?.problems ?? []) : [];
            setFailure({ file: f.name, message: e instanceof ApiError ? bilingual(e.message) : String(e), problems });
          } finally {
            setBusy(false);
          }
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{busy ? t("loading") : t("deskImportDrop")}</p>
      </Upload.Dragger>
      <div aria-live="polite" style={{ marginTop: 16 }} data-testid="desk-import-result">
        {failure && <Alert type="error" showIcon role="alert" title={failure.file} description={failure.message} />}
        {result && (
          <>
            <Alert type={result.refused ? "warning" : "success"} showIcon title={t("deskImportResult", { file: result.file, imported: result.imported, refused: result.refused })} style={{ marginBottom: 8 }} />
            <Table
              size="small"
              rowKey="department"
              pagination={false}
              dataSource={result.departments}
              columns={[
                { key: "department", title: t("deskDepartment"), render: (_: unknown, d: DeskImportAnswer["departments"][number]) => `${d.department} ${d.departmentName ?? ""}` },
                { key: "status", title: t("deskState"), render: (_: unknown, d: DeskImportAnswer["departments"][number]) => (d.status === "imported" ? <Tag color="success">{t("deskImported")}</Tag> : <Tag color="error">{t("deskRefused")}</Tag>) },
                { key: "lines", title: t("deskLines"), align: "right" as const, render: (_: unknown, d: DeskImportAnswer["departments"][number]) => d.lineItems },
                {
                  key: "problems",
                  title: t("deskProblems"),
                  render: (_: unknown, d: DeskImportAnswer["departments"][number]) => (
                    <ul className="desk-problems">
                      {d.problems.map((p, i) => (
                        <li key={i}>
                          <span className="mono">{place(p)}</span> {bilingual(p.message)}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
          </>
        )}
      </div>
    </Card>
  );
}

function MappingForm({ initial }: { initial: ImportMappingAnswer }) {
  const { t } = useI18n();
  const [columns, setColumns] = useState<Record<string, string>>(initial.mapping.columns as Record<string, string>);
  const [unit, setUnit] = useState(initial.mapping.amountUnit);
  const [saved, setSaved] = useState(initial.saved);
  useEffect(() => setSaved(initial.saved), [initial.saved]);
  return (
    <details style={{ marginBottom: 12 }}>
      <summary>
        {t("deskMapping")} {saved ? "" : `— ${t("deskMappingDefault")}`}
      </summary>
      <table className="desk-mapping">
        <thead>
          <tr>
            <th scope="col">{t("deskMappingField")}</th>
            <th scope="col">{t("deskMappingColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {initial.fields.map((f) => (
            <tr key={f.field}>
              <td>
                <label htmlFor={`map-${f.field}`}>
                  {f.name}
                  {f.required ? " *" : ""}
                </label>
              </td>
              <td>
                <Input id={`map-${f.field}`} size="small" value={columns[f.field] ?? ""} onChange={(e) => setColumns({ ...columns, [f.field]: e.target.value })} />
              </td>
            </tr>
          ))}
          <tr>
            <td>
              <label htmlFor="map-unit">{t("deskAmountUnit")}</label>
            </td>
            <td>
              <Select id="map-unit" size="small" value={unit} onChange={setUnit} options={[{ value: "元" }, { value: "万元" }]} style={{ width: 100 }} />
            </td>
          </tr>
        </tbody>
      </table>
      <Button
        size="small"
        onClick={async () => {
          const kept = Object.fromEntries(Object.entries(columns).filter(([, v]) => v.trim() !== ""));
          try {
            await api.saveDeskMapping({ columns: kept, amountUnit: unit });
            setSaved(true);
            void message.success(t("deskMappingSaved"));
          } catch (e) {
            void message.error(e instanceof Error ? e.message : String(e));
          }
        }}
      >
        {t("deskSaveMapping")}
      </Button>
    </details>
  );
}
