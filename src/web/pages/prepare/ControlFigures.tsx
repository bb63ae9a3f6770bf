/**
 * 控制数 — the finance bureau's control figures beside the budget's totals of the same nature and source, as
 * the preparer types: what each total may reach, what it is, and what is above it (the submission gate
 * refuses any excess). Nothing is shown before control figures are set.
 */
import { Tag, Tooltip } from "antd";
import { type ControlFigure, compareWithControlFigures } from "../../../core/workflow.ts";
import type { ContentLineItem } from "../../api/types.ts";
import { useI18n } from "../../i18n/index.tsx";
import { type AmountUnit, fenOfYuanText } from "../../lib/amount.ts";
import { formatAmount } from "../../lib/format.ts";
import { normaliseNature, normaliseSource } from "./line-rows.ts";

export type ControlFigureInput = ControlFigure;

/** Totals of the edited line items by nature and source (in 分), read as the server will read them. */
export function totalsOfItems(items: readonly ContentLineItem[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of items) {
    const amount = fenOfYuanText(String(i.amount ?? ""));
    if (!Number.isFinite(amount)) continue;
    const k = `${normaliseNature(String(i.nature ?? ""))}|${normaliseSource(String(i.source ?? ""))}`;
    out.set(k, (out.get(k) ?? 0) + amount);
  }
  return out;
}

export function ControlFigures({ figures, items, unit }: { figures: readonly ControlFigureInput[]; items: readonly ContentLineItem[]; unit: AmountUnit }) {
  const { t } = useI18n();
  if (figures.length === 0) return null;
  const checks = compareWithControlFigures(totalsOfItems(items), figures);
  const money = (fen: number) => `${formatAmount(fen, unit)} ${unit === "wan" ? t("unitWan") : t("unitYuan")}`;
  return (
    <div className="control-figures" data-testid="control-figures" style={{ display: "flex", flexWrap: "wrap", gap: 6, alignItems: "center", margin: "6px 0" }}>
      <span className="muted">{t("controlFigures")}</span>
      {checks.map((c) => (
        <Tooltip key={`${c.nature}|${c.source}`} title={c.excess > 0 ? t("controlExcess", { amount: money(c.excess) }) : undefined}>
          <Tag color={c.excess > 0 ? "error" : "default"}>
            {c.name}：{money(c.actual)} / {c.limit === undefined ? t("controlNone") : money(c.limit)}
          </Tag>
        </Tooltip>
      ))}
    </div>
  );
}
