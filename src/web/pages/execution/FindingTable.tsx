/** 发现列表 — monitoring or import findings, each with its severity, message and place (file, line or cell, field). */
import { Table, Tag } from "antd";
import type { Finding, Severity } from "../../api/types.ts";
import { useI18n } from "../../i18n/index.tsx";
import { findingPlace } from "../../lib/execution.ts";

const COLORS: Record<Severity, string> = { error: "red", warning: "gold", info: "blue" };

export function FindingTable({ findings, label, pageSize = 10 }: { findings: readonly Finding[]; label: string; pageSize?: number }) {
  const { t, bilingual, lang } = useI18n();
  return (
    <Table<Finding & { key: number }>
      aria-label={label}
      size="small"
      dataSource={findings.map((f, key) => ({ ...f, key }))}
      pagination={findings.length > pageSize ? { pageSize, showSizeChanger: false } : false}
      locale={{ emptyText: t("noFindings") }}
      columns={[
        { title: t("exSeverity"), key: "s", width: 80, render: (_, f) => <Tag color={COLORS[f.severity]}>{t(`severity_${f.severity}`)}</Tag> },
        { title: t("exMessage"), key: "m", render: (_, f) => bilingual(f.message) },
        { title: t("exPlace"), key: "p", width: 260, render: (_, f) => <span className="finding-place">{findingPlace(f, lang)}</span> },
      ]}
    />
  );
}
