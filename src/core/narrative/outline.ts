/**
 * 说明的提纲 — Yusuan writes 第二部分 in the order of the budget narrative most templates share (一 收支总体 … 十
 * 其他重要事项, BUDGET_NARRATIVE); a template with an outline of its own (Shanghai's 四、部门预算编制说明 … 六、其他
 * 相关情况说明（一）…（五）) gets the same text arranged under its headings. Which text goes where is the
 * outline's data (`gathers`, else `topics`): no template is named here.
 */
import { chineseNumber } from "../catalog.ts";
import type { NarrativeSection as OutlineSection } from "../templates/types.ts";
import type { NarrativeSection } from "./narrative.ts";

/** The topics of 十、其他重要事项's paragraphs, in the order narrative.ts writes them. */
export const OTHER_MATTERS_TOPICS: readonly string[] = ["operating-cost", "procurement", "performance", "assets", "special-transfer"];

/** A heading's leading number ("十三、"). */
const NUMBERED = /^([一二三四五六七八九十]+)、/;

interface Block {
  topic: string;
  title: string;
  paragraphs: string[];
}

/** A section's id ends with its topic ("p2-07-three-public"); its title after the numbering ("一、"). */
function blocksOf(sections: readonly NarrativeSection[]): Block[] {
  const out: Block[] = [];
  for (const s of sections) {
    const topic = s.id.replace(/^p2-\d+-/, "");
    const title = s.title.replace(/^[一二三四五六七八九十]+、/, "");
    if (topic !== "other") {
      out.push({ topic, title, paragraphs: s.paragraphs });
      continue;
    }
    // "（二）政府采购支出情况。…": each paragraph its own block, its numbered lead-in left to the outline's heading
    s.paragraphs.forEach((p, i) => {
      const lead = /^（[一二三四五六七八九十]+）([^。]*)。/.exec(p);
      out.push({ topic: OTHER_MATTERS_TOPICS[i] ?? "other", title: lead?.[1] ?? title, paragraphs: [lead ? p.slice(lead[0].length) : p] });
    });
  }
  return out;
}

/**
 * 第二部分 under `outline`'s headings: each heading takes the blocks of the topics it gathers, in the outline's
 * order; a heading with none is left out, and a block no heading gathers follows under its own title, so nothing
 * the budget states is dropped. Where each heading has a number of its own (Jiangsu's 一、… 十三、), the printed
 * sections are numbered on from 一、 so a left-out heading leaves no gap; an outline whose headings share numbers
 * (Shanghai's 六、…（一）…（五）) keeps them as written.
 */
export function arrangeByOutline(sections: readonly NarrativeSection[], outline: readonly OutlineSection[]): NarrativeSection[] {
  const blocks = blocksOf(sections);
  const used = new Set<Block>();
  const out: NarrativeSection[] = [];
  outline.forEach((o, i) => {
    const gathers = o.gathers ?? o.topics;
    const mine = blocks.filter((b) => !used.has(b) && gathers.includes(b.topic));
    const paragraphs = mine.flatMap((b) => b.paragraphs).filter((p) => p.trim() !== "");
    if (paragraphs.length === 0) return;
    for (const b of mine) used.add(b);
    out.push({ id: `p2-${String(i + 1).padStart(2, "0")}-${mine[0]!.topic}`, title: o.heading, paragraphs });
  });
  for (const b of blocks) if (!used.has(b) && b.paragraphs.some((p) => p.trim() !== "")) out.push({ id: `p2-${String(out.length + 1).padStart(2, "0")}-${b.topic}`, title: b.title, paragraphs: b.paragraphs });
  const numerals = outline.map((o) => NUMBERED.exec(o.heading)?.[1]);
  const ownNumbers = numerals.every((n) => n !== undefined) && new Set(numerals).size === numerals.length;
  return ownNumbers ? out.map((s, i) => ({ ...s, title: `${chineseNumber(i + 1)}、${s.title.replace(NUMBERED, "")}` })) : out;
}
