/**
 * 2019: 《2019年政府收支分类科目》, following the 2018 reform of State Council bodies: the 类 207, 210, 215
 * and 220 are renamed, and the new 类 224 灾害防治及应急管理支出 gathers 应急管理, 消防, 森林消防, 煤矿安全,
 * 地震 and 自然灾害 (the 2021 catalog's 224 款, src/core/catalogs/2021/functional.ts). The 类 renames and 224
 * are confirmed; which 款 moved where is as recalled and marked unconfirmed.
 */
import { type YearDefinition, UNSURE, added, moved, removed, renamed, unsure } from "../changes.ts";

const REFORM = "2018年国务院机构改革 as recalled";

export const year2019: YearDefinition = {
  year: 2019,
  edition: "财政部《2019年政府收支分类科目》",
  changes: {
    functional: [
      renamed("207", "文化体育与传媒支出", "文化旅游体育与传媒支出"),
      renamed("210", "医疗卫生与计划生育支出", "卫生健康支出"),
      renamed("215", "资源勘探信息等支出", "资源勘探工业信息等支出"),
      renamed("220", "国土海洋气象等支出", "自然资源海洋气象等支出"),
      added("224", "灾害防治及应急管理支出"),
      moved("21506", "22401", "安全生产监管", "应急管理事务", unsure(REFORM)),
      added("22402", "消防事务", unsure(`${REFORM}: 公安消防部队 → 应急管理部; its earlier code is not encoded`)),
      added("22403", "森林消防事务", unsure(`${REFORM}: 武警森林部队 → 应急管理部`)),
      added("22404", "煤矿安全", UNSURE),
      moved("22004", "22405", "地震事务", "地震事务", unsure(REFORM)),
      added("22406", "自然灾害防治", UNSURE),
      added("22407", "自然灾害救灾及恢复重建支出", UNSURE),
      removed("20815", "自然灾害生活救助", { successor: "22407", ...UNSURE }),
      added("22499", "其他灾害防治及应急管理支出"),

      renamed("20701", "文化", "文化和旅游", unsure(REFORM)),
      removed("20704", "新闻出版广播影视", { successor: "20708", ...unsure(REFORM) }),
      added("20706", "新闻出版电影", unsure(REFORM)),
      added("20708", "广播电视", unsure(REFORM)),
      renamed("20799", "其他文化体育与传媒支出", "其他文化旅游体育与传媒支出"),
      removed("21605", "旅游业管理与服务支出", { successor: "20701", ...unsure(REFORM) }),
      renamed("21001", "医疗卫生与计划生育管理事务", "卫生健康管理事务", unsure(REFORM)),
      renamed("21099", "其他医疗卫生与计划生育支出", "其他卫生健康支出"),
      added("21015", "医疗保障管理事务", unsure(`${REFORM}: 国家医疗保障局`)),
      added("20138", "市场监督管理事务", unsure(`${REFORM}: 国家市场监督管理总局`)),
      removed("20115", "工商行政管理事务", { successor: "20138", ...unsure(REFORM) }),
      removed("20117", "质量技术监督与检验检疫事务", { successor: "20138", ...unsure(REFORM) }),
      removed("21008", "食品和药品监督管理事务", { successor: "20138", ...unsure(REFORM) }),
      added("20828", "退役军人管理事务", unsure(`${REFORM}: 退役军人事务部`)),
      renamed("21301", "农业", "农业农村", unsure(REFORM)),
      renamed("21302", "林业", "林业和草原", unsure(REFORM)),
      renamed("21599", "其他资源勘探信息等支出", "其他资源勘探工业信息等支出"),
      renamed("22001", "国土资源事务", "自然资源事务", unsure(REFORM)),
      removed("22002", "海洋管理事务", { successor: "22001", ...unsure(REFORM) }),
      removed("22003", "测绘事务", { successor: "22001", ...unsure(REFORM) }),
      renamed("22099", "其他国土海洋气象等支出", "其他自然资源海洋气象等支出"),
      renamed("21903", "文化体育与传媒", "文化旅游体育与传媒", UNSURE),
      renamed("21904", "医疗卫生", "卫生健康", UNSURE),
    ],
  },
  confirmedLevels: { functional: ["class"], departmentEconomic: ["class"], governmentEconomic: ["class"] },
};
