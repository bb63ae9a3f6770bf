/**
 * 政府采购 — the budget's procurement rows: unit, 采购类别 (货物/工程/服务), amount in 元, project, 采购品目,
 * 经济科目 (a code of the year's department economic catalog, found by code, name or pinyin initials like the
 * grid's code cells) and 采购组织形式 (政府集中采购 / 部门集中采购 / 分散自行组织). The rows keep the budget
 * file's form (ids, 元 text); the server reads them with the same schema as a YAML file.
 */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { AutoComplete, Button, Empty, Input, Select, Space, Table, Typography } from "antd";
import { useMemo } from "react";
import { PROCUREMENT_KINDS, PROCUREMENT_ORGANISATIONS } from "../../../core/model.ts";
import type { CatalogAnswer } from "../../api/types.ts";
import { useI18n } from "../../i18n/index.tsx";
import { indexCodes, searchCodes } from "../../lib/code-search.ts";

/** 政府采购预算 as the budget file writes it. */
export interface ContentProcurement {
  unit: string;
  kind: string;
  /** 元, as text */
  amount: string;
  project?: string;
  item?: string;
  /** 经济科目 */
  economic?: string;
  /** 采购组织形式 */
  organisation?: string;
}

/** A row with `key` set to `value`, or without the key when the value is empty (the file leaves it out). */
function withField<T extends ContentProcurement>(row: T, key: "project" | "item" | "economic" | "organisation", value: string | undefined): T {
  const { [key]: _old, ...rest } = row;
  return (value ? { ...rest, [key]: value } : rest) as T;
}

/** 经济科目: a code field over the catalog's department economic codes (款 and below), its name beside. */
function EconomicField({ id, value, onChange, catalog, disabled }: { id: string; value: string; onChange: (v: string) => void; catalog: CatalogAnswer; disabled: boolean }) {
  const { t } = useI18n();
  const codes = useMemo(() => indexCodes(catalog.departmentEconomic.entries), [catalog]);
  const name = useMemo(() => new Map(codes.map((e) => [e.code, e.name])), [codes]);
  const options = useMemo(() => searchCodes(codes, value, 40, (e) => e.code.length >= 5).map((e) => ({ value: e.code, label: `${e.code} ${e.name}` })), [codes, value]);
  const known = name.get(value) ?? name.get(value.slice(0, 5));
  return (
    <div>
      <AutoComplete
        id={id}
        aria-label={t("colEconomic")}
        disabled={disabled}
        value={value}
        options={options}
        style={{ width: "100%" }}
        onChange={(v: string) => onChange(v.trim().split(/\s/)[0] ?? "")}
        placeholder="30201"
        popupMatchSelectWidth={320}
      />
      <Typography.Text type={value && !known ? "danger" : "secondary"} style={{ fontSize: 12 }}>
        {value ? (known ?? t("procEconomicUnknown")) : ""}
      </Typography.Text>
    </div>
  );
}

export function ProcurementTab({
  rows,
  onChange,
  units,
  projects,
  catalog,
  readOnly,
}: {
  rows: ContentProcurement[];
  onChange: (rows: ContentProcurement[]) => void;
  units: { code: string; name: string }[];
  projects: { code: string; name: string }[];
  catalog: CatalogAnswer;
  readOnly: boolean;
}) {
  const { t, procurementKindName, organisationName } = useI18n();
  // the table's records carry its `key`: the row saved is the budget file's, without it
  const update = (i: number, { key: _key, ...row }: ContentProcurement & { key?: number }) => onChange(rows.map((r, j) => (j === i ? row : r)));
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Typography.Text type="secondary">{t("procIntro")}</Typography.Text>
      <Button icon={<PlusOutlined />} disabled={readOnly} onClick={() => onChange([...rows, { unit: String(units[0]?.code ?? ""), kind: "goods", amount: "" }])}>
        {t("addProcurement")}
      </Button>
      {rows.length === 0 ? (
        <Empty description={t("noProcurement")} />
      ) : (
        <Table<ContentProcurement & { key: number }>
          size="small"
          pagination={false}
          dataSource={rows.map((r, k) => ({ ...r, key: k }))}
          scroll={{ x: 1040 }}
          onRow={(_, k) => ({ id: `procurement-${k}` })}
          columns={[
            {
              title: t("colUnit"),
              width: 160,
              render: (_, r, k) => (
                <Select
                  aria-label={`${t("colUnit")} ${k + 1}`}
                  disabled={readOnly}
                  value={String(r.unit)}
                  style={{ width: "100%" }}
                  onChange={(v) => update(k, { ...r, unit: v })}
                  options={units.map((u) => ({ value: String(u.code), label: `${u.code} ${u.name}` }))}
                />
              ),
            },
            {
              title: t("procKind"),
              width: 100,
              render: (_, r, k) => (
                <Select
                  aria-label={`${t("procKind")} ${k + 1}`}
                  disabled={readOnly}
                  value={r.kind}
                  style={{ width: "100%" }}
                  onChange={(v) => update(k, { ...r, kind: v })}
                  options={PROCUREMENT_KINDS.map((x) => ({ value: x, label: procurementKindName(x) }))}
                />
              ),
            },
            {
              title: `${t("colAmount")}（${t("unitYuan")}）`,
              width: 120,
              render: (_, r, k) => <Input aria-label={`${t("colAmount")} ${k + 1}`} disabled={readOnly} value={String(r.amount ?? "")} style={{ textAlign: "right" }} onChange={(e) => update(k, { ...r, amount: e.target.value.trim() })} />,
            },
            {
              title: t("colEconomic"),
              width: 170,
              render: (_, r, k) => <EconomicField id={`procurement-${k}-economic`} value={r.economic ?? ""} onChange={(v) => update(k, withField(r, "economic", v))} catalog={catalog} disabled={readOnly} />,
            },
            {
              title: t("procOrganisation"),
              width: 150,
              render: (_, r, k) => (
                <Select
                  aria-label={`${t("procOrganisation")} ${k + 1}`}
                  disabled={readOnly}
                  allowClear
                  placeholder="—"
                  value={r.organisation}
                  style={{ width: "100%" }}
                  onChange={(v: string | undefined) => update(k, withField(r, "organisation", v))}
                  options={PROCUREMENT_ORGANISATIONS.map((o) => ({ value: o, label: organisationName(o) }))}
                />
              ),
            },
            {
              title: t("colProject"),
              width: 130,
              render: (_, r, k) => (
                <Select
                  aria-label={`${t("colProject")} ${k + 1}`}
                  disabled={readOnly}
                  allowClear
                  placeholder="—"
                  value={r.project}
                  style={{ width: "100%" }}
                  onChange={(v: string | undefined) => update(k, withField(r, "project", v))}
                  options={projects.map((p) => ({ value: String(p.code), label: `${p.code} ${p.name}` }))}
                />
              ),
            },
            {
              title: t("procItem"),
              width: 160,
              render: (_, r, k) => <Input aria-label={`${t("procItem")} ${k + 1}`} disabled={readOnly} value={r.item ?? ""} onChange={(e) => update(k, withField(r, "item", e.target.value))} />,
            },
            {
              title: "",
              width: 48,
              render: (_, _r, k) => <Button type="text" danger icon={<DeleteOutlined />} disabled={readOnly} aria-label={`${t("delete")} ${t("tabProcurement")} ${k + 1}`} onClick={() => onChange(rows.filter((_x, j) => j !== k))} />,
            },
          ]}
        />
      )}
    </Space>
  );
}
