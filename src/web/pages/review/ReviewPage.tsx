/**
 * 审核 — a reviewer's page for one budget: changes since an earlier version, this year against last,
 * the warnings with the preparer's explanations, the preview, the history; approve, record 批复, publish
 * or return with a comment.
 */
import { CheckOutlined, RollbackOutlined } from "@ant-design/icons";
import { App, Breadcrumb, Button, Card, Descriptions, Empty, Input, Modal, Select, Space, Table, Tabs, Tag, Timeline, Typography } from "antd";
import { useMemo, useState } from "react";
import { ApiError } from "../../api/client.ts";
import { api } from "../../api/endpoints.ts";
import type { BudgetSummary, CatalogAnswer, CheckResult, Content, ContentLineItem, Transition, VersionInfo, WorkflowAction } from "../../api/types.ts";
import { FindingsPanel } from "../../components/FindingsPanel.tsx";
import { PreviewPane } from "../../components/PreviewPane.tsx";
import { AsyncView } from "../../components/States.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { fenOfYuanText } from "../../lib/amount.ts";
import { formatAmount } from "../../lib/format.ts";
import { catalogIndexOf } from "../../lib/check.ts";
import { changeRate, compareWithPrior } from "../../lib/compare.ts";
import { diffContent } from "../../lib/diff.ts";
import { useAsync } from "../../lib/use-async.ts";
import { Link } from "../../router.tsx";
import { STATE_COLORS } from "../prepare/BudgetEditor.tsx";
import { PUBLICATION_DEADLINE_DAYS } from "../../../core/workflow.ts";

/** The last day to publish after 批复 (预算法第十四条), as yyyy-mm-dd. */
function deadlineOf(approvedOn: string): string {
  const d = new Date(`${approvedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + PUBLICATION_DEADLINE_DAYS);
  return d.toISOString().slice(0, 10);
}

interface Loaded {
  budget: BudgetSummary;
  version: number;
  content: Content;
  versions: VersionInfo[];
  transitions: Transition[];
  check: CheckResult;
  catalog: CatalogAnswer;
}

function Changes({ id, current, versions }: { id: number; current: Content; versions: VersionInfo[] }) {
  const { t, natureName, sourceName, bilingual, time } = useI18n();
  const earlier = versions.filter((v) => v.number < (versions[0]?.number ?? 0));
  const [n, setN] = useState<number | undefined>(earlier[0]?.number);
  const before = useAsync(() => (n ? api.version(id, n) : Promise.resolve(undefined)), [id, n]);
  const diff = useMemo(() => (before.data ? diffContent(before.data.version.content, current) : undefined), [before.data, current]);
  const cell = (i: ContentLineItem | undefined) =>
    i ? `${i.unit} · ${i.functional} · ${i.economic} · ${natureName(i.nature)}${i.project ? ` · ${i.project}` : ""} · ${sourceName(i.source)}` : "—";
  const amount = (i: ContentLineItem | undefined) => (i ? formatAmount(fenOfYuanText(String(i.amount)), "yuan") : "—");
  if (earlier.length === 0) return <Empty description={t("noChanges")} />;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t("compareWith")}</span>
        <Select<number>
          aria-label={t("compareWith")}
          style={{ minWidth: 420 }}
          value={n}
          onChange={setN}
          options={earlier.map((v) => ({ value: v.number, label: `${t("version", { n: v.number })} · ${v.author ?? "—"} · ${time(v.createdAt)} · ${bilingual(v.note ?? v.summary)}` }))}
        />
      </Space>
      <AsyncView state={before}>
        {() =>
          !diff || (diff.lines.length === 0 && diff.projects.length === 0 && diff.texts.length === 0) ? (
            <Empty description={t("noChanges")} />
          ) : (
            <Space orientation="vertical" style={{ width: "100%" }}>
              <Typography.Text strong>{t("changesSinceVersion", { n: n ?? 0 })}</Typography.Text>
              {diff.lines.length > 0 && (
                <Table
                  size="small"
                  rowKey="key"
                  pagination={diff.lines.length > 30 ? { pageSize: 30 } : false}
                  dataSource={diff.lines}
                  scroll={{ x: 900 }}
                  columns={[
                    { title: "", key: "k", width: 70, render: (_, c) => (c.before && c.after ? <Tag color="blue">{t("changed")}</Tag> : c.after ? <Tag color="green">{t("added")}</Tag> : <Tag color="red">{t("removed")}</Tag>) },
                    { title: t("tabLines"), key: "l", render: (_, c) => cell(c.after ?? c.before) },
                    { title: `${t("before")}（${t("unitYuan")}）`, key: "b", className: "num", width: 140, render: (_, c) => amount(c.before) },
                    { title: `${t("after")}（${t("unitYuan")}）`, key: "a", className: "num", width: 140, render: (_, c) => amount(c.after) },
                    { title: t("change"), key: "d", className: "num", width: 130, render: (_, c) => <span style={{ color: c.delta < 0 ? "#cf1322" : c.delta > 0 ? "#389e0d" : undefined }}>{formatAmount(c.delta, "yuan")}</span> },
                    { title: t("colMemo"), key: "m", width: 160, render: (_, c) => c.after?.memo ?? c.before?.memo ?? "" },
                  ]}
                />
              )}
              {diff.projects.length > 0 && (
                <Card size="small" title={t("projects")}>
                  {diff.projects.map((p) => (
                    <div key={p.code}>
                      <Tag>{t(p.kind)}</Tag> {p.code} {p.name}
                    </div>
                  ))}
                </Card>
              )}
              {diff.texts.map((x) => (
                <Card key={x.field} size="small" title={x.field}>
                  <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 12 }}>
                    <div>
                      <div className="muted">{t("before")}</div>
                      <div style={{ whiteSpace: "pre-wrap", background: "#fff1f0", padding: 6 }}>{x.before || "—"}</div>
                    </div>
                    <div>
                      <div className="muted">{t("after")}</div>
                      <div style={{ whiteSpace: "pre-wrap", background: "#f6ffed", padding: 6 }}>{x.after || "—"}</div>
                    </div>
                  </div>
                </Card>
              ))}
            </Space>
          )
        }
      </AsyncView>
    </>
  );
}

function AgainstLastYear({ content, catalog }: { content: Content; catalog: CatalogAnswer }) {
  const { t, lang } = useI18n();
  const cmp = useMemo(() => compareWithPrior(content, catalogIndexOf(catalog), lang), [content, catalog, lang]);
  if (!cmp) return <Empty />;
  return (
    <>
      <p className="muted">{cmp.priorYear ? t("priorYear", { year: cmp.priorYear, basis: cmp.basis ?? "" }) : t("noPrior")}</p>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={cmp.rows}
        columns={[
          { title: t("item"), key: "i", render: (_, r) => <span style={{ paddingLeft: (r.level ?? 0) * 16 }}>{r.label}</span> },
          { title: `${t("lastYear")}（${t("unitWan")}）`, key: "p", className: "num", render: (_, r) => (r.prior === undefined ? "—" : formatAmount(r.prior, "wan")) },
          { title: `${t("thisYearShort")}（${t("unitWan")}）`, key: "c", className: "num", render: (_, r) => formatAmount(r.current, "wan") },
          { title: t("change"), key: "d", className: "num", render: (_, r) => (r.prior === undefined ? "—" : formatAmount(r.current - r.prior, "wan")) },
          { title: t("changePct"), key: "r", className: "num", render: (_, r) => (r.prior === undefined ? "—" : (changeRate(r.prior, r.current) ?? t("notApplicable"))) },
        ]}
      />
    </>
  );
}

function History({ transitions, versions }: { transitions: Transition[]; versions: VersionInfo[] }) {
  const { t, actionName, stateName, bilingual, time } = useI18n();
  return (
    <div style={{ display: "grid", gridTemplateColumns: "minmax(0,1fr) minmax(0,1fr)", gap: 16 }}>
      <Card size="small" title={t("history")}>
        {transitions.length === 0 ? (
          <p className="muted">{t("historyEmpty")}</p>
        ) : (
          <Timeline
            items={transitions.map((x) => ({
              color: x.action === "return" ? "red" : "green",
              content: (
                <div>
                  <strong>{actionName(x.action)}</strong> · {stateName(x.from_state)} → {stateName(x.to_state)}
                  <div className="muted">
                    {x.actor ?? "—"} · {time(x.at)}
                    {x.on_date && ` · ${x.on_date}`}
                  </div>
                  {x.comment && <div>{x.comment}</div>}
                </div>
              ),
            }))}
          />
        )}
      </Card>
      <Card size="small" title={t("versions")}>
        <Timeline
          items={versions.slice(0, 30).map((v) => ({
            color: "gray",
            content: (
              <div>
                <strong>{t("version", { n: v.number })}</strong> · {v.author ?? "—"} · <span className="muted">{time(v.createdAt)}</span>
                <div className="muted">{bilingual(v.note ?? v.summary)}</div>
              </div>
            ),
          }))}
        />
      </Card>
    </div>
  );
}

/** The steps that cannot be taken back: each asks in a dialog, with what will happen and its date. */
type ConfirmedStep = "record-approval" | "publish";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function Actions({ budget, onDone, published }: { budget: BudgetSummary; onDone: () => void; published: boolean }) {
  const { t, actionName, bilingual } = useI18n();
  const { message } = App.useApp();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState("");
  // 批复 and 公开 are dated by the person who takes the step: no silent default (the server requires one)
  const [confirming, setConfirming] = useState<ConfirmedStep>();
  const [date, setDate] = useState("");
  const [changeNote, setChangeNote] = useState("");
  const [busy, setBusy] = useState<WorkflowAction>();
  const run = async (action: WorkflowAction, extra: { comment?: string; date?: string; changeNote?: string } = {}): Promise<boolean> => {
    setBusy(action);
    try {
      const r = await api.move(budget.id, { action, ...extra });
      for (const f of r.findings) message.warning(bilingual(f.message));
      message.success(t("actionDone", { action: actionName(action) }));
      onDone();
      return true;
    } catch (e) {
      message.error(e instanceof ApiError ? bilingual(e.message) : String(e));
      return false;
    } finally {
      setBusy(undefined);
    }
  };
  const a = budget.actions.filter((x) => x !== "submit");
  if (a.length === 0) return null;
  const validDate = ISO_DATE.test(date) && !Number.isNaN(Date.parse(date));
  const open = (step: ConfirmedStep) => {
    setDate("");
    setConfirming(step);
  };
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Space wrap>
        {a
          .filter((x) => x !== "return")
          .map((x) => (
            <Button
              key={x}
              type="primary"
              icon={<CheckOutlined />}
              loading={busy === x}
              onClick={() => (x === "record-approval" || x === "publish" ? open(x) : void run(x))}
            >
              {x === "approve-department" || x === "approve-finance" ? t("approve") : x === "record-approval" ? t("recordApproval") : x === "publish" ? t("publish") : actionName(x)}
            </Button>
          ))}
        {a.includes("return") && (
          <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)}>
            {t("returnBudget")}
          </Button>
        )}
      </Space>
      <Modal
        open={confirming !== undefined}
        title={confirming === "record-approval" ? t("confirmApprovalTitle") : t("confirmPublishTitle")}
        okText={confirming === "record-approval" ? t("recordApproval") : t("publish")}
        cancelText={t("cancel")}
        okButtonProps={{ disabled: !validDate || (confirming === "publish" && published && !changeNote.trim()), loading: busy === confirming }}
        onCancel={() => setConfirming(undefined)}
        onOk={async () => {
          if (!confirming || !validDate) return;
          const ok = await run(confirming, confirming === "publish" ? { date, ...(changeNote.trim() ? { changeNote: changeNote.trim() } : {}) } : { date });
          if (ok) {
            setConfirming(undefined);
            setChangeNote("");
          }
        }}
      >
        <div data-testid="confirm-step">
          <Typography.Paragraph>
            {confirming === "record-approval" ? t("confirmApprovalWhat", { name: budget.departmentName, year: budget.year }) : t("confirmPublishWhat", { name: budget.departmentName, year: budget.year })}
          </Typography.Paragraph>
          {confirming === "publish" && budget.approvedOn && <Typography.Paragraph type="secondary">{t("confirmPublishDeadline", { approved: budget.approvedOn, deadline: deadlineOf(budget.approvedOn) })}</Typography.Paragraph>}
          <Space direction="vertical" style={{ width: "100%" }}>
            <label htmlFor="action-date">{confirming === "record-approval" ? t("approvalDate") : t("publishDate")}</label>
            <Input id="action-date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} style={{ width: 180 }} aria-describedby="action-date-hint" />
            <span id="action-date-hint" className="muted">
              {validDate ? t(confirming === "record-approval" ? "confirmApprovalOn" : "confirmPublishOn", { date }) : t("confirmDateNeeded")}
            </span>
            {confirming === "publish" && published && (
              <Input aria-label={t("changeNote")} placeholder={t("changeNote")} value={changeNote} onChange={(e) => setChangeNote(e.target.value)} />
            )}
          </Space>
        </div>
      </Modal>
      <Modal
        open={returning}
        title={t("returnBudget")}
        okText={t("returnBudget")}
        cancelText={t("cancel")}
        okButtonProps={{ danger: true, disabled: !comment.trim(), loading: busy === "return" }}
        onCancel={() => setReturning(false)}
        onOk={async () => {
          await run("return", { comment: comment.trim() });
          setReturning(false);
          setComment("");
        }}
      >
        <label htmlFor="return-comment">{t("returnComment")}</label>
        <Input.TextArea id="return-comment" autoSize={{ minRows: 3 }} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t("returnCommentRequired")} />
      </Modal>
    </Card>
  );
}

export default function ReviewPage({ id }: { id: number }) {
  const { t, stateName } = useI18n();
  const state = useAsync<Loaded>(
    async (signal) => {
      const b = await api.budget(id, signal);
      const [versions, transitions, check, catalog] = await Promise.all([api.versions(id), api.transitions(id), api.check(id, signal), api.catalog(b.budget.year)]);
      return { ...b, versions: versions.versions, transitions: transitions.transitions, check, catalog };
    },
    [id],
  );
  return (
    <AsyncView state={state}>
      {(d) => {
        const warnings = d.check.findings.filter((f) => f.severity !== "info");
        const explanations = new Map(d.check.findings.filter((f) => f.explanation).map((f) => [`${f.rule}\u0000${f.locationKey}`, { text: f.explanation!.text, author: f.explanation!.author }]));
        const units = (d.content.units as { code: string; name: string }[]) ?? [];
        const published = d.transitions.some((x) => x.action === "publish");
        return (
          <>
            <Breadcrumb items={[{ title: <Link to="/review">{t("navReview")}</Link> }, { title: `${d.budget.departmentName} ${d.budget.year}` }]} style={{ marginBottom: 8 }} />
            <Space align="center" wrap>
              <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
                {t("reviewTitle", { name: d.budget.departmentName, year: d.budget.year })}
              </Typography.Title>
              <Tag color={STATE_COLORS[d.budget.state]} data-testid="budget-state">
                {stateName(d.budget.state)}
              </Tag>
              <span className="muted">{t("version", { n: d.version })}</span>
            </Space>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              style={{ margin: "8px 0" }}
              items={[
                { key: "d", label: t("department"), children: `${d.budget.departmentCode} ${d.budget.departmentName}` },
                { key: "a", label: t("approvalDate"), children: d.budget.approvedOn ?? "—" },
                { key: "p", label: t("publishDate"), children: d.budget.publishedOn ?? "—" },
              ]}
            />
            <Actions budget={d.budget} onDone={state.reload} published={published} />
            <Tabs
              items={[
                { key: "changes", label: t("changesTab"), children: <Changes id={id} current={d.content} versions={d.versions} /> },
                { key: "year", label: t("againstLastYear"), children: <AgainstLastYear content={d.content} catalog={d.catalog} /> },
                {
                  key: "warnings",
                  label: `${t("warningsExplained")} (${warnings.length})`,
                  children: warnings.length === 0 ? <Empty description={t("noWarnings")} /> : <FindingsPanel title={t("warningsExplained")} findings={warnings} explanations={explanations} />,
                },
                { key: "preview", label: t("tabPreview"), children: <PreviewPane budgetId={id} version={d.version} units={units} /> },
                { key: "history", label: t("history"), children: <History transitions={d.transitions} versions={d.versions} /> },
              ]}
            />
          </>
        );
      }}
    </AsyncView>
  );
}
