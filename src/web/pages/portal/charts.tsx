/**
 * 图表 — the portal's charts of a published budget or a region: composition by 功能分类 类, basic against
 * project, the largest projects, year on year. Amounts in 万元 (2 decimals, as the tables print).
 */
import { Card, Col, Row } from "antd";
import { useMemo } from "react";
import type { PublicationFigures, RegionOverview } from "../../api/types.ts";
import Chart from "../../components/Chart.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { formatPercent, formatWan, formatWanNumber, percentOf, toWanYuan } from "../../lib/format.ts";
import type { Fen } from "../../../core/money.ts";

/** 分 → the 万元 number the tables print (the core's rounding), for a chart's data */
const wan = (fen: number) => toWanYuan(fen as Fen);
/** A chart's 万元 number as the tables print it: "4117.91". */
const wanLabel = (v: number) => formatWanNumber(v, false);
const PALETTE = ["#b3261e", "#e0803c", "#d9b23a", "#5b8e3e", "#2f7d8c", "#3b5ba9", "#7a4ea3", "#a04d6f", "#8c8c8c", "#5c4033"];

/**
 * A pie of amounts in 分. Each slice's share is the core's percentOf on the exact amounts, as the narrative
 * prints it ("4.20%"), not ECharts' own {d} from the rounded 万元 (which printed 4.2%).
 */
function pie(items: { name: string; fen: number }[], unit: string) {
  const total = items.reduce((s, x) => s + x.fen, 0);
  const data = items.map((x) => ({ name: x.name, value: wan(x.fen), share: formatPercent(percentOf(x.fen as Fen, total as Fen)) }));
  return {
    color: PALETTE,
    tooltip: { trigger: "item", valueFormatter: (v: number) => `${wanLabel(v)} ${unit}` },
    legend: { type: "scroll", bottom: 0 },
    series: [{ type: "pie", radius: ["35%", "65%"], center: ["50%", "45%"], data, label: { formatter: (p: { name: string; data: { share: string } }) => `${p.name}\n${p.data.share}` } }],
  };
}

export function PublicationCharts({ f }: { f: PublicationFigures }) {
  const { t } = useI18n();
  const unit = t("unitWan");
  const byClass = useMemo(() => pie(f.byClass.map((c) => ({ name: `${c.name}`, fen: c.amount })), unit), [f, unit]);
  const natures = useMemo(() => pie([{ name: t("basic"), fen: f.basic }, { name: t("project"), fen: f.project }].filter((x) => wan(x.fen) > 0), unit), [f, t, unit]);
  const projects = useMemo(() => {
    const top = f.projects.slice(0, 10).reverse();
    return {
      color: PALETTE,
      tooltip: { trigger: "axis", valueFormatter: (v: number) => `${wanLabel(v)} ${unit}` },
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", name: unit },
      yAxis: { type: "category", data: top.map((p) => (p.name.length > 12 ? `${p.name.slice(0, 12)}…` : p.name)), axisLabel: { width: 180, overflow: "truncate" } },
      series: [{ type: "bar", barMaxWidth: 28, data: top.map((p) => wan(p.amount)), label: { show: true, position: "right", formatter: (p: { value: number }) => wanLabel(p.value) } }],
    };
  }, [f, unit]);
  const yoy = useMemo(() => {
    const cols: { label: string; total?: number; basic?: number; project?: number }[] = [];
    const years = f.years.filter((y) => y.year !== f.year);
    if (years.length > 0) for (const y of years) cols.push({ label: t("thisYear", { year: y.year }), total: y.total, basic: y.basic, project: y.project });
    else if (f.prior) cols.push({ label: t("priorYear", { year: f.prior.year, basis: f.prior.basis }), total: f.prior.total, basic: f.prior.basic, project: f.prior.project });
    if (cols.length === 0) return undefined;
    cols.push({ label: t("thisYear", { year: f.year }), total: f.total, basic: f.basic, project: f.project });
    const cats = [t("total"), t("basic"), t("project")];
    return {
      color: ["#bfbfbf", ...PALETTE],
      tooltip: { trigger: "axis", valueFormatter: (v: number | null) => (v == null ? "—" : `${wanLabel(v)} ${unit}`) },
      legend: { bottom: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 36, containLabel: true },
      xAxis: { type: "category", data: cats },
      yAxis: { type: "value", name: unit },
      series: cols.map((c, i) => ({
        type: "bar",
        barMaxWidth: 36,
        name: c.label,
        itemStyle: i === cols.length - 1 ? { color: PALETTE[0] } : undefined,
        data: [c.total, c.basic, c.project].map((v) => (v === undefined ? null : wan(v))),
      })),
    };
  }, [f, t, unit]);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card size="small" title={t("chartByClass")}>
          <Chart option={byClass} label={`${t("chartByClass")}：${f.byClass.map((c) => `${c.name} ${formatWan(c.amount, false)}${unit}`).join("，")}`} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t("chartBasicProject")}>
          <Chart option={natures} label={`${t("basic")} ${formatWan(f.basic, false)}${unit}，${t("project")} ${formatWan(f.project, false)}${unit}`} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t("chartProjects")}>
          {f.projects.length > 0 ? (
            <Chart option={projects} label={`${t("chartProjects")}：${f.projects.slice(0, 10).map((p) => `${p.name} ${formatWan(p.amount, false)}${unit}`).join("，")}`} />
          ) : (
            <p className="muted">{t("empty")}</p>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t("chartYearOnYear")}>
          {yoy ? <Chart option={yoy} label={t("chartYearOnYear")} /> : <p className="muted">{t("noPrior")}</p>}
        </Card>
      </Col>
    </Row>
  );
}

export function OverviewCharts({ o, onDepartment }: { o: RegionOverview; onDepartment: (publicationId: number) => void }) {
  const { t } = useI18n();
  const unit = t("unitWan");
  const byClass = useMemo(() => pie(o.byClass.map((c) => ({ name: c.name, fen: c.amount })), unit), [o, unit]);
  const byDept = useMemo(() => {
    const list = [...o.departments].sort((a, b) => a.total - b.total);
    return {
      color: PALETTE,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (v: number) => `${wanLabel(v)} ${unit}` },
      legend: { bottom: 0 },
      grid: { left: 8, right: 24, top: 8, bottom: 36, containLabel: true },
      xAxis: { type: "value", name: unit },
      yAxis: { type: "category", data: list.map((d) => d.name), axisLabel: { width: 200, overflow: "truncate" } },
      series: [
        { type: "bar", stack: "n", barMaxWidth: 36, name: t("basic"), data: list.map((d) => wan(d.basic)) },
        { type: "bar", stack: "n", barMaxWidth: 36, name: t("project"), data: list.map((d) => wan(d.project)) },
      ],
    };
  }, [o, t, unit]);
  const ids = useMemo(() => [...o.departments].sort((a, b) => a.total - b.total).map((d) => d.publicationId), [o]);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card size="small" title={t("byClass")}>
          <Chart option={byClass} label={`${t("byClass")}：${o.byClass.map((c) => `${c.name} ${formatWan(c.amount, false)}${unit}`).join("，")}`} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t("byDepartment")}>
          <Chart option={byDept} label={`${t("byDepartment")}：${o.departments.map((d) => `${d.name} ${formatWan(d.total, false)}${unit}`).join("，")}`} onClick={(i) => ids[i] !== undefined && onDepartment(ids[i]!)} />
        </Card>
      </Col>
    </Row>
  );
}

