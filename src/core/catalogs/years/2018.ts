/**
 * 2018: 《2018年政府收支分类科目》 with the 支出经济分类 reform of 财政部《支出经济分类科目改革方案》
 * （财预〔2017〕98号）: 政府预算支出经济分类 (501–599) is split from 部门预算支出经济分类, and the 部门
 * codes are renumbered — 住房公积金 moves from 303 to 301 (30311 → 30113), 其他社会保障缴费 from 30104 to
 * 30112; 医疗费 becomes 30307 医疗费补助 beside a new 30114 医疗费. The Jiangsu documents of both years
 * print these (2017.ts, below). The reform's other changes are as recalled and marked unconfirmed.
 */
import { type YearDefinition, added, moved, printedIn, removed, renamed, unsure } from "../changes.ts";

const JIANGSU = "江苏省省级部门2017年与2018年部门预算（../shared/corpus）";
const REFORM = "财预〔2017〕98号 as recalled";

export const year2018: YearDefinition = {
  year: 2018,
  edition: "财政部《2018年政府收支分类科目》；《支出经济分类科目改革方案》（财预〔2017〕98号）",
  changes: {
    functional: [
      renamed("2040405", "公诉和审判监督", "公诉、审判、侦查、执行等检察监督支出", { basis: `${JIANGSU}: 2017年省检察院 prints the old name, 2018年 the new` }),
      removed("2040406", "侦查监督", { successor: "2040405", ...unsure("2018 的 2040405 名称含“侦查”；2018年省检察院预算不再列示") }),
      removed("2040404", "查办和预防职务犯罪", unsure("2018年反贪职能转隶监察委员会；2018年省检察院预算不再列示")),
    ],
    departmentEconomic: [
      moved("30311", "30113", "住房公积金", "住房公积金", { basis: JIANGSU }),
      moved("30104", "30112", "其他社会保障缴费", "其他社会保障缴费", { basis: JIANGSU }),
      renamed("30307", "医疗费", "医疗费补助", { basis: JIANGSU }),
      added("30114", "医疗费", { basis: JIANGSU }),
      added("30110", "职工基本医疗保险缴费", unsure(REFORM)),
      added("30111", "公务员医疗补助缴费", unsure(REFORM)),
      removed("30312", "提租补贴", { basis: `${JIANGSU}: printed in 2017, not in 2018; its successor is not confirmed` }),
      removed("30313", "购房补贴", unsure(REFORM)),
      removed("30314", "采暖补贴", unsure(REFORM)),
      removed("30315", "物业服务补贴", unsure(REFORM)),
      renamed("30310", "生产补贴", "个人农业生产补贴", unsure(REFORM)),
      renamed("30399", "其他对个人和家庭的补助支出", "其他对个人和家庭的补助", unsure(REFORM)),
      removed("304", "对企事业单位的补贴", unsure(REFORM)),
      removed("30401", "企业政策性补贴", unsure(REFORM)),
      removed("30402", "事业单位补贴", unsure(REFORM)),
      removed("30403", "财政贴息", unsure(REFORM)),
      removed("30499", "其他对企事业单位的补贴", unsure(REFORM)),
      removed("305", "转移性支出", unsure(REFORM)),
      removed("30501", "不同级政府间转移性支出", unsure(REFORM)),
      removed("30502", "同级政府间转移性支出", unsure(REFORM)),
      removed("306", "赠与", unsure(REFORM)),
      removed("30601", "对国内的赠与", unsure(REFORM)),
      removed("30602", "对国外的赠与", unsure(REFORM)),
      renamed("307", "债务利息支出", "债务利息及费用支出", unsure(REFORM)),
      added("30703", "国内债务发行费用", unsure(REFORM)),
      added("30704", "国外债务发行费用", unsure(REFORM)),
      removed("308", "债务还本支出", unsure(REFORM)),
      removed("30801", "国内债务还本", unsure(REFORM)),
      removed("30802", "国外债务还本", unsure(REFORM)),
      renamed("309", "基本建设支出", "资本性支出（基本建设）", unsure(REFORM)),
      added("30921", "文物和陈列品购置", unsure(REFORM)),
      added("30922", "无形资产购置", unsure(REFORM)),
      renamed("310", "其他资本性支出", "资本性支出", { basis: `${JIANGSU}: 2017 prints 310 其他资本性支出; 2024 and 2025 documents print 310 资本性支出` }),
      removed("31020", "产权参股", unsure(REFORM)),
      added("31021", "文物和陈列品购置", unsure(REFORM)),
      added("31022", "无形资产购置", unsure(REFORM)),
      // 311 keeps its number with another content: 贷款转贷及产权参股 → 对企业补助（基本建设）
      renamed("311", "贷款转贷及产权参股", "对企业补助（基本建设）", unsure(REFORM)),
      renamed("31101", "国内贷款", "资本金注入", unsure(REFORM)),
      removed("31102", "国外贷款", unsure(REFORM)),
      removed("31103", "产权参股", unsure(REFORM)),
      renamed("31199", "其他贷款转贷及产权参股支出", "其他对企业补助", unsure(REFORM)),
      added("312", "对企业补助", unsure(REFORM)),
      added("31201", "资本金注入", unsure(REFORM)),
      added("31203", "政府投资基金股权投资", unsure(REFORM)),
      added("31204", "费用补贴", unsure(REFORM)),
      added("31205", "利息补贴", unsure(REFORM)),
      added("31299", "其他对企业补助", unsure(REFORM)),
      added("313", "对社会保障基金补助", unsure(REFORM)),
      added("31302", "对社会保险基金补助", unsure(REFORM)),
      added("31303", "补充全国社会保障基金", unsure(REFORM)),
    ],
  },
  confirmedLevels: { functional: ["class"], departmentEconomic: ["class"], governmentEconomic: ["class"] },
  supplements: {
    functional: [
      { code: "2040405", name: "公诉、审判、侦查、执行等检察监督支出", basis: "../shared/corpus/jiangsu-3b632816.pdf《2018年省检察院部门预算公开》 p. 16" },
      { code: "2040504", name: "案件审判", basis: "../shared/corpus/jiangsu-f6054e08.pdf《省法院2018年度部门预算公开》 p. 11" },
      { code: "2040505", name: "案件执行", basis: "../shared/corpus/jiangsu-f6054e08.pdf《省法院2018年度部门预算公开》 p. 11" },
    ],
  },
  printed: [
    printedIn("../shared/corpus/jiangsu-ec359fd9.pdf《省人大办公厅2018预算公开》", "201 20101 2010101 2010102 2010104 2010105 2010106 2010107 2010108 2010109 2010199 208 20805 2080504 2080505 2080506 221 22102 2210201 2210202", "301 30101 30102 30103 30108 30109 30112 30113 30114 302 30201 30205 30206 30207 30211 30228 30229 30231 30239 303 30301 30302 30309"),
    printedIn("../shared/corpus/jiangsu-3b632816.pdf《2018年省检察院部门预算公开》", "204 20404 2040401 2040402 2040405 208 20805 2080504 2080505 2080506 221 22102 2210201 2210202", "301 30101 30102 30103 30108 30109 30112 30113 30114 30199 302 30201 30205 30206 30207 30211 30213 30215 30217 30218 30228 30229 30231 30239 30299 303 30301 30302 30309"),
    printedIn("../shared/corpus/jiangsu-6d6672fa.pdf《江苏省委办公厅2018年度部门预算公开表》", "201 20131 2013101 2013102 208 20805 2080504 2080505 2080506 221 22102 2210201 2210202", "301 30101 30102 30103 30107 30108 30109 30112 30113 30114 30199 302 30201 30205 30206 30207 30211 30213 30215 30216 30217 30218 30228 30229 30231 30239 303 30301 30302 30309"),
    printedIn("../shared/corpus/jiangsu-f6054e08.pdf《省法院2018年度部门预算公开》", "204 20405 2040501 2040502 2040503 2040504 2040505 2040599 208 20805 2080504 2080505 2080506 221 22102 2210201 2210202", "301 30101 30102 30103 30107 30108 30109 30112 30113 30114 30199 302 30201 30205 30206 30207 30211 30213 30215 30216 30217 30218 30228 30229 30231 30239 30299 303 30301 30302 30305 30307 30309"),
    printedIn("../shared/corpus/jiangsu-b40ed400.pdf《江苏省政协办公厅2018度部门预算公开表》", "201 20102 2010201 2010202 2010204 2010205 2010299 208 20805 2080504 2080505 2080506 221 22102 2210201 2210202", "301 30101 30102 30103 30107 30108 30109 30113 30114 302 30201 30205 30206 30207 30211 30213 30215 30216 30217 30228 30231 30239 30299 303 30301 30302 30309"),
  ],
};
