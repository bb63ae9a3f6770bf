/**
 * 审核发现 — the findings of the budget being edited, errors first; a click goes to the place. Each
 * warning shows its written explanation, and in a draft the preparer writes or changes it here.
 */
import { Badge, Button, Card, Input, Segmented, Space, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { REASON_KEYS } from "../../core/model.ts";
import type { Finding, Severity } from "../api/types.ts";
import { type MessageKey, useI18n } from "../i18n/index.tsx";

const REASONS = REASON_KEYS;
const FIELD_KEYS = { unit: "colUnit", functional: "colFunctional", economic: "colEconomic", nature: "colNature", project: "colProject", source: "colSource", amount: "colAmount", memo: "colMemo" } as const;

export interface PanelFinding extends Finding {
  locationKey: string;
}

export interface ExplanationInfo {
  text: string;
  author: string | null;
}

const COLORS: Record<Severity, string> = { error: "red", warning: "gold", info: "blue" };

export function placeText(f: Finding, t: ReturnType<typeof useI18n>["t"]): string {
  const l = f.location;
  if (l.kind === "data") {
    const m = /^lineItems\[(\d+)\](?:\.(\w+))?/.exec(l.path);
    if (m) {
      const field = m[2] && (FIELD_KEYS as Record<string, MessageKey>)[m[2]];
      return `${t("tabLines")} · ${t("line", { n: Number(m[1]) + 1 })}${m[2] ? ` · ${field ? t(field) : m[2]}` : ""}`;
    }
    let r: RegExpExecArray | null;
    if ((r = /^reasons\.(\w+)/.exec(l.path))) return `${t("placeReasons")} · ${(REASONS as readonly string[]).includes(r[1]!) ? t(`reason_${r[1] as (typeof REASONS)[number]}`) : r[1]}`;
    if ((r = /^units\[(\d+)\]\.?(.*)/.exec(l.path))) return `${t("tabProfile")} · ${t("placeUnit", { n: Number(r[1]) + 1 })}${r[2] ? ` · ${r[2]}` : ""}`;
    if ((r = /^projects\[(\d+)\]\.?(.*)/.exec(l.path))) return `${t("tabProjects")} · ${t("placeProject", { n: Number(r[1]) + 1 })}${r[2] ? ` · ${r[2]}` : ""}`;
    return l.path;
  }
  const parts: string[] = [];
  if ("file" in l && l.file) parts.push(l.file);
  if (l.page) parts.push(t("page", { n: l.page }));
  if (l.sheet) parts.push(t("sheetCell", { sheet: l.sheet, cell: l.cell ?? "" }));
  if (l.line) parts.push(t("line", { n: l.line }));
  if (l.kind === "table") {
    parts.push(l.row !== undefined ? t("tableRow", { table: l.table, row: l.row + 1 }) : l.table);
    if (l.column) parts.push(t("tableCol", { col: l.column }));
  } else {
    parts.push(l.section);
    if (l.quote) parts.push(`“${l.quote.length > 40 ? `${l.quote.slice(0, 40)}…` : l.quote}”`);
  }
  return parts.join(" · ");
}

function ExplainBox({ f, current, onSave }: { f: PanelFinding; current?: ExplanationInfo; onSave: (text: string) => Promise<void> }) {
  const { t } = useI18n();
  const [text, setText] = useState(current?.text ?? "");
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(!current);
  if (!open) {
    return (
      <div style={{ margin: "0 6px 6px", fontSize: 12 }}>
        <Typography.Text type="secondary">
          {t("explanation")}：{current?.text}
        </Typography.Text>{" "}
        <Button size="small" type="link" onClick={() => setOpen(true)} aria-label={`${t("edit")} ${t("explanation")}：${f.message}`}>
          {t("edit")}
        </Button>
      </div>
    );
  }
  return (
    <div style={{ margin: "0 6px 8px", display: "flex", flexDirection: "column", alignItems: "flex-end", gap: 4 }}>
      <Input.TextArea
        aria-label={`${t("explanation")}：${f.message}`}
        placeholder={t("explainPlaceholder")}
        autoSize={{ minRows: 1, maxRows: 4 }}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <Button
        size="small"
        loading={busy}
        disabled={!text.trim() || text.trim() === current?.text}
        onClick={async () => {
          setBusy(true);
          try {
            await onSave(text.trim());
            setOpen(false);
          } finally {
            setBusy(false);
          }
        }}
      >
        {t("explainSave")}
      </Button>
    </div>
  );
}

export function FindingsPanel({
  findings,
  explanations,
  onGo,
  onExplain,
  title,
  extra,
}: {
  findings: readonly PanelFinding[];
  explanations: ReadonlyMap<string, ExplanationInfo>;
  onGo?: (f: PanelFinding) => void;
  /** set when explanations may be written now */
  onExplain?: (f: PanelFinding, text: string) => Promise<void>;
  title?: string;
  extra?: React.ReactNode;
}) {
  const { t, bilingual } = useI18n();
  const [filter, setFilter] = useState<Severity | "all">("all");
  const counts = useMemo(() => ({ error: findings.filter((f) => f.severity === "error").length, warning: findings.filter((f) => f.severity === "warning").length, info: findings.filter((f) => f.severity === "info").length }), [findings]);
  const shown = filter === "all" ? findings : findings.filter((f) => f.severity === filter);
  return (
    <Card size="small" className="findings-panel" title={title ?? t("findings")} extra={extra} aria-label={title ?? t("findings")}>
      <p className="muted" style={{ marginTop: 0 }}>
        {t("findingsIntro")}
      </p>
      <Segmented<Severity | "all">
        size="small"
        block
        aria-label={t("severityFilter")}
        value={filter}
        onChange={setFilter}
        options={[
          { value: "all", label: `${t("total")} ${findings.length}` },
          { value: "error", label: `${t("severity_error")} ${counts.error}` },
          { value: "warning", label: `${t("severity_warning")} ${counts.warning}` },
          { value: "info", label: `${t("severity_info")} ${counts.info}` },
        ]}
      />
      <div aria-live="polite" role="list" style={{ marginTop: 8 }}>
        {shown.length === 0 && <p className="muted">{t("noFindings")}</p>}
        {shown.map((f, i) => {
          const key = `${f.rule}\u0000${f.locationKey}`;
          const ex = explanations.get(key);
          return (
            <div key={`${key}-${i}`} role="listitem" data-rule={f.rule}>
              <button type="button" className="finding" onClick={() => onGo?.(f)}>
                <Space size={4} wrap>
                  <Tag color={COLORS[f.severity]}>{t(`severity_${f.severity}`)}</Tag>
                  {f.severity === "warning" && <Badge status={ex ? "success" : "warning"} text={<span className="finding-place">{ex ? t("explained") : t("unexplained")}</span>} />}
                </Space>
                <div>{bilingual(f.message)}</div>
                <div className="finding-place">
                  {placeText(f, t)}
                  {f.expected !== undefined && ` · ${t("auditExpected")} ${f.expected}`}
                  {f.actual !== undefined && ` · ${t("auditActual")} ${f.actual}`}
                </div>
              </button>
              {f.severity === "warning" && ex && !onExplain && (
                <Typography.Paragraph type="secondary" style={{ margin: "0 6px 6px", fontSize: 12 }}>
                  {t("explanation")}：{ex.text}
                  {ex.author && ` — ${t("explainedBy", { author: ex.author })}`}
                </Typography.Paragraph>
              )}
              {f.severity === "warning" && onExplain && <ExplainBox f={f} current={ex} onSave={(text) => onExplain(f, text)} />}
            </div>
          );
        })}
      </div>
    </Card>
  );
}
