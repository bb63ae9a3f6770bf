/** 项目与绩效目标 — each project with its class, unit, goal and indicators (一级/二级/三级, 指标值). */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Empty, Form, Input, Row as AntRow, Select, Space, Table, Typography } from "antd";
import { PROJECT_CLASSES } from "../../../core/model.ts";
import { PROJECT_LEVEL1 } from "../../../core/targets.ts";
import { useI18n } from "../../i18n/index.tsx";
import { formatAmount } from "../../lib/format.ts";
import { type ContentExempt, ExemptField, withExempt } from "./ExemptField.tsx";

export interface ContentIndicator {
  level1: string;
  level2?: string;
  level3: string;
  target?: string;
  explanation?: string;
  method?: string;
}

export interface ContentProject {
  code: string;
  name: string;
  unit: string;
  class: string;
  functional?: string;
  specialTransfer?: boolean;
  goal?: string;
  indicators: ContentIndicator[];
  /** 不予公开 */
  exempt?: ContentExempt;
}

export function ProjectsTab({
  projects,
  onChange,
  units,
  amounts,
  readOnly,
}: {
  projects: ContentProject[];
  onChange: (p: ContentProject[]) => void;
  units: { code: string; name: string }[];
  /** 分 by project code, from the line items */
  amounts: ReadonlyMap<string, number>;
  readOnly: boolean;
}) {
  const { t, projectClassName } = useI18n();
  const update = (i: number, patch: Partial<ContentProject>) => onChange(projects.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const updateIndicator = (i: number, k: number, patch: Partial<ContentIndicator>) => update(i, { indicators: projects[i]!.indicators.map((x, j) => (j === k ? { ...x, ...patch } : x)) });
  const nextCode = () => {
    let n = projects.length + 1;
    const codes = new Set(projects.map((p) => String(p.code)));
    while (codes.has(`P${String(n).padStart(3, "0")}`)) n++;
    return `P${String(n).padStart(3, "0")}`;
  };
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Button icon={<PlusOutlined />} disabled={readOnly} onClick={() => onChange([...projects, { code: nextCode(), name: "", unit: units[0]?.code ?? "", class: "general", goal: "", indicators: [] }])}>
        {t("addProject")}
      </Button>
      {projects.length === 0 && <Empty description={t("noProjects")} />}
      {projects.map((p, i) => (
        <Card
          key={i}
          id={`project-${i}`}
          size="small"
          title={
            <span>
              {p.code} {p.name} <span className="muted">· {formatAmount(amounts.get(String(p.code)) ?? 0, "wan")} {t("unitWan")}</span>
            </span>
          }
          extra={
            <Button danger size="small" icon={<DeleteOutlined />} disabled={readOnly} onClick={() => onChange(projects.filter((_, j) => j !== i))} aria-label={`${t("deleteProject")} ${p.code}`}>
              {t("delete")}
            </Button>
          }
        >
          <Form layout="vertical" disabled={readOnly} component="div">
            <AntRow gutter={12}>
              <Col xs={24} md={4}>
                <Form.Item label={t("projectCode")} htmlFor={`p${i}-code`}>
                  <Input id={`p${i}-code`} value={p.code} onChange={(e) => update(i, { code: e.target.value })} />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item label={t("projectName")} htmlFor={`p${i}-name`}>
                  <Input id={`p${i}-name`} value={p.name} onChange={(e) => update(i, { name: e.target.value })} />
                </Form.Item>
              </Col>
              <Col xs={12} md={5}>
                <Form.Item label={t("projectClass")} htmlFor={`p${i}-class`}>
                  <Select id={`p${i}-class`} value={p.class} onChange={(v) => update(i, { class: v })} options={PROJECT_CLASSES.map((c) => ({ value: c, label: projectClassName(c) }))} />
                </Form.Item>
              </Col>
              <Col xs={12} md={5}>
                <Form.Item label={t("projectUnit")} htmlFor={`p${i}-unit`}>
                  <Select id={`p${i}-unit`} value={String(p.unit)} onChange={(v) => update(i, { unit: v })} options={units.map((u) => ({ value: String(u.code), label: `${u.code} ${u.name}` }))} />
                </Form.Item>
              </Col>
            </AntRow>
            <Form.Item label={t("projectGoal")} htmlFor={`p${i}-goal`}>
              <Input.TextArea id={`p${i}-goal`} autoSize={{ minRows: 1, maxRows: 4 }} value={p.goal ?? ""} onChange={(e) => update(i, { goal: e.target.value })} />
            </Form.Item>
            <ExemptField id={`p${i}`} value={p.exempt} onChange={(exempt) => onChange(projects.map((x, j) => (j === i ? withExempt(x, exempt) : x)))} />
          </Form>
          <Typography.Text strong>{t("indicators")}</Typography.Text>
          <Table<ContentIndicator & { key: number }>
            size="small"
            pagination={false}
            dataSource={p.indicators.map((x, k) => ({ ...x, key: k }))}
            locale={{ emptyText: "—" }}
            columns={[
              {
                title: t("level1"),
                width: 140,
                render: (_, x, k) => (
                  <Select
                    aria-label={`${t("level1")} ${k + 1}`}
                    disabled={readOnly}
                    value={x.level1}
                    style={{ width: "100%" }}
                    onChange={(v) => updateIndicator(i, k, { level1: v })}
                    options={PROJECT_LEVEL1.map((l) => ({ value: l, label: l }))}
                  />
                ),
              },
              { title: t("level2"), width: 160, render: (_, x, k) => <Input aria-label={`${t("level2")} ${k + 1}`} disabled={readOnly} value={x.level2 ?? ""} onChange={(e) => updateIndicator(i, k, { level2: e.target.value })} /> },
              { title: t("level3"), render: (_, x, k) => <Input aria-label={`${t("level3")} ${k + 1}`} disabled={readOnly} value={x.level3} onChange={(e) => updateIndicator(i, k, { level3: e.target.value })} /> },
              {
                title: t("target"),
                width: 160,
                render: (_, x, k) => (
                  <Input aria-label={`${t("target")} ${k + 1}`} disabled={readOnly} placeholder="≥95%" value={x.target ?? ""} onChange={(e) => updateIndicator(i, k, { target: e.target.value || undefined })} />
                ),
              },
              {
                title: "",
                width: 48,
                render: (_, _x, k) => (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    disabled={readOnly}
                    aria-label={`${t("delete")} ${t("indicators")} ${k + 1}`}
                    onClick={() => update(i, { indicators: p.indicators.filter((_y, j) => j !== k) })}
                  />
                ),
              },
            ]}
          />
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            disabled={readOnly}
            style={{ marginTop: 8 }}
            onClick={() => update(i, { indicators: [...p.indicators, { level1: "产出指标", level2: "数量指标", level3: "", target: undefined }] })}
          >
            {t("addIndicator")}
          </Button>
        </Card>
      ))}
    </Space>
  );
}
