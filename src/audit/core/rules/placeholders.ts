/**
 * 模板残留 — template text left in the published document: "XX", "增加（减少）", "下降（增长）" in the
 * narrative or tables, empty goals ("目标3:"), rows of dots.
 */
import type { Finding } from "../../../core/rules/finding.ts";
import { defineRule } from "../../../core/rules/finding.ts";
import type { DocumentContext, DocumentRule } from "../context.ts";
import { documentSections } from "../document.ts";
import { cellLocation } from "../interpret/where.ts";
import { PLACEHOLDER_CELL } from "../interpret/targets.ts";

/** Words a template leaves for the writer to fill or choose: the core's list, which the data rules read too. */
import { PLACEHOLDER_TEXT } from "../../../core/placeholders.ts";

export const placeholderText: DocumentRule = defineRule<DocumentContext>(
  {
    id: "placeholder.text",
    title: "模板占位文字未替换",
    description: "模板中的“示例”“XX”“待填写”“增加（减少）”“增加/减少”“下降（增长）”“某某”等占位文字应替换为实际内容。 / Template placeholders (\"示例\", \"XX\", \"待填写\", \"增加（减少）\", \"增加/减少\", \"下降（增长）\", \"某某\") are replaced by the real content.",
    severity: "error",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    for (const s of documentSections(ctx.document)) {
      for (const p of s.paragraphs) {
        PLACEHOLDER_TEXT.lastIndex = 0;
        for (let m = PLACEHOLDER_TEXT.exec(p.text); m; m = PLACEHOLDER_TEXT.exec(p.text)) {
          const { file, ...where } = p.place;
          out.push(emit({ message: `说明中有模板占位文字“${m[0]}” / the placeholder "${m[0]}" is left in the text`, location: { kind: "text", section: s.heading, quote: p.text.slice(Math.max(0, m.index - 20), m.index + m[0].length + 20), file, ...where }, actual: m[0] }));
        }
      }
    }
    for (const info of ctx.tables.tables) {
      info.rows.forEach((cells, r) =>
        cells.forEach((text, c) => {
          PLACEHOLDER_TEXT.lastIndex = 0;
          const m = PLACEHOLDER_TEXT.exec(text);
          if (m) out.push(emit({ message: `${info.label} 中有模板占位文字“${m[0]}” / the placeholder "${m[0]}" is left in the table`, location: cellLocation(info, r, c), actual: m[0] }));
        }),
      );
    }
    return out;
  },
);

export const placeholderGoal: DocumentRule = defineRule<DocumentContext>(
  {
    id: "placeholder.goal",
    title: "年度目标为空",
    description: "整体绩效目标表中只印了编号而没有内容的目标（“目标3:”）应删去或填写。 / A goal printed as its number only (\"目标3:\") is filled in or removed.",
    severity: "warning",
  },
  (ctx, emit) => {
    const t = ctx.tables.departmentTargets;
    return (t?.goals ?? []).filter((g) => g.empty).map((g) => emit({ message: `${t!.info.label} 年度目标“${g.text}”没有内容 / the goal "${g.text}" is empty`, location: cellLocation(t!.info, g.row), actual: g.text }));
  },
);

export const placeholderRow: DocumentRule = defineRule<DocumentContext>(
  {
    id: "placeholder.row",
    title: "表中残留省略号行",
    description: "表中只有“.....”的行是模板中“可续行”的占位，应删去。 / Rows holding only \".....\" are template continuation marks and are removed.",
    severity: "warning",
  },
  (ctx, emit) => {
    const out: Finding[] = [];
    for (const info of ctx.tables.tables)
      info.rows.forEach((cells, r) => {
        const c = cells.findIndex((x) => PLACEHOLDER_CELL.test(x.trim()));
        if (c >= 0) out.push(emit({ message: `${info.label} 第 ${r + 1} 行为省略号“${cells[c]!.trim()}” / a row of dots is left in the table`, location: cellLocation(info, r, c), actual: cells[c]!.trim() }));
      });
    return out;
  },
);

export const PLACEHOLDER_RULES: readonly DocumentRule[] = [placeholderText, placeholderGoal, placeholderRow];
