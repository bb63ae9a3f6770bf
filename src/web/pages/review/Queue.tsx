/** 待审核 — budgets waiting for this reviewer (an action of theirs is possible now), then the others. */
import { Card, Typography } from "antd";
import { api } from "../../api/endpoints.ts";
import { AsyncView } from "../../components/States.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useAsync } from "../../lib/use-async.ts";
import { BudgetTable } from "../prepare/Dashboard.tsx";

export default function Queue() {
  const { t } = useI18n();
  const budgets = useAsync(() => api.budgets(), []);
  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 24 }}>
        {t("queueTitle")}
      </Typography.Title>
      <p className="page-intro">{t("queueIntro")}</p>
      <AsyncView state={budgets}>
        {(d) => {
          const waiting = d.budgets.filter((b) => b.actions.some((a) => a !== "submit" && a !== "return"));
          const others = d.budgets.filter((b) => !waiting.includes(b));
          return (
            <>
              <Card size="small" title={`${t("queueTitle")} (${waiting.length})`} data-testid="queue">
                {waiting.length === 0 ? <p className="muted">{t("queueEmpty")}</p> : <BudgetTable budgets={waiting} />}
              </Card>
              {others.length > 0 && (
                <Card size="small" title={t("otherBudgets")} style={{ marginTop: 16 }}>
                  <BudgetTable budgets={others} />
                </Card>
              )}
            </>
          );
        }}
      </AsyncView>
    </>
  );
}
