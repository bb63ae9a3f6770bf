/**
 * 双监控 — spending progress against time progress by month (cumulative, with each month's spending),
 * the department's, each unit's and each project's progress at the date the data run to, the projects'
 * target completion, and the monitoring findings.
 */
import { Card, Col, Row, Statistic, Table, Tag } from "antd";
import { LineChart } from "echarts/charts";
import { MarkLineComponent } from "echarts/components";
import { use as registerECharts } from "echarts/core";
import { useMemo } from "react";
import type { CompletionStatus } from "../../../core/execution/completion.ts";
import type { SpendingProgress } from "../../../core/execution/progress.ts";
import type { ProgressAnswer } from "../../api/execution.ts";
import Chart from "../../components/Chart.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { progressSeries } from "../../lib/execution.ts";
import { formatPercent, formatWan, percentFromHundredths, percentValue, toWanYuan } from "../../lib/format.ts";
import type { Fen } from "../../../core/money.ts";
import { FindingTable } from "./FindingTable.tsx";

// Chart.tsx registers bars and pies; the monitoring lines need these too (ECharts' registry is global).
registerECharts([LineChart, MarkLineComponent]);

export const STATUS_COLORS: Record<CompletionStatus, string> = { met: "#52c41a", partly: "#faad14", missed: "#f5222d", pending: "#1677ff", missing: "#bfbfbf", na: "#d9d9d9" };
const STATUSES: CompletionStatus[] = ["met", "partly", "missed", "pending", "missing", "na"];

/** A percentage as a chart's number: the printed digits (0 when not applicable). */
const pct = (p: SpendingProgress["rate"]) => percentValue(p) ?? 0;
const wan = (f: number) => toWanYuan(f as Fen);

export function MonitorTab({ data, year }: { data: ProgressAnswer; year: number }) {
  const { t } = useI18n();
  const dept = data.progress.find((p) => p.kind === "department")!;
  const series = useMemo(() => progressSeries(data.monthly, data.cumulative, dept.adjusted, data.asOf, year), [data, dept.adjusted, year]);
  const months = series.map((p) => t("exMonth", { n: p.month }));
  const monthly = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 56, right: 56, top: 40, bottom: 28 },
      xAxis: { type: "category", data: months },
      yAxis: [
        { type: "value", name: t("exWanYuan"), axisLabel: { formatter: "{value}" } },
        { type: "value", name: "%", min: 0, max: 100, splitLine: { show: false } },
      ],
      series: [
        { name: t("exMonthlySpent"), type: "bar", data: series.map((p) => wan(p.spent)), itemStyle: { color: "#91caff" } },
        { name: t("exSpendingProgress"), type: "line", yAxisIndex: 1, data: series.map((p) => (p.spending ? percentValue(p.spending) : null)), symbolSize: 6, itemStyle: { color: "#1677ff" } },
        { name: t("exTimeProgress"), type: "line", yAxisIndex: 1, data: series.map((p) => percentValue(p.time)), lineStyle: { type: "dashed" }, itemStyle: { color: "#8c8c8c" } },
      ],
    }),
    [series, months, t],
  );
  const scopes = data.progress;
  const timeProgress = percentFromHundredths(dept.time);
  const time = pct(timeProgress);
  const timeText = formatPercent(timeProgress);
  const scopeChart = useMemo(
    () => ({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 56, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: "value", max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10), axisLabel: { formatter: "{value}%" } },
      yAxis: { type: "category", inverse: true, data: scopes.map((s) => `${t(`exScope_${s.kind}`)} ${s.name.length > 14 ? `${s.name.slice(0, 14)}…` : s.name}`) },
      series: [
        {
          name: t("exSpendingProgress"),
          type: "bar",
          data: scopes.map((s) => ({ value: pct(s.rate), itemStyle: { color: pct(s.rate) < time ? "#faad14" : "#1677ff" } })),
          label: { show: true, position: "right", formatter: (p: { dataIndex: number }) => formatPercent(scopes[p.dataIndex]!.rate) },
          markLine: { symbol: "none", data: [{ xAxis: time, name: t("exTimeProgress") }], label: { position: "start", formatter: `${t("exTimeProgress")} ${timeText}` }, lineStyle: { color: "#8c8c8c", type: "dashed" } },
        },
      ],
    }),
    [scopes, time, timeText, t],
  );
  const targetChart = useMemo(
    () => ({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1, name: t("exIndicatorCount") },
      yAxis: { type: "category", inverse: true, data: data.targets.map((p) => (p.name.length > 12 ? `${p.name.slice(0, 12)}…` : p.name)) },
      series: STATUSES.filter((s) => data.targets.some((p) => p.indicators.some((i) => i.status === s))).map((s) => ({
        name: t(`exStatus_${s}`),
        type: "bar",
        stack: "n",
        itemStyle: { color: STATUS_COLORS[s] },
        data: data.targets.map((p) => p.indicators.filter((i) => i.status === s).length),
      })),
    }),
    [data.targets, t],
  );
  const behind = scopes.filter((s) => s.rate.kind === "pct" && s.rate.hundredths < s.time).length;
  const describe = series.filter((p) => p.spending !== null).map((p) => `${p.month}月 ${p.spending ? formatPercent(p.spending) : ""} / ${formatPercent(p.time)}`).join("，");
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t("exAdjusted")} value={formatWan(dept.adjusted, false)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t("exExecuted")} value={formatWan(dept.executed, false)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={`${t("exSpendingProgress")} / ${t("exTimeProgress")}`} value={`${formatPercent(dept.rate)} / ${timeText}`} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t("exBehind")} value={behind} suffix={`/ ${scopes.length}`} />
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t("exChartMonthly")} data-testid="chart-monthly">
            <Chart option={monthly} height={300} label={`${t("exChartMonthly")}：${describe}`} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t("exChartScopes")}>
            <Chart option={scopeChart} height={Math.max(300, 28 * scopes.length + 40)} label={`${t("exChartScopes")}：${scopes.map((s) => `${s.name} ${formatPercent(s.rate)}`).join("，")}`} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t("exChartTargets")}>
            {data.targets.length ? (
              <Chart
                option={targetChart}
                height={Math.max(240, 34 * data.targets.length + 60)}
                label={`${t("exChartTargets")}：${data.targets.map((p) => `${p.name} ${p.indicators.filter((i) => i.status === "met").length}/${p.indicators.length}`).join("，")}`}
              />
            ) : (
              <p className="muted">{t("empty")}</p>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={`${t("exFindings")} (${data.findings.length})`}>
            <FindingTable findings={data.findings} label={t("exFindings")} pageSize={6} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t("exProgressTable")}>
            <Table<SpendingProgress>
              size="small"
              rowKey={(s) => `${s.kind}-${s.code}`}
              dataSource={scopes}
              pagination={false}
              columns={[
                { title: t("exScope"), key: "k", width: 70, render: (_, s) => t(`exScope_${s.kind}`) },
                { title: t("exName"), key: "n", render: (_, s) => `${s.code} ${s.name}` },
                { title: t("exAdjusted"), key: "a", align: "right", render: (_, s) => formatWan(s.adjusted, false) },
                { title: t("exExecuted"), key: "e", align: "right", render: (_, s) => formatWan(s.executed, false) },
                {
                  title: t("exSpendingProgress"),
                  key: "r",
                  align: "right",
                  render: (_, s) => (s.rate.kind === "pct" && s.rate.hundredths < s.time ? <Tag color="gold">{formatPercent(s.rate)}</Tag> : formatPercent(s.rate)),
                },
                { title: t("exTimeProgress"), key: "t", align: "right", render: (_, s) => formatPercent(percentFromHundredths(s.time)) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
