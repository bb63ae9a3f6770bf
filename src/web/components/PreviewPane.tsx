/** 公开预览 — the disclosure rendered by the server from the saved version, as it will be published. */
import { ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Select, Space, Tabs } from "antd";
import { useState } from "react";
import { api } from "../api/endpoints.ts";
import { useI18n } from "../i18n/index.tsx";
import { useAsync } from "../lib/use-async.ts";
import { DisclosureTables, Narrative } from "./DisclosureView.tsx";
import { AsyncView } from "./States.tsx";

export function PreviewPane({ budgetId, version, units, dirty, onSave }: { budgetId: number; version: number; units: { code: string; name: string }[]; dirty?: boolean; onSave?: () => void }) {
  const { t } = useI18n();
  const [scope, setScope] = useState("department");
  // the preview is shown whatever the findings: a budget with errors, or not yet approved, previews as a draft
  const doc = useAsync(() => api.renderJson(budgetId, scope, true), [budgetId, scope, version]);
  return (
    <>
      {dirty && (
        <Alert
          type="warning"
          showIcon
          title={t("previewSaveFirst")}
          action={onSave ? <Button size="small" onClick={onSave}>{t("save")}</Button> : undefined}
          style={{ marginBottom: 12 }}
        />
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <span className="muted">{t("previewIntro")}</span>
        {units.length > 1 && (
          <Select
            aria-label={t("scope")}
            value={scope}
            onChange={setScope}
            style={{ minWidth: 200 }}
            options={[{ value: "department", label: t("scopeDepartment") }, ...units.map((u) => ({ value: String(u.code), label: `${u.code} ${u.name}` }))]}
          />
        )}
        <Button icon={<ReloadOutlined />} onClick={doc.reload}>
          {t("previewRefresh")}
        </Button>
      </Space>
      <AsyncView state={doc}>
        {(d) => (
          <>
          {d.draft && <Alert type="warning" showIcon title={t("draftMarkNotice", { mark: d.draft })} style={{ marginBottom: 12 }} data-testid="draft-mark" />}
          <Tabs
            size="small"
            items={[
              { key: "tables", label: t("pubTabsTables"), children: <DisclosureTables doc={d} idPrefix="preview-" /> },
              { key: "narrative", label: t("pubTabsNarrative"), children: <Narrative doc={d} /> },
            ]}
          />
          </>
        )}
      </AsyncView>
    </>
  );
}
