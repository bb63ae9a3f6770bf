/** 支出明细 — the line-item grid with its toolbar: add and delete rows, undo, redo, 元 or 万元. */
import { DeleteOutlined, PlusOutlined, RedoOutlined, UndoOutlined } from "@ant-design/icons";
import { Button, Segmented, Space, Tooltip } from "antd";
import { type ReactNode, type Ref, useMemo } from "react";
import type { CatalogAnswer, Content } from "../../api/types.ts";
import { type GridColumnDef, type GridHandle, LineItemGrid } from "../../components/LineItemGrid.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { type AmountUnit, fenOfYuanText } from "../../lib/amount.ts";
import { formatAmount } from "../../lib/format.ts";
import { type IndexedCode, indexCodes } from "../../lib/code-search.ts";
import { type GridState, type Row, deleteRows, insertRow, redo, undo } from "../../lib/grid-model.ts";
import { FUNDING_SOURCES, NATURES } from "../../../core/model.ts";
import { normaliseAmount, normaliseCode, normaliseNature, normaliseSource } from "./line-rows.ts";

function namesToCodes(list: readonly IndexedCode[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of list) for (const n of e.names) if (!m.has(n)) m.set(n, e.code);
  return m;
}

export function useLineColumns(catalog: CatalogAnswer, content: Content, unit: AmountUnit): GridColumnDef[] {
  const { t, natureName, sourceName } = useI18n();
  const functional = useMemo(() => indexCodes(catalog.functional.entries), [catalog]);
  const economic = useMemo(() => indexCodes(catalog.departmentEconomic.entries), [catalog]);
  const fByName = useMemo(() => namesToCodes(functional), [functional]);
  const eByName = useMemo(() => namesToCodes(economic), [economic]);
  const fName = useMemo(() => new Map(functional.map((e) => [e.code, e.label ?? e.name])), [functional]);
  const eName = useMemo(() => new Map(economic.map((e) => [e.code, e.name])), [economic]);
  const units = (content.units as { code: string; name: string }[] | undefined) ?? [];
  const projects = (content.projects as { code: string; name: string }[] | undefined) ?? [];
  return useMemo<GridColumnDef[]>(
    () => [
      { key: "unit", title: t("colUnit"), width: 96, choices: units.map((u) => ({ value: String(u.code), label: `${u.code} ${u.name}` })), hint: (v) => units.find((u) => String(u.code) === v)?.name, normalise: (s) => s.trim().split(/\s/)[0] ?? "" },
      {
        key: "functional",
        title: t("colFunctional"),
        width: 190,
        codes: functional,
        acceptCode: (e) => e.code.length === 7,
        hint: (v) => fName.get(v),
        normalise: (s) => normaliseCode(s, fByName),
      },
      {
        key: "economic",
        title: t("colEconomic"),
        width: 160,
        codes: economic,
        acceptCode: (e) => e.code.length >= 5,
        hint: (v) => eName.get(v) ?? eName.get(v.slice(0, 5)),
        normalise: (s) => normaliseCode(s, eByName),
      },
      {
        key: "nature",
        title: t("colNature"),
        width: 120,
        choices: NATURES.map((n) => ({ value: n, label: natureName(n) })),
        display: natureName,
        editText: natureName,
        normalise: normaliseNature,
      },
      {
        key: "project",
        title: t("colProject"),
        width: 96,
        choices: [{ value: "", label: "—" }, ...projects.map((p) => ({ value: String(p.code), label: `${p.code} ${p.name}` }))],
        hint: (v) => projects.find((p) => String(p.code) === v)?.name,
        normalise: (s) => s.trim().split(/\s/)[0] ?? "",
      },
      {
        key: "source",
        title: t("colSource"),
        width: 96,
        choices: FUNDING_SOURCES.map((s) => ({ value: s, label: sourceName(s) })),
        display: sourceName,
        editText: sourceName,
        normalise: normaliseSource,
      },
      {
        key: "amount",
        title: `${t("colAmount")}（${unit === "wan" ? t("unitWan") : t("unitYuan")}）`,
        width: 120,
        align: "right",
        display: (v) => (v && Number.isFinite(fenOfYuanText(v)) ? formatAmount(fenOfYuanText(v), unit) : v),
        editText: (v) => (v && Number.isFinite(fenOfYuanText(v)) ? formatAmount(fenOfYuanText(v), unit, true) : v),
        normalise: (s) => normaliseAmount(s, unit),
      },
      { key: "memo", title: t("colMemo"), width: 140, normalise: (s) => s.trim() },
    ],
    // units and projects are read by value from the content
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, natureName, sourceName, functional, economic, fByName, eByName, fName, eName, unit, JSON.stringify(units), JSON.stringify(projects)],
  );
}

export interface LinesTabProps {
  columns: GridColumnDef[];
  grid: GridState;
  setGrid: (g: GridState) => void;
  newRow: () => Row;
  unit: AmountUnit;
  setUnit: (u: AmountUnit) => void;
  readOnly: boolean;
  marks: ReadonlyMap<string, "error" | "warning" | "info">;
  gridRef: Ref<GridHandle>;
  total: number;
  count: number;
  /** shown under the toolbar: the control figures beside the totals (ControlFigures) */
  controls?: ReactNode;
}

export function LinesTab({ columns, grid, setGrid, newRow, unit, setUnit, readOnly, marks, gridRef, total, count, controls }: LinesTabProps) {
  const { t } = useI18n();
  const n = columns.length;
  return (
    <>
      <div className="grid-toolbar">
        <Space wrap>
          <Button icon={<PlusOutlined />} disabled={readOnly} onClick={() => setGrid(insertRow(grid, newRow()))}>
            {t("addRow")}
          </Button>
          <Button icon={<DeleteOutlined />} disabled={readOnly || grid.rows.length === 0} onClick={() => setGrid(deleteRows(grid, n))}>
            {t("deleteRows")}
          </Button>
          <Tooltip title="Ctrl+Z">
            <Button icon={<UndoOutlined />} aria-label={t("undo")} disabled={readOnly || grid.past.length === 0} onClick={() => setGrid(undo(grid, n))}>
              {t("undo")}
            </Button>
          </Tooltip>
          <Tooltip title="Ctrl+Y">
            <Button icon={<RedoOutlined />} aria-label={t("redo")} disabled={readOnly || grid.future.length === 0} onClick={() => setGrid(redo(grid, n))}>
              {t("redo")}
            </Button>
          </Tooltip>
        </Space>
        <Space style={{ marginLeft: "auto" }}>
          <span className="muted">{t("lineCount", { n: count, total: `${formatAmount(total, unit)} ${unit === "wan" ? t("unitWan") : t("unitYuan")}` })}</span>
          <Segmented<AmountUnit>
            aria-label={t("amountUnit")}
            value={unit}
            onChange={setUnit}
            options={[
              { value: "yuan", label: t("unitYuan") },
              { value: "wan", label: t("unitWan") },
            ]}
          />
        </Space>
      </div>
      {controls}
      <LineItemGrid
        ref={gridRef}
        label={t("tabLines")}
        columns={columns}
        state={grid}
        onChange={setGrid}
        newRow={newRow}
        readOnly={readOnly}
        marks={marks}
        noMatch={t("pickerNoMatch")}
        placeholder={t("pickerPlaceholder")}
        rowLabel={t("rowNumber")}
      />
      <p className="muted" style={{ fontSize: 12, marginTop: 6 }}>
        {t("gridHelp")}
      </p>
    </>
  );
}
