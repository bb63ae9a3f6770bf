/**
 * 公开文件 — the disclosure exactly as published (disclosure.json, src/formats/json.ts): each table with
 * its merged header and body cells, money in 万元 as printed, and the narrative by part and section.
 */
import { Anchor, Typography } from "antd";
import type { DisclosureJson, JsonTable } from "../api/types.ts";
import { useI18n } from "../i18n/index.tsx";
import { formatWanNumber } from "../lib/format.ts";

/** A cell as the published tables print it: money (万元 numbers in disclosure.json) through the core's formatter. */
function cellText(c: string | number | null): string {
  if (c === null) return "";
  return typeof c === "number" ? formatWanNumber(c) : c;
}

export function DisclosureTable({ table, idPrefix = "" }: { table: JsonTable; idPrefix?: string }) {
  const covered = new Set<string>();
  const anchors = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of table.merges) {
    anchors.set(`${m.row},${m.col}`, m);
    for (let r = m.row; r < m.row + m.rowSpan; r++) for (let c = m.col; c < m.col + m.colSpan; c++) if (r !== m.row || c !== m.col) covered.add(`${r},${c}`);
  }
  const titleId = `${idPrefix}${table.id}-title`;
  return (
    <section className="disclosure-table-wrap" id={`${idPrefix}${table.id}`} aria-labelledby={titleId}>
      <table className="disclosure-table">
        <caption id={titleId}>
          {table.title}
          <div className="table-meta">
            <span>单位名称：{table.unitName}</span>
            <span>单位：{table.unit}</span>
          </div>
        </caption>
        {table.header.length > 0 && (
          <thead>
            {table.header.map((row, i) => (
              <tr key={i}>
                {row.map((h, j) => (
                  <th key={j} colSpan={h.colSpan} rowSpan={h.rowSpan} scope={h.colSpan && h.colSpan > 1 ? "colgroup" : "col"}>
                    {h.text}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
        )}
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} className={table.rowKinds[r]}>
              {row.map((c, k) => {
                if (covered.has(`${r},${k}`)) return null;
                const a = anchors.get(`${r},${k}`);
                return (
                  <td key={k} className={typeof c === "number" ? "n" : undefined} rowSpan={a && a.rowSpan > 1 ? a.rowSpan : undefined} colSpan={a && a.colSpan > 1 ? a.colSpan : undefined}>
                    {cellText(c)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {table.note && <p className="muted">说明：{table.note}</p>}
    </section>
  );
}

export function DisclosureTables({ doc, idPrefix = "" }: { doc: DisclosureJson; idPrefix?: string }) {
  return (
    <div className="tables-layout">
      <div>
        {doc.tables.map((t) => (
          <DisclosureTable key={t.id} table={t} idPrefix={idPrefix} />
        ))}
      </div>
      <nav aria-label="报表目录" className="hide-narrow">
        <Anchor
          offsetTop={72}
          items={doc.tables.map((t) => ({ key: t.id, href: `#${idPrefix}${t.id}`, title: `${t.number}. ${t.title.replace(/^\d{4}年度?/, "")}` }))}
        />
      </nav>
    </div>
  );
}

export function Narrative({ doc }: { doc: DisclosureJson }) {
  const { t } = useI18n();
  if (doc.narrative.parts.length === 0) return <p className="muted">{t("empty")}</p>;
  return (
    <article className="narrative" lang="zh-CN">
      {doc.narrative.parts.map((p) => (
        <section key={p.id}>
          <Typography.Title level={3}>{p.title}</Typography.Title>
          {p.sections.map((s) => (
            <section key={s.id}>
              {s.title && <Typography.Title level={4}>{s.title}</Typography.Title>}
              {s.text.split("\n").map((para, i) => (
                <p key={i}>{para}</p>
              ))}
            </section>
          ))}
        </section>
      ))}
    </article>
  );
}
