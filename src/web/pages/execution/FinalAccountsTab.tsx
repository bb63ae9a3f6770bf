/**
 * 部门决算 — the budget year's final accounts: what in the data still blocks them (each problem with its field),
 * the document as it would be published, its downloads, and 公开决算 for the department's approver once the
 * budget is published — a dated confirmation like publishing the budget, a change note for a correction.
 */
import { CheckOutlined, DownloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Input, List, Modal, Space, Table, Typography } from "antd";
import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { finalAccountsApi } from "../../api/final-accounts.ts";
import { DisclosureTables, Narrative } from "../../components/DisclosureView.tsx";
import { AsyncView } from "../../components/States.tsx";
import type { FinalAccountsRecord } from "../../../core/execution/model.ts";
import { useI18n } from "../../i18n/index.tsx";
import { type FinalRecordRow, finalRecordRows, yuanText } from "../../lib/execution.ts";
import { useAsync } from "../../lib/use-async.ts";
import { Link } from "../../router.tsx";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function Preview({ budgetId }: { budgetId: number }) {
  const { t } = useI18n();
  const doc = useAsync((s) => finalAccountsApi.preview(budgetId, s), [budgetId]);
  return (
    <Card
      size="small"
      title={doc.data?.title ?? t("faTab")}
      extra={
        <Space wrap>
          {(["pdf", "xlsx", "html"] as const).map((f) => (
            <Button key={f} size="small" icon={<DownloadOutlined />} href={finalAccountsApi.fileUrl(budgetId, f)} download={`final-accounts.${f}`} aria-label={`${t("exDownload")} ${f === "xlsx" ? "Excel" : f.toUpperCase()}`}>
              {f === "xlsx" ? "Excel" : f.toUpperCase()}
            </Button>
          ))}
        </Space>
      }
    >
      <AsyncView state={doc}>
        {(d) => (
          <div data-testid="final-accounts-preview">
            <Narrative doc={d} />
            <DisclosureTables doc={d} idPrefix="fa-" />
          </div>
        )}
      </AsyncView>
    </Card>
  );
}

/** 决算补充数据 — the record's finalAccounts, read-only, as the 决算 will state them (amounts exact, in 元). */
function RecordTable({ record }: { record: FinalAccountsRecord | undefined }) {
  const { t } = useI18n();
  const rows = record ? finalRecordRows(record) : [];
  // each section's name once, spanning its rows (a section's rows are together)
  const span = (r: FinalRecordRow, i: number) => {
    const first = i === 0 || rows[i - 1]!.section !== r.section;
    return first ? rows.filter((x) => x.section === r.section).length : 0;
  };
  return (
    <Card size="small" title={t("faRecord")}>
      <p className="muted" style={{ marginTop: 0 }}>
        {t("faRecordHint")}
      </p>
      {!record ? (
        <p className="muted">{t("faRecordNone")}</p>
      ) : (
        <Table<FinalRecordRow>
          data-testid="final-accounts-record"
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={rows}
          columns={[
            { title: t("kindCol"), key: "section", render: (_, r) => t(`faSec_${r.section}`), onCell: (r, i) => ({ rowSpan: span(r, i ?? 0) }) },
            { title: t("colUnit"), dataIndex: "unit", key: "unit" },
            { title: t("colFunctional"), dataIndex: "functional", key: "functional" },
            { title: t("faRecordItem"), dataIndex: "item", key: "item" },
            { title: t("faRecordAmount"), key: "amount", align: "right", render: (_, r) => yuanText(r.amount) },
          ]}
        />
      )}
    </Card>
  );
}

export function FinalAccountsTab({ budgetId, name, year, rev, record }: { budgetId: number; name: string; year: number; rev: number; record: FinalAccountsRecord | undefined }) {
  const { t, bilingual } = useI18n();
  const { message } = App.useApp();
  const status = useAsync((s) => finalAccountsApi.status(budgetId, s), [budgetId, rev]);
  const [confirming, setConfirming] = useState(false);
  const [date, setDate] = useState("");
  const [changeNote, setChangeNote] = useState("");
  const [busy, setBusy] = useState(false);
  const validDate = ISO_DATE.test(date) && !Number.isNaN(Date.parse(date));
  return (
    <AsyncView state={status}>
      {(s) => {
        const corrected = s.publications.length > 0;
        const publish = async () => {
          setBusy(true);
          try {
            const r = await finalAccountsApi.publish(budgetId, { date, ...(changeNote.trim() ? { changeNote: changeNote.trim() } : {}) });
            message.success(t("faPublished", { n: r.publication.number }));
            setConfirming(false);
            setChangeNote("");
            status.reload();
          } catch (e) {
            message.error(e instanceof ApiError ? bilingual(e.message) : String(e));
          } finally {
            setBusy(false);
          }
        };
        return (
          <Space orientation="vertical" style={{ width: "100%" }} size="middle">
            <p className="page-intro">{t("faIntro")}</p>
            {s.problems.length > 0 ? (
              <Alert
                type="warning"
                showIcon
                title={t("faProblems", { n: s.problems.length })}
                description={
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {s.problems.map((p, i) => (
                      <li key={i}>
                        <code>{p.path}</code> {bilingual(p.message)}
                      </li>
                    ))}
                  </ul>
                }
              />
            ) : (
              <Alert type="success" showIcon title={t("faReady")} />
            )}
            <Card size="small" title={t("faPublications")}>
              <Space wrap style={{ marginBottom: 8 }}>
                {s.canPublish ? (
                  <Button
                    type="primary"
                    icon={<CheckOutlined />}
                    onClick={() => {
                      setDate("");
                      setConfirming(true);
                    }}
                  >
                    {t("faPublish")}
                  </Button>
                ) : (
                  s.refusal && <span className="muted">{bilingual(s.refusal)}</span>
                )}
              </Space>
              {s.publications.length === 0 ? (
                <p className="muted">{t("faNone")}</p>
              ) : (
                <List
                  size="small"
                  dataSource={s.publications}
                  renderItem={(p) => (
                    <List.Item key={p.id} actions={[<Link key="v" to={`/p/${p.id}`}>{t("faOpenPortal")}</Link>]}>
                      {t("version", { n: p.number })} · {t("publishedOn", { date: p.published_on })}
                      {p.change_note && <span className="muted"> · {p.change_note}</span>}
                    </List.Item>
                  )}
                />
              )}
            </Card>
            <RecordTable record={record} />
            {s.problems.length === 0 && <Preview budgetId={budgetId} />}
            <Modal
              open={confirming}
              title={t("faConfirmTitle")}
              okText={t("faPublish")}
              cancelText={t("cancel")}
              okButtonProps={{ disabled: !validDate || (corrected && !changeNote.trim()), loading: busy }}
              onCancel={() => setConfirming(false)}
              onOk={() => void publish()}
            >
              <div data-testid="confirm-final-accounts">
                <Typography.Paragraph>{t("faConfirmWhat", { name, year })}</Typography.Paragraph>
                <Space orientation="vertical" style={{ width: "100%" }}>
                  <label htmlFor="final-accounts-date">{t("publishDate")}</label>
                  <Input id="final-accounts-date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} style={{ width: 180 }} aria-describedby="final-accounts-date-hint" />
                  <span id="final-accounts-date-hint" className="muted">
                    {validDate ? t("faConfirmOn", { date, year }) : t("confirmDateNeeded")}
                  </span>
                  {corrected && <Input aria-label={t("changeNote")} placeholder={t("changeNote")} value={changeNote} onChange={(e) => setChangeNote(e.target.value)} />}
                </Space>
              </div>
            </Modal>
          </Space>
        );
      }}
    </AsyncView>
  );
}
