/**
 * 2020: 《2020年政府收支分类科目》. The new 类 234 抗疫特别国债安排的支出 (the 2020 special treasury bonds).
 * The renaming of 20805 行政事业单位离退休 → 行政事业单位养老支出 (printed as 离退休 by the Jiangsu 2017 and
 * 2018 documents, as 养老支出 by the Shanghai 2024 and 2025 ones) is placed here as recalled, unconfirmed; so
 * are the economic 款 the 2021 catalog already marks doubtful.
 */
import { type YearDefinition, UNSURE, added, removed, renamed } from "../changes.ts";

export const year2020: YearDefinition = {
  year: 2020,
  edition: "财政部《2020年政府收支分类科目》",
  changes: {
    functional: [
      added("234", "抗疫特别国债安排的支出"),
      added("23401", "基础设施建设", UNSURE),
      added("23402", "抗疫相关支出", UNSURE),
      renamed("20805", "行政事业单位离退休", "行政事业单位养老支出", UNSURE),
      renamed("2080501", "归口管理的行政单位离退休", "行政单位离退休", UNSURE),
      removed("2080504", "未归口管理的行政单位离退休", { successor: "2080501", ...UNSURE }),
      renamed("2080599", "其他行政事业单位离退休支出", "其他行政事业单位养老支出", UNSURE),
      added("2080507", "对机关事业单位基本养老保险基金的补助", UNSURE),
    ],
    departmentEconomic: [
      added("30311", "代缴社会保险费", UNSURE),
      added("31304", "对机关事业单位职业年金的补助", UNSURE),
      added("39909", "经常性赠与", UNSURE),
      added("39910", "资本性赠与", UNSURE),
    ],
    governmentEconomic: [
      added("51004", "对机关事业单位职业年金的补助", UNSURE),
      added("59909", "经常性赠与", UNSURE),
      added("59910", "资本性赠与", UNSURE),
    ],
  },
  confirmedLevels: { functional: ["class"], departmentEconomic: ["class"], governmentEconomic: ["class"] },
};
