/**
 * 执行与绩效 — a budget through its year (README "Through the year"): the monitoring dashboard (双监控),
 * entry of adjustments and indicator actuals, the payment import, the self-evaluation report, and the
 * start of next year's budget. Read by whoever may read the budget; changed by its department.
 */
import { ForwardOutlined } from "@ant-design/icons";
import { App, Button, Space, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { api } from "../../api/endpoints.ts";
import { executionApi } from "../../api/execution.ts";
import { AsyncView } from "../../components/States.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useAsync } from "../../lib/use-async.ts";
import { Link, navigate, useLocation } from "../../router.tsx";
import { useSession } from "../../session.tsx";
import { STATE_COLORS } from "../prepare/BudgetEditor.tsx";
import { EntryTab } from "./EntryTab.tsx";
import { EvaluationTab } from "./EvaluationTab.tsx";
import { FinalAccountsTab } from "./FinalAccountsTab.tsx";
import { ImportTab } from "./ImportTab.tsx";
import { MonitorTab } from "./MonitorTab.tsx";

const TABS = ["monitor", "entry", "import", "evaluation", "final-accounts"] as const;
type Tab = (typeof TABS)[number];

function NextYear({ budgetId, departmentId, year }: { budgetId: number; departmentId: number; year: number }) {
  const { t, bilingual } = useI18n();
  const { modal, message } = App.useApp();
  const next = useAsync(() => api.budgets(year + 1).then((r) => r.budgets.find((b) => b.departmentId === departmentId) ?? null), [year, departmentId]);
  if (next.data) return <Link to={`/budgets/${next.data.id}`}>{t("exNextYearOpen", { year: year + 1 })}</Link>;
  return (
    <Button
      icon={<ForwardOutlined />}
      disabled={next.loading}
      onClick={() =>
        modal.confirm({
          title: t("exNextYear"),
          content: t("exNextYearConfirm", { year: year + 1 }),
          okText: t("confirm"),
          cancelText: t("cancel"),
          onOk: async () => {
            try {
              const r = await executionApi.nextYear(budgetId);
              message.success(t("exNextYearDone", { year: year + 1 }));
              navigate(`/budgets/${r.budget.id}`);
            } catch (e) {
              const existing = e instanceof ApiError ? (e.details as { budgetId?: number } | null)?.budgetId : undefined;
              if (existing) navigate(`/budgets/${existing}`);
              else message.error(e instanceof ApiError ? bilingual(e.message) : String(e));
            }
          },
        })
      }
    >
      {t("exNextYear")}
    </Button>
  );
}

export default function ExecutionPage({ id }: { id: number }) {
  const { t, stateName } = useI18n();
  const { user } = useSession();
  const { query } = useLocation();
  const tab: Tab = (TABS as readonly string[]).includes(query.get("tab") ?? "") ? (query.get("tab") as Tab) : "monitor";
  const [rev, setRev] = useState(0);
  const budget = useAsync((s) => api.budget(id, s), [id]);
  const exec = useAsync((s) => executionApi.get(id, s), [id, rev]);
  const progress = useAsync((s) => executionApi.progress(id, s), [id, rev]);
  const changed = () => setRev((n) => n + 1);
  return (
    <AsyncView state={budget}>
      {({ budget: b, content }) => {
        const canEdit = (user?.role === "preparer" || user?.role === "department-approver") && user.departmentId === b.departmentId;
        return (
          <>
            <Space align="center" wrap style={{ width: "100%", justifyContent: "space-between" }}>
              <div>
                <Typography.Title level={1} className="page-title" style={{ fontSize: 24, marginBottom: 4 }}>
                  {t("exTitleFor", { name: b.departmentName, year: b.year })}
                </Typography.Title>
                <Space wrap size={8}>
                  <Tag color={STATE_COLORS[b.state]}>{stateName(b.state)}</Tag>
                  {progress.data && <span className="muted">{t("exAsOfText", { date: progress.data.asOf })}</span>}
                  <Link to={`/budgets/${b.id}`}>{t("exBudgetLink")}</Link>
                  <Link to="/work">{t("exBack")}</Link>
                </Space>
              </div>
              {canEdit && <NextYear budgetId={b.id} departmentId={b.departmentId} year={b.year} />}
            </Space>
            <p className="page-intro">{t("exIntro")}</p>
            <Tabs
              activeKey={tab}
              onChange={(k) => navigate(`/budgets/${id}/execution${k === "monitor" ? "" : `?tab=${k}`}`, { replace: true })}
              items={[
                { key: "monitor", label: t("exTabMonitor"), children: <AsyncView state={progress}>{(p) => <MonitorTab data={p} year={b.year} />}</AsyncView> },
                {
                  key: "entry",
                  label: t("exTabEntry"),
                  children: <AsyncView state={exec}>{(e) => <EntryTab budgetId={b.id} year={b.year} content={content} exec={e} canEdit={canEdit} onSaved={changed} />}</AsyncView>,
                },
                { key: "import", label: t("exTabImport"), children: <ImportTab budgetId={b.id} canEdit={canEdit} onImported={changed} /> },
                { key: "evaluation", label: t("exTabEvaluation"), children: <EvaluationTab budgetId={b.id} rev={rev} /> },
                { key: "final-accounts", label: t("faTab"), children: <FinalAccountsTab budgetId={b.id} name={b.departmentName} year={b.year} rev={rev} record={exec.data?.record?.finalAccounts} /> },
              ]}
            />
          </>
        );
      }}
    </AsyncView>
  );
}
