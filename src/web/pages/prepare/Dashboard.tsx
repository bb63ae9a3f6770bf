/** 我的预算 — the department's budgets by year and state; a new year's budget. */
import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Form, InputNumber, Modal, Select, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { ApiError } from "../../api/client.ts";
import { api } from "../../api/endpoints.ts";
import type { BudgetState, BudgetSummary } from "../../api/types.ts";
import { AsyncView } from "../../components/States.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useAsync } from "../../lib/use-async.ts";
import { Link, navigate } from "../../router.tsx";
import { useSession } from "../../session.tsx";
import { BUDGET_STATES } from "../../../core/workflow.ts";
import { STATE_COLORS } from "./BudgetEditor.tsx";

/** 执行与绩效 follows a budget once it is approved (批复) or published. */
export function hasExecution(b: Pick<BudgetSummary, "state">): boolean {
  return b.state === "approved" || b.state === "published";
}

export function budgetLink(b: BudgetSummary): string {
  const reviews = b.actions.some((a) => a !== "submit");
  return reviews ? `/review/${b.id}` : `/budgets/${b.id}`;
}

function NewBudget({ onCreated }: { onCreated: (b: BudgetSummary) => void }) {
  const { t, bilingual } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const departments = useAsync(() => (open ? api.departments() : Promise.resolve({ departments: [] })), [open]);
  const [form] = Form.useForm<{ departmentId: number; year: number }>();
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t("newBudget")}
      </Button>
      <Modal
        open={open}
        title={t("newBudget")}
        okText={t("confirm")}
        cancelText={t("cancel")}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          const v = await form.validateFields();
          try {
            const r = await api.createBudget(v.departmentId, v.year);
            setOpen(false);
            onCreated(r.budget);
          } catch (e) {
            message.error(e instanceof ApiError ? bilingual(e.message) : String(e));
          }
        }}
      >
        <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear() + 1 }}>
          <Form.Item name="departmentId" label={t("department")} rules={[{ required: true }]}>
            <Select loading={departments.loading} options={(departments.data?.departments ?? []).map((d) => ({ value: d.departmentId, label: `${d.code} ${d.name}` }))} />
          </Form.Item>
          <Form.Item name="year" label={t("year")} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: "100%" }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function BudgetTable({ budgets }: { budgets: BudgetSummary[] }) {
  const { t, stateName, actionName, time } = useI18n();
  return (
    <Table<BudgetSummary>
      rowKey="id"
      size="middle"
      dataSource={budgets}
      pagination={budgets.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: t("noBudgets") }}
      columns={[
        { title: t("year"), dataIndex: "year", width: 80 },
        { title: t("department"), key: "d", render: (_, b) => <Link to={budgetLink(b)}>{`${b.departmentCode} ${b.departmentName}`}</Link> },
        { title: t("state"), key: "s", width: 150, render: (_, b) => <Tag color={STATE_COLORS[b.state]}>{stateName(b.state)}</Tag> },
        { title: t("versionCol"), dataIndex: "version", width: 80, responsive: ["md"] },
        { title: t("updatedCol"), key: "u", width: 170, responsive: ["lg"], render: (_, b) => time(b.updatedAt) },
        {
          title: t("actions"),
          key: "a",
          width: 220,
          render: (_, b) => (
            <Space wrap>
              <Link to={`/budgets/${b.id}`}>{b.state === "draft" ? t("edit_budget") : t("view_budget")}</Link>
              {b.actions
                .filter((a) => a !== "submit")
                .map((a) => (
                  <Link key={a} to={`/review/${b.id}`}>
                    {actionName(a)}
                  </Link>
                ))}
              {hasExecution(b) && <Link to={`/budgets/${b.id}/execution`}>{t("exLink")}</Link>}
            </Space>
          ),
        },
      ]}
    />
  );
}

export default function Dashboard() {
  const { t, stateName } = useI18n();
  const { user } = useSession();
  const budgets = useAsync(() => api.budgets(), []);
  const [year, setYear] = useState<number | "all">("all");
  const [stateFilter, setStateFilter] = useState<BudgetState | "all">("all");
  const years = useMemo(() => [...new Set((budgets.data?.budgets ?? []).map((b) => b.year))].sort((a, b) => b - a), [budgets.data]);
  const list = (budgets.data?.budgets ?? []).filter((b) => (year === "all" || b.year === year) && (stateFilter === "all" || b.state === stateFilter));
  const counts = useMemo(() => {
    const m = new Map<BudgetState, number>();
    for (const b of budgets.data?.budgets ?? []) m.set(b.state, (m.get(b.state) ?? 0) + 1);
    return m;
  }, [budgets.data]);
  return (
    <>
      <Space align="center" wrap style={{ width: "100%", justifyContent: "space-between" }}>
        <Typography.Title level={1} className="page-title" style={{ fontSize: 24 }}>
          {t("workTitle")}
        </Typography.Title>
        {(user?.role === "preparer" || user?.role === "department-approver") && <NewBudget onCreated={(b) => navigate(`/budgets/${b.id}`)} />}
      </Space>
      <p className="page-intro">{t("workIntro")}</p>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<number | "all">
            aria-label={t("year")}
            style={{ width: 130 }}
            value={year}
            onChange={setYear}
            options={[{ value: "all" as const, label: t("allYears") }, ...years.map((y) => ({ value: y, label: String(y) }))]}
          />
          <Select<BudgetState | "all">
            aria-label={t("stateFilter")}
            style={{ width: 200 }}
            value={stateFilter}
            onChange={setStateFilter}
            options={[{ value: "all" as const, label: t("allStates") }, ...BUDGET_STATES.map((s) => ({ value: s, label: `${stateName(s)} (${counts.get(s) ?? 0})` }))]}
          />
        </Space>
        <AsyncView state={budgets}>{() => <BudgetTable budgets={list} />}</AsyncView>
      </Card>
    </>
  );
}
