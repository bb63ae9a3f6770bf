/**
 * 封面信息 — what a document says about whose and which year's budget it is, read as a person reads it:
 * the cover (the lines before 目录, joined when the title wraps: "中共上海市普陀区委 / 社会工作部 2024 年度 /
 * 部门决算"), a labelled line ("预算主管部门：…", "部 门:…"), the 部门 line above the tables, and the
 * tables' titles. Never a section heading such as "一、主要职能" or table furniture such as "公开01表".
 */
import type { DocumentFile, RawTable } from "./document.ts";

/** "预算主管部门：…", "预算单位：…", "部 门:…", "单位名称：…" on the cover */
const LABELLED = /^(?:预算主管部门|预算单位|主管部门|部\s*门|单位名称|部门名称)\s*[:：]\s*(\S.{1,38}?)\s*$/;
/** a year as a budget's year, not a date ("2018年2月24日") */
const YEAR = /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/;
/** "…2017年度部门预算", "2017年度…部门预算公开", "…2024年度部门决算", "上海市普陀区2025年区级部门预算" */
const COVER_TITLE = /^(?:(?:19|20)\d{2}年度?)?(.+?)(?:(?:19|20)\d{2}年度?)?(?:省级|市级|区级|县级)?(?:部门|单位)?(?:预算|决算)/;
const NOT_A_NAME = /^([一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|\d+[、.．]|第[一二三四五六七八九十]+部分|目\s*录|附件|公开\d+表|表[\d一二三四五六七八九十]+)/;
const CONTENTS = /^目\s*录$|^第[一二三四五六七八九十]+部分/;

/** The cover's lines: every heading and paragraph of the first file before its contents or first part. */
export function coverLines(files: readonly DocumentFile[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    for (const s of f.sections) {
      const heading = s.heading.trim();
      if (CONTENTS.test(heading.replace(/\s+/g, " ")) || s.path.some((p) => CONTENTS.test(p.trim()))) break;
      if (heading) out.push(heading);
      for (const p of s.paragraphs) out.push(p.text.trim());
      if (out.length > 12) break;
    }
    if (out.length > 0) break;
  }
  return out;
}

const squash = (t: string) => t.replace(/\s+/g, "");

function usableName(name: string | undefined): string | undefined {
  const n = name?.trim();
  if (!n || n.length < 3 || n.length > 40 || NOT_A_NAME.test(n) || /预算|决算|^\d/.test(n)) return undefined;
  return n;
}

/** The department named on the cover: a labelled line first, else the title before its year and 预算/决算. */
export function coverDepartment(cover: readonly string[]): string | undefined {
  for (const line of cover) {
    const m = LABELLED.exec(squash(line).replace(/^(预算主管部门|预算单位|主管部门|部门|单位名称|部门名称)[:：]/, "$1："));
    if (m) return usableName(m[1]);
  }
  const joined = squash(cover.join(""));
  const m = COVER_TITLE.exec(joined);
  return usableName(m?.[1]);
}

/** The year the cover names ("2017年度部门预算", "2018年度江苏省高级人民法院"), not a date of signing. */
export function coverYear(cover: readonly string[]): number | undefined {
  const m = YEAR.exec(squash(cover.join("")));
  return m ? Number(m[1]) : undefined;
}

/** A year printed in a table's title ("2017年政府采购预算表"): a tables-only file may print it only there. */
export function tableTitleYear(tables: readonly RawTable[]): number | undefined {
  for (const t of tables) {
    const m = YEAR.exec(squash(t.title));
    if (m) return Number(m[1]);
  }
  return undefined;
}
