/**
 * 导入支付明细 — a treasury payment export (CSV or XLSX) uploaded to the import endpoint: all or nothing;
 * a refused file lists every bad value with its line or cell.
 */
import { InboxOutlined } from "@ant-design/icons";
import { Alert, App, Card, Upload } from "antd";
import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { executionApi } from "../../api/execution.ts";
import type { Finding } from "../../api/types.ts";
import { useI18n } from "../../i18n/index.tsx";
import { yuanText } from "../../lib/execution.ts";
import { FindingTable } from "./FindingTable.tsx";

type Outcome = { kind: "ok"; name: string; imported: number; total: number } | { kind: "refused"; name: string; findings: Finding[]; message: string } | { kind: "failed"; name: string; message: string };

export function ImportTab({ budgetId, canEdit, onImported }: { budgetId: number; canEdit: boolean; onImported: () => void }) {
  const { t, bilingual } = useI18n();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const { modal } = App.useApp();
  /** the import; a file of headers only asks first whether it should remove every payment */
  const send = async (f: File, replaceAll = false): Promise<void> => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const r = await executionApi.importPayments(budgetId, f, replaceAll);
      setOutcome({ kind: "ok", name: f.name, ...r });
      onImported();
    } catch (e) {
      if (!replaceAll && e instanceof ApiError && (e.details as { emptyImport?: boolean } | null)?.emptyImport) {
        modal.confirm({
          title: t("exImportEmptyTitle"),
          content: bilingual(e.message),
          okText: t("exImportEmptyOk"),
          okButtonProps: { danger: true },
          cancelText: t("cancel"),
          onOk: () => send(f, true),
          onCancel: () => setOutcome({ kind: "failed", name: f.name, message: bilingual(e.message) }),
        });
        return;
      }
      const findings = e instanceof ApiError ? ((e.details as { findings?: Finding[] } | null)?.findings ?? []) : [];
      const message = e instanceof ApiError ? bilingual(e.message) : String(e);
      setOutcome(findings.length ? { kind: "refused", name: f.name, findings, message } : { kind: "failed", name: f.name, message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t("exTabImport")}>
      <p className="page-intro">{t("exImportIntro")}</p>
      <Upload.Dragger
        accept=".csv,.xlsx"
        multiple={false}
        showUploadList={false}
        disabled={!canEdit || busy}
        aria-label={t("exImportDrop")}
        customRequest={({ file }) => void send(file as File)}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{busy ? t("loading") : t("exImportDrop")}</p>
        <p className="ant-upload-hint">{canEdit ? t("exImportHint") : t("exReadOnly")}</p>
      </Upload.Dragger>
      <div aria-live="polite" style={{ marginTop: 16 }}>
        {outcome?.kind === "ok" && <Alert type="success" showIcon title={outcome.name} description={t("exImported", { n: outcome.imported, total: yuanText(outcome.total) })} />}
        {outcome?.kind === "failed" && <Alert type="error" showIcon role="alert" title={outcome.name} description={outcome.message} />}
        {outcome?.kind === "refused" && (
          <>
            <Alert type="error" showIcon role="alert" title={outcome.name} description={t("exImportRefused", { n: outcome.findings.length })} style={{ marginBottom: 8 }} />
            <FindingTable findings={outcome.findings} label={t("exImportFindings")} />
          </>
        )}
      </div>
    </Card>
  );
}
