/** 文件审核 — upload published disclosure documents; each is audited (POST /api/audit) and its findings listed with their place. */
import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Segmented, Space, Table, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { ApiError } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { SCORECARD_COLUMNS, type ScorecardRow, scorecardCsv } from "../../core/scorecard.ts";
import type { AuditAnswer, Finding, Severity } from "../api/types.ts";
import { placeText } from "../components/FindingsPanel.tsx";
import { useI18n } from "../i18n/index.tsx";
import { Link } from "../router.tsx";
import { findTemplate } from "../../core/templates/index.ts";

interface Job {
  uid: string;
  name: string;
  status: "running" | "done" | "failed";
  answer?: AuditAnswer;
  error?: string;
}

const COLORS: Record<Severity, string> = { error: "red", warning: "gold", info: "blue" };

type AcrossFinding = AuditAnswer["across"][number];

/** 跨文件核对 — the upload against the region's publications of its department, each with the publication named and linked. */
function Across({ findings }: { findings: AcrossFinding[] }) {
  const { t, bilingual } = useI18n();
  return (
    <section className="audit-across" aria-labelledby="audit-across-title" style={{ marginTop: 12 }}>
      <Typography.Title level={3} id="audit-across-title" style={{ fontSize: 16 }}>
        {t("auditAcross")} ({findings.length})
      </Typography.Title>
      <p className="muted">{t("auditAcrossHint")}</p>
      <Table<AcrossFinding & { key: number }>
        size="small"
        aria-label={t("auditAcross")}
        dataSource={findings.map((f, key) => ({ ...f, key }))}
        pagination={false}
        locale={{ emptyText: t("auditAcrossNone") }}
        scroll={{ x: 900 }}
        columns={[
          { title: "", key: "s", width: 70, render: (_, f) => <Tag color={COLORS[f.severity]}>{t(`severity_${f.severity}`)}</Tag> },
          { title: t("auditMessage"), key: "m", render: (_, f) => bilingual(f.message) },
          {
            title: t("auditAgainst"),
            key: "w",
            width: 240,
            render: (_, f) => (f.publication ? <Link to={`/p/${f.publication.id}`}>{t("auditPublication", { title: f.publication.title, year: f.publication.year, number: f.publication.number })}</Link> : ""),
          },
          { title: t("auditExpected"), key: "e", width: 110, className: "num", render: (_, f) => f.expected ?? "" },
          { title: t("auditActual"), key: "a", width: 110, className: "num", render: (_, f) => f.actual ?? "" },
        ]}
      />
    </section>
  );
}

function Result({ job }: { job: Job }) {
  const { t, bilingual } = useI18n();
  const [filter, setFilter] = useState<Severity | "all">("all");
  if (job.status === "running") return <Card size="small" loading title={t("auditRunning", { name: job.name })} />;
  if (job.status === "failed") return <Alert type="error" showIcon title={job.name} description={job.error} role="alert" />;
  const a = job.answer!;
  const s = a.summary;
  const list = filter === "all" ? a.findings : a.findings.filter((f) => f.severity === filter);
  return (
    <Card
      size="small"
      title={
        <span>
          {job.name} {s.department && <span className="muted">· {s.department}</span>} {s.year && <span className="muted">· {s.year}</span>}
        </span>
      }
      extra={
        <Space>
          <Tag>{findTemplate(s.template)?.shortName ?? "未能识别的公开模板 / unknown template"}</Tag>
          <span className="muted">{t("auditTables", { n: s.tables })}</span>
        </Space>
      }
    >
      {s.unreadable && <Alert type="error" showIcon title={t("auditUnreadable")} style={{ marginBottom: 8 }} />}
      <Segmented<Severity | "all">
        aria-label={t("severityFilter")}
        value={filter}
        onChange={setFilter}
        options={[
          { value: "all", label: `${t("total")} ${a.findings.length}` },
          { value: "error", label: `${t("severity_error")} ${s.counts.error}` },
          { value: "warning", label: `${t("severity_warning")} ${s.counts.warning}` },
          { value: "info", label: `${t("severity_info")} ${s.counts.info}` },
        ]}
        style={{ marginBottom: 8 }}
      />
      <Table<Finding & { key: number }>
        size="small"
        dataSource={list.map((f, key) => ({ ...f, key }))}
        pagination={list.length > 25 ? { pageSize: 25, showSizeChanger: false } : false}
        locale={{ emptyText: t("auditNoFindings") }}
        scroll={{ x: 900 }}
        columns={[
          { title: "", key: "s", width: 70, render: (_, f) => <Tag color={COLORS[f.severity]}>{t(`severity_${f.severity}`)}</Tag> },
          { title: t("auditMessage"), key: "m", render: (_, f) => bilingual(f.message) },
          { title: t("auditPlace"), key: "p", width: 260, render: (_, f) => <span className="finding-place">{placeText(f, t)}</span> },
          { title: t("auditExpected"), key: "e", width: 110, className: "num", render: (_, f) => f.expected ?? "" },
          { title: t("auditActual"), key: "a", width: 110, className: "num", render: (_, f) => f.actual ?? "" },
        ]}
      />
      {!s.unreadable && <Across findings={a.across} />}
    </Card>
  );
}

/** 评估表 — one row per audited document, the columns `yusuan audit --scorecard` writes; downloadable as CSV. */
function Scorecard({ rows }: { rows: ScorecardRow[] }) {
  const { t } = useI18n();
  const download = () => {
    const url = URL.createObjectURL(new Blob([scorecardCsv(rows)], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "评估表.csv";
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Card
      size="small"
      className="audit-scorecard"
      title={t("auditScorecard")}
      extra={
        <Button size="small" icon={<DownloadOutlined />} onClick={download}>
          {t("auditScorecardDownload")}
        </Button>
      }
      style={{ marginTop: 16 }}
    >
      <p className="muted">{t("auditScorecardHint")}</p>
      <Table<ScorecardRow & { key: number }>
        size="small"
        aria-label={t("auditScorecard")}
        dataSource={rows.map((r, key) => ({ ...r, key }))}
        pagination={false}
        scroll={{ x: 1400 }}
        columns={SCORECARD_COLUMNS.map((c, i) => ({ title: c.title, key: String(i), render: (_: unknown, r: ScorecardRow) => c.value(r) }))}
      />
    </Card>
  );
}

export default function AuditPage() {
  const { t, bilingual } = useI18n();
  const [jobs, setJobs] = useState<Job[]>([]);
  const update = (uid: string, patch: Partial<Job>) => setJobs((js) => js.map((j) => (j.uid === uid ? { ...j, ...patch } : j)));
  // One document at a time: audits are CPU work on the server.
  const [queue] = useState(() => ({ tail: Promise.resolve() }));
  const start = (file: File & { uid?: string }) => {
    const uid = file.uid ?? `${file.name}-${Date.now()}`;
    setJobs((js) => [{ uid, name: file.name, status: "running" }, ...js]);
    queue.tail = queue.tail.then(() =>
      api.audit(file).then(
        (answer) => update(uid, { status: "done", answer }),
        (e: unknown) => update(uid, { status: "failed", error: e instanceof ApiError ? bilingual(e.message) : String(e) }),
      ),
    );
  };
  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 24 }}>
        {t("auditTitle")}
      </Typography.Title>
      <p className="page-intro">{t("auditIntro")}</p>
      <Upload.Dragger
        multiple
        accept=".pdf,.xlsx,.html,.htm,.txt,.docx,.csv,.tsv"
        showUploadList={false}
        beforeUpload={(file) => {
          start(file);
          return false;
        }}
        aria-label={t("auditDrop")}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t("auditDrop")}</p>
        <p className="ant-upload-hint">{t("auditFormats")}</p>
      </Upload.Dragger>
      {jobs.some((j) => j.answer) && <Scorecard rows={jobs.flatMap((j) => (j.answer ? [j.answer.scorecard as ScorecardRow] : [])).reverse()} />}
      <Space orientation="vertical" style={{ width: "100%", marginTop: 16 }}>
        {jobs.map((j) => (
          <Result key={j.uid} job={j} />
        ))}
      </Space>
    </>
  );
}
