/**
 * 图表 — ECharts (echarts/core with only the charts used) in a div that follows its size. The chart is a
 * picture for sighted readers; `label` says what it shows, with the figures, for screen readers.
 */
import { BarChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from "echarts/components";
import { type EChartsCoreOption, init, use as registerECharts } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

registerECharts([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, CanvasRenderer]);

/** `onClick`, when given, makes the data lead somewhere (a drill-down): it gets the clicked item's index. */
export default function Chart({ option, label, height, onClick }: { option: EChartsCoreOption; label: string; height?: number; onClick?: (index: number) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  // the latest handler, without re-creating the chart when only the handler changes
  const click = useRef(onClick);
  click.current = onClick;
  const clickable = onClick !== undefined;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: "canvas" });
    chart.setOption({ animationDuration: 300, ...option });
    if (clickable) chart.on("click", (p) => click.current?.(p.dataIndex));
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, [option, clickable]);
  // ECharts' own aria-label would replace ours on its container: the described picture wraps the canvas.
  return (
    <div role="img" aria-label={label}>
      <div ref={ref} className="chart" aria-hidden="true" style={{ ...(height ? { height } : {}), ...(clickable ? { cursor: "pointer" } : {}) }} />
    </div>
  );
}
