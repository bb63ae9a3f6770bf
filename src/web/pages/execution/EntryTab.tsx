/**
 * 执行录入 — the execution record of the year: the date the data run to, in-year adjustments (追加/追减/调剂)
 * with their approval, the indicators' actual values with evidence and deviation reasons, and the month
 * by month spending the imported payments add up to. Saved whole (PUT …/execution).
 */
import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag } from "antd";
import { useMemo, useState } from "react";
import type { Achievement, ActualValue, Adjustment, AdjustmentKind, IndicatorActual } from "../../../core/execution/model.ts";
import { isEffective } from "../../../core/execution/side-by-side.ts";
import { parseDecimal } from "../../../core/money.ts";
import { ApiError } from "../../api/client.ts";
import { type ExecutionAnswer, type ExecutionRecord, executionApi } from "../../api/execution.ts";
import type { Content } from "../../api/types.ts";
import { useI18n } from "../../i18n/index.tsx";
import { formatWan } from "../../lib/format.ts";
import { type IndicatorRow, actualFor, actualValueText, indicatorRows, lineText, parseLine, recordBody, upsertActual, yuanText } from "../../lib/execution.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KINDS: AdjustmentKind[] = ["追加", "追减", "调剂"];
const ACHIEVEMENTS: Achievement[] = ["达成", "基本达成", "未达成"];

interface AdjustmentForm {
  id: string;
  kind: AdjustmentKind;
  date: string;
  amount: string;
  from?: string;
  to?: string;
  reason: string;
  document?: string;
  approvalDate?: string;
  by?: string;
}

function toAdjustment(v: AdjustmentForm): Adjustment {
  const a: Adjustment = { id: v.id.trim(), kind: v.kind, date: v.date, amount: parseDecimal(v.amount, "元"), reason: v.reason.trim() };
  const from = v.kind !== "追加" && v.from ? parseLine(v.from) : undefined;
  const to = v.kind !== "追减" && v.to ? parseLine(v.to) : undefined;
  if (from) a.from = from;
  if (to) a.to = to;
  if (v.document?.trim() && v.approvalDate) a.approval = { document: v.document.trim(), date: v.approvalDate, ...(v.by?.trim() ? { by: v.by.trim() } : {}) };
  return a;
}

function AdjustmentModal({ initial, onOk, onCancel, nextId }: { initial?: Adjustment; onOk: (a: Adjustment) => void; onCancel: () => void; nextId: string }) {
  const { t } = useI18n();
  const [form] = Form.useForm<AdjustmentForm>();
  const kind = Form.useWatch("kind", form);
  const lineRule = { validator: (_: unknown, v?: string) => (!v || parseLine(v) ? Promise.resolve() : Promise.reject(new Error(t("exLineHint")))) };
  const dateRule = { pattern: DATE, message: "yyyy-mm-dd" };
  return (
    <Modal
      open
      title={initial ? `${t("edit")} ${initial.id}` : t("exAddAdjustment")}
      okText={t("confirm")}
      cancelText={t("cancel")}
      onCancel={onCancel}
      onOk={async () => onOk(toAdjustment(await form.validateFields()))}
      width={640}
    >
      <Form<AdjustmentForm>
        form={form}
        layout="vertical"
        initialValues={
          initial
            ? { ...initial, amount: yuanText(initial.amount), from: lineText(initial.from), to: lineText(initial.to), document: initial.approval?.document, approvalDate: initial.approval?.date, by: initial.approval?.by }
            : { id: nextId, kind: "追加" }
        }
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="id" label={t("exAdjustmentId")} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="kind" label={t("exKind")} rules={[{ required: true }]}>
              <Select options={KINDS.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="date" label={t("exDate")} rules={[{ required: true }, dateRule]}>
              <Input placeholder="2021-07-12" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="amount"
          label={t("exAmountYuan")}
          rules={[{ required: true }, { validator: (_, v?: string) => { try { if (v) parseDecimal(v, "元"); return Promise.resolve(); } catch { return Promise.reject(new Error(t("exAmountHint"))); } } }]}
        >
          <Input inputMode="decimal" placeholder="200000.00" />
        </Form.Item>
        {kind !== "追加" && (
          <Form.Item name="from" label={t("exFrom")} rules={[{ required: true }, lineRule]}>
            <Input placeholder="313001 2080208 30299 313001-2" />
          </Form.Item>
        )}
        {kind !== "追减" && (
          <Form.Item name="to" label={t("exTo")} rules={[{ required: true }, lineRule]}>
            <Input placeholder="313001 2080208 30299 313001-2" />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t("exReason")} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="document" label={t("exApproval")}>
              <Input placeholder="洛龙财预〔2021〕58号" />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="approvalDate" label={t("exApprovalDate")} rules={[dateRule]}>
              <Input placeholder="2021-07-20" />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="by" label={t("exApprovedBy")}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

interface ActualForm {
  kind: ActualValue["kind"];
  value?: string;
  date?: string;
  text?: string;
  achieved?: Achievement;
  reason?: string;
  evidence?: string;
  deviation?: string;
}

function toValue(v: ActualForm): ActualValue {
  switch (v.kind) {
    case "numeric":
      return { kind: "numeric", value: (v.value ?? "").trim() };
    case "date":
      return v.date ? { kind: "date", date: v.date } : { kind: "date" };
    case "qualitative":
      return { kind: "qualitative", text: (v.text ?? "").trim(), achieved: v.achieved ?? "达成" };
    case "not-applicable":
      return { kind: "not-applicable", reason: (v.reason ?? "").trim() };
  }
}

function ActualModal({ row, current, withLevel2, onOk, onCancel }: { row: IndicatorRow; current?: IndicatorActual; withLevel2: boolean; onOk: (a: IndicatorActual) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ActualForm>();
  const kind = Form.useWatch("kind", form);
  const v = current?.value;
  const initial: ActualForm = {
    kind: v?.kind ?? "numeric",
    value: v?.kind === "numeric" ? v.value : undefined,
    date: v?.kind === "date" ? v.date : undefined,
    text: v?.kind === "qualitative" ? v.text : undefined,
    achieved: v?.kind === "qualitative" ? v.achieved : "达成",
    reason: v?.kind === "not-applicable" ? v.reason : undefined,
    evidence: current?.evidence,
    deviation: current?.reason,
  };
  return (
    <Modal
      open
      title={`${row.projectName} · ${row.level3}`}
      okText={t("confirm")}
      cancelText={t("cancel")}
      onCancel={onCancel}
      onOk={async () => {
        const f = await form.validateFields();
        const a: IndicatorActual = { level3: row.level3, value: toValue(f) };
        if (row.project !== undefined) a.project = row.project;
        if (withLevel2 && row.level2) a.level2 = row.level2;
        if (f.evidence?.trim()) a.evidence = f.evidence.trim();
        if (f.deviation?.trim()) a.reason = f.deviation.trim();
        if (current?.attachments) a.attachments = current.attachments;
        onOk(a);
      }}
    >
      <p className="muted">
        {t("exTarget")}：{row.target || "—"}
      </p>
      <Form<ActualForm> form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="kind" label={t("exValueKind")}>
          <Select
            options={(["numeric", "date", "qualitative", "not-applicable"] as const).map((k) => ({ value: k, label: t(`exValueKind_${k === "not-applicable" ? "na" : k}`) }))}
          />
        </Form.Item>
        {kind === "numeric" && (
          <Form.Item name="value" label={t("exActual")} rules={[{ required: true }, { pattern: /^-?\d+(\.\d+)?$/, message: t("exNumberHint") }]}>
            <Input inputMode="decimal" />
          </Form.Item>
        )}
        {kind === "date" && (
          <Form.Item name="date" label={t("exDoneOn")} rules={[{ pattern: DATE, message: "yyyy-mm-dd" }]}>
            <Input placeholder="2021-11-30" />
          </Form.Item>
        )}
        {kind === "qualitative" && (
          <>
            <Form.Item name="text" label={t("exActual")} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="achieved" label={t("exAchieved")}>
              <Select options={ACHIEVEMENTS.map((a) => ({ value: a, label: a }))} />
            </Form.Item>
          </>
        )}
        {kind === "not-applicable" && (
          <Form.Item name="reason" label={t("exNaReason")} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="evidence" label={t("exEvidence")}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="deviation" label={t("exDeviationReason")}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function EntryTab({ budgetId, year, content, exec, canEdit, onSaved }: { budgetId: number; year: number; content: Content; exec: ExecutionAnswer; canEdit: boolean; onSaved: (r: ExecutionRecord) => void }) {
  const { t, bilingual } = useI18n();
  const { message } = App.useApp();
  const [record, setRecord] = useState<ExecutionRecord>(() => exec.record ?? { year, asOf: `${year}-12-31`, adjustments: [], actuals: [] });
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<{ index: number } | null>(null);
  const [actualRow, setActualRow] = useState<IndicatorRow | null>(null);
  const rows = useMemo(() => indicatorRows(content, t("exDepartmentWide")), [content, t]);
  const [only, setOnly] = useState<string>("all");
  const groups = useMemo(() => [...new Map(rows.map((r) => [r.project ?? "", r.projectName])).entries()], [rows]);
  const shown = only === "all" ? rows : rows.filter((r) => (r.project ?? "") === only);
  const change = (r: ExecutionRecord) => {
    setRecord(r);
    setDirty(true);
  };
  const save = async () => {
    setBusy(true);
    try {
      const r = await executionApi.save(budgetId, recordBody(record));
      setRecord(r.record);
      setDirty(false);
      onSaved(r.record);
      message.success(t("exSaved"));
    } catch (e) {
      const details = e instanceof ApiError && Array.isArray(e.details) ? (e.details as { path: string; message: string }[]).map((d) => `${d.path}: ${d.message}`).join("；") : "";
      message.error(`${e instanceof ApiError ? bilingual(e.message) : String(e)}${details ? `：${details}` : ""}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card size="small">
        <Space wrap align="center" style={{ width: "100%", justifyContent: "space-between" }}>
          <Space wrap>
            <label htmlFor="ex-asof">{t("exAsOf")}</label>
            <Input id="ex-asof" style={{ width: 140 }} value={record.asOf} disabled={!canEdit} onChange={(e) => change({ ...record, asOf: e.target.value })} status={DATE.test(record.asOf) ? undefined : "error"} />
            <label htmlFor="ex-staff">{t("exStaff")}</label>
            <InputNumber<number>
              id="ex-staff"
              min={0}
              precision={0}
              value={record.staff ?? null}
              disabled={!canEdit}
              onChange={(v) => {
                const { staff: _s, ...rest } = record;
                change(v === null ? rest : { ...rest, staff: v });
              }}
            />
            <label htmlFor="ex-procurement">{t("exProcurement")}</label>
            <Input
              id="ex-procurement"
              style={{ width: 160 }}
              inputMode="decimal"
              disabled={!canEdit}
              defaultValue={record.procurementExecuted === undefined ? "" : yuanText(record.procurementExecuted)}
              onBlur={(e) => {
                const { procurementExecuted: _p, ...rest } = record;
                try {
                  change(e.target.value.trim() ? { ...rest, procurementExecuted: parseDecimal(e.target.value, "元") } : rest);
                } catch {
                  message.error(t("exAmountHint"));
                }
              }}
            />
          </Space>
          {canEdit ? (
            <Button type="primary" onClick={() => void save()} loading={busy} disabled={!dirty || !DATE.test(record.asOf)}>
              {dirty ? t("exSave") : t("exSaved")}
            </Button>
          ) : (
            <Tag>{t("exReadOnly")}</Tag>
          )}
        </Space>
      </Card>

      <Card
        size="small"
        title={t("exAdjustments")}
        extra={
          canEdit && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ index: -1 })}>
              {t("exAddAdjustment")}
            </Button>
          )
        }
      >
        <Table<Adjustment>
          size="small"
          rowKey="id"
          dataSource={record.adjustments}
          pagination={false}
          locale={{ emptyText: t("exNoAdjustments") }}
          scroll={{ x: 900 }}
          columns={[
            { title: t("exAdjustmentId"), dataIndex: "id", width: 80 },
            { title: t("exKind"), dataIndex: "kind", width: 60 },
            { title: t("exDate"), dataIndex: "date", width: 100 },
            { title: t("exAmountYuan"), key: "a", align: "right", width: 120, render: (_, a) => yuanText(a.amount) },
            { title: t("exFrom"), key: "f", render: (_, a) => lineText(a.from) },
            { title: t("exTo"), key: "to", render: (_, a) => lineText(a.to) },
            { title: t("exReason"), dataIndex: "reason" },
            {
              title: t("exApproval"),
              key: "ap",
              render: (_, a) => (isEffective(a, record.asOf) ? <Tag color="green">{`${a.approval!.document}（${a.approval!.date}）`}</Tag> : <Tag color="gold">{t("exNotCounted")}</Tag>),
            },
            ...(canEdit
              ? [
                  {
                    title: t("actions"),
                    key: "x",
                    width: 90,
                    render: (_: unknown, a: Adjustment, i: number) => (
                      <Space size={0}>
                        <Button type="text" size="small" icon={<EditOutlined />} aria-label={`${t("edit")} ${a.id}`} onClick={() => setEditing({ index: i })} />
                        <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`${t("exDelete")} ${a.id}`} onClick={() => change({ ...record, adjustments: record.adjustments.filter((_, j) => j !== i) })} />
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Card
        size="small"
        title={t("exActuals")}
        extra={
          <Select<string>
            size="small"
            aria-label={t("exFilterProject")}
            style={{ width: 240 }}
            value={only}
            onChange={setOnly}
            options={[{ value: "all", label: t("exAllProjects") }, ...groups.map(([value, label]) => ({ value, label }))]}
          />
        }
      >
        <Table<IndicatorRow>
          size="small"
          rowKey="key"
          dataSource={shown}
          pagination={{ pageSize: 12, showSizeChanger: false }}
          columns={[
            { title: t("exProjectCol"), dataIndex: "projectName", width: 180 },
            { title: t("exIndicator"), key: "i", render: (_, r) => `${r.level1} / ${r.level2 ? `${r.level2} / ` : ""}${r.level3}` },
            { title: t("exTarget"), dataIndex: "target", width: 140 },
            { title: t("exActual"), key: "v", width: 180, render: (_, r) => actualValueText(actualFor(record.actuals, r)?.value) || <span className="muted">{t("exNotRecorded")}</span> },
            { title: t("exEvidence"), key: "e", render: (_, r) => actualFor(record.actuals, r)?.evidence ?? "" },
            { title: t("exDeviationReason"), key: "d", render: (_, r) => actualFor(record.actuals, r)?.reason ?? "" },
            ...(canEdit
              ? [{ title: t("actions"), key: "x", width: 70, render: (_: unknown, r: IndicatorRow) => <Button size="small" type="link" onClick={() => setActualRow(r)} aria-label={`${t("exRecord")} ${r.level3}`}>{t("exRecord")}</Button> }]
              : []),
          ]}
        />
      </Card>

      <Card size="small" title={t("exMonthlyTable")}>
        <p className="muted" style={{ marginTop: 0 }}>
          {exec.payments.count ? t("exPayments", { n: exec.payments.count, total: formatWan(exec.payments.total, false) }) : t("exNoPayments")}
        </p>
        <Table<{ key: string }>
          size="small"
          dataSource={[{ key: "spent" }]}
          pagination={false}
          scroll={{ x: 900 }}
          columns={exec.payments.byMonth.map((amount, i) => ({ title: t("exMonth", { n: i + 1 }), key: String(i), align: "right" as const, render: () => formatWan(amount, false) }))}
        />
      </Card>

      {editing && (
        <AdjustmentModal
          initial={editing.index >= 0 ? record.adjustments[editing.index] : undefined}
          nextId={`${year}-${String(record.adjustments.length + 1).padStart(2, "0")}`}
          onCancel={() => setEditing(null)}
          onOk={(a) => {
            const list = [...record.adjustments];
            if (editing.index >= 0) list[editing.index] = a;
            else list.push(a);
            change({ ...record, adjustments: list });
            setEditing(null);
          }}
        />
      )}
      {actualRow && (
        <ActualModal
          row={actualRow}
          current={actualFor(record.actuals, actualRow)}
          withLevel2={rows.filter((r) => r.project === actualRow.project && r.level3 === actualRow.level3).length > 1}
          onCancel={() => setActualRow(null)}
          onOk={(a) => {
            change({ ...record, actuals: upsertActual(record.actuals, a) });
            setActualRow(null);
          }}
        />
      )}
    </Space>
  );
}

