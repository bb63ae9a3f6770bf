/**
 * 2021 部门预算支出经济分类 → 政府预算支出经济分类 mapping, by unit type. 行政 and 参公 units use the
 * `administrative` rows, 事业 units the `institution` rows; `all` rows apply to every unit type (scoped rows
 * override them). The look-up takes the most specific row (7-digit sub-item, then 款, then 类).
 *
 * Rows follow the official 《两套支出经济分类科目对照表》 (附表1 of the 2017 支出经济分类科目改革方案):
 * its 501 and 502 blocks were checked against a published copy; the rest is transcribed by
 * Yusuan and the doubtful rows are marked. domain.md §3 is followed wherever it speaks.
 */
import type { MappingRow, MappingTable } from "../../catalog.ts";

const admin = (government: string, ...departments: string[]): MappingRow[] =>
  departments.map((department) => ({ department, scope: "administrative", government }));
const institution = (government: string, ...departments: string[]): MappingRow[] =>
  departments.map((department) => ({ department, scope: "institution", government }));
const all = (government: string, ...departments: string[]): MappingRow[] =>
  departments.map((department) => ({ department, scope: "all", government }));

const ROWS: readonly MappingRow[] = [
  // ── 行政 / 参公: 301 → 501 ───────────────────────────────────────────
  ...admin("50101", "30101", "30102", "30103", "30107"),
  ...admin("50102", "30108", "30109", "30110", "30111", "30112"),
  ...admin("50103", "30113"),
  ...admin("50199", "30106", "30114", "30199"),
  // a 301 款 not listed above (a local one) is still 工资福利: fall back to 50199
  ...admin("50199", "301"),

  // ── 行政 / 参公: 302 → 502 ───────────────────────────────────────────
  ...admin(
    "50201",
    "30201", // 办公费
    "30202", // 印刷费
    "30204", // 手续费
    "30205", // 水费
    "30206", // 电费
    "30207", // 邮电费
    "30208", // 取暖费
    "30209", // 物业管理费
    "30211", // 差旅费
    "30214", // 租赁费
    "30228", // 工会经费
    "30229", // 福利费
    "30239", // 其他交通费用
    "30240", // 税金及附加费用
  ),
  ...admin("50202", "30215"),
  ...admin("50203", "30216"),
  ...admin("50204", "30218", "30224", "30225"), // 专用材料费, 被装购置费, 专用燃料费
  ...admin("50205", "30203", "30226", "30227"), // 咨询费, 劳务费, 委托业务费
  ...admin("50206", "30217"),
  ...admin("50207", "30212"),
  ...admin("50208", "30231"),
  ...admin("50209", "30213"),
  ...admin("50299", "30299"),
  ...admin("50299", "302"),

  // ── 行政 / 参公: 310 → 503 (资本性支出), 309 → 504 (切块 基本建设) ─────
  ...admin("50301", "31001"),
  ...admin("50302", "31005"),
  ...admin("50303", "31013"),
  ...admin("50305", "31009", "31010", "31011", "31012"),
  // 31019 其他交通工具购置 → 设备购置: doubtful (could be 50399)
  ...admin("50306", "31002", "31003", "31007", "31019"),
  ...admin("50307", "31006"),
  ...admin("50399", "31008", "31021", "31022", "31099"),
  ...admin("50399", "310"),
  // 504 rows: doubtful as a whole (see government-economic.ts)
  ...admin("50401", "30901"),
  ...admin("50402", "30905"),
  ...admin("50403", "30913"),
  ...admin("50404", "30902", "30903", "30907", "30919"),
  ...admin("50405", "30906"),
  ...admin("50499", "30908", "30921", "30922", "30999"),
  ...admin("50499", "309"),

  // ── 事业: 301 → 50501, 302 → 50502, 310 → 50601, 309 → 50602 ─────────
  ...institution("50501", "301"),
  ...institution("50502", "302"),
  ...institution("50601", "310"),
  ...institution("50602", "309"),

  // ── every unit type ───────────────────────────────────────────────────
  // 303 → 509. 30303 退职（役）费 → 离退休费 and 30307 医疗费补助 → 其他 are doubtful rows.
  ...all("50905", "30301", "30302", "30303"),
  ...all("50901", "30304", "30305", "30306", "30309"),
  ...all("50902", "30308"),
  ...all("50903", "30310"),
  // 30311 代缴社会保险费 → 其他对个人和家庭补助: doubtful (could be 50901)
  ...all("50999", "30307", "30311", "30399"),
  ...all("50999", "303"),
  // 307 → 511
  ...all("51101", "30701"),
  ...all("51102", "30702"),
  ...all("51103", "30703"),
  ...all("51104", "30704"),
  ...all("51101", "307"),
  // 311 (基本建设) → 50802; 312: 资本金注入 and 股权投资 → 50801, 补贴 → 507
  ...all("50802", "31101", "31199", "311"),
  ...all("50801", "31201", "31203"),
  ...all("50701", "31204"),
  ...all("50702", "31205"),
  ...all("50799", "31299", "312"),
  // 313 → 510
  ...all("51002", "31302"),
  ...all("51003", "31303"),
  ...all("51004", "31304"),
  ...all("51002", "313"),
  // 399 → 599
  ...all("59906", "39906"),
  ...all("59907", "39907"),
  ...all("59908", "39908"),
  ...all("59909", "39909"),
  ...all("59910", "39910"),
  ...all("59999", "39999", "399"),
];

export const mapping2021: MappingTable = {
  source:
    "《两套支出经济分类科目对照表》（政府预算经济分类—部门预算经济分类，财预〔2017〕98号 附表）, " +
    "501/502 blocks checked against a published copy, the rest transcribed by Yusuan (doubtful rows marked in mapping.ts); " +
    "unit-type rules per domain.md §3 (行政/参公 → 501–504, 事业 → 505/506).",
  rows: ROWS,
};
