/**
 * Local extensions of the 部门预算支出经济分类 seen in the Henan (洛阳) sample: a local 款 (30104) and
 * 7-digit sub-items under national 款. Sub-items map through their 5-digit parent; only the local 款
 * needs its own mapping rows.
 */
import type { CodeList, MappingTable } from "../../catalog.ts";

export const henanLocal2021: CodeList = {
  source: "洛阳市洛龙区2021年部门预算（样本）所用地方细化科目",
  entries: [
    // a local 款: reported as 30103 奖金 where only national 款 are printed (like 30103, it maps to 50101/50501)
    { code: "30104", name: "年度目标考核奖", national: "30103" },
    { code: "3010201", name: "工作性津贴" },
    { code: "3010202", name: "生活性补贴" },
    { code: "3010203", name: "其他津贴补贴" },
    { code: "3010204", name: "在职人员文明奖" },
    { code: "3010205", name: "在职人员取暖补贴" },
    { code: "3010206", name: "保留物价补贴" },
    { code: "3010701", name: "基础性绩效工资" },
    { code: "3010702", name: "奖励性绩效工资" },
    { code: "3011201", name: "工伤保险" },
    // not printed in the sample; the usual third member of Henan's 其他社会保障缴费 split
    { code: "3011202", name: "生育保险" },
    { code: "3011203", name: "失业保险" },
  ],
};

export const henanLocalMapping2021: MappingTable = {
  source: "洛阳市洛龙区2021年部门预算（样本）表11; 30104 is 工资奖金津补贴 like 30103 奖金",
  rows: [
    { department: "30104", scope: "administrative", government: "50101" },
    { department: "30104", scope: "institution", government: "50501" },
  ],
};
