/**
 * 绩效自评报告 — the self-evaluation report as the API renders it (the JSON of the same document the PDF,
 * Excel and HTML downloads draw): the narrative with the deviations and their reasons, then the tables —
 * execution side by side, adjustments, the department formulas, the department's and each project's
 * indicators with target, actual, completion, score.
 */
import { DownloadOutlined } from "@ant-design/icons";
import { Button, Card, Space, Typography } from "antd";
import { executionApi } from "../../api/execution.ts";
import { AsyncView } from "../../components/States.tsx";
import { DisclosureTables, Narrative } from "../../components/DisclosureView.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useAsync } from "../../lib/use-async.ts";

export function EvaluationTab({ budgetId, rev }: { budgetId: number; rev: number }) {
  const { t } = useI18n();
  const doc = useAsync((s) => executionApi.evaluation(budgetId, s), [budgetId, rev]);
  return (
    <Card
      size="small"
      title={t("exTabEvaluation")}
      extra={
        <Space wrap>
          {(["pdf", "xlsx", "html"] as const).map((f) => (
            <Button key={f} size="small" icon={<DownloadOutlined />} href={executionApi.evaluationUrl(budgetId, f)} download={`evaluation.${f}`} aria-label={`${t("exDownload")} ${f === "xlsx" ? "Excel" : f.toUpperCase()}`}>
              {f === "xlsx" ? "Excel" : f.toUpperCase()}
            </Button>
          ))}
        </Space>
      }
    >
      <p className="page-intro">{t("exEvaluationIntro")}</p>
      <AsyncView state={doc}>
        {(d) => (
          <div className="evaluation-report" data-testid="evaluation-report">
            <Typography.Title level={2} style={{ fontSize: 20, textAlign: "center" }}>
              {d.title}
            </Typography.Title>
            <Narrative doc={d} />
            <DisclosureTables doc={d} idPrefix="ev-" />
          </div>
        )}
      </AsyncView>
    </Card>
  );
}
