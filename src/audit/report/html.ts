/** HTML 报告 — one self-contained page: a summary per document, then its findings in a table. */
import type { Finding } from "../../core/rules/finding.ts";
import { SEVERITY_NAMES } from "../../core/rules/finding.ts";
import { describeAuditLocation } from "./describe.ts";
import { type DocumentSummary, summaryLine } from "./summary.ts";

const esc = (s: string | number | undefined) =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const STYLE = `body{font-family:"Noto Sans SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em}
table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f3f3f3}tr.error td:first-child{color:#b00020;font-weight:bold}tr.warning td:first-child{color:#a15c00}tr.info td:first-child{color:#555}
code{font-size:.95em}.none{color:#2e7d32}`;

export function auditHtml(results: readonly { summary: DocumentSummary; findings: readonly Finding[] }[], generated: string): string {
  const parts = results.map(({ summary, findings }) => {
    const rows = findings
      .map((f) => `<tr class="${f.severity}"><td>${esc(SEVERITY_NAMES[f.severity])}</td><td><code>${esc(f.rule)}</code></td><td>${esc(f.message)}</td><td>${esc(describeAuditLocation(f.location))}</td><td>${esc(f.expected)}</td><td>${esc(f.actual)}</td></tr>`)
      .join("\n");
    const body = findings.length === 0 ? `<p class="none">未发现问题 / no findings</p>` : `<table><thead><tr><th>级别</th><th>规则</th><th>问题</th><th>位置</th><th>应为</th><th>实为</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
    return `<h2>${esc(summary.name)}</h2>\n<p>${esc(summaryLine(summary))}</p>\n${body}`;
  });
  return `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>预算公开文件审核报告 / audit report</title><style>${STYLE}</style></head>\n<body><h1>预算公开文件审核报告 / Audit report</h1><p>${esc(generated)}</p>\n${parts.join("\n")}\n</body></html>\n`;
}
