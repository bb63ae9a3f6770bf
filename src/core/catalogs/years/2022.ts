/** 2022: 《2022年政府收支分类科目》. 扶贫 gives way to 巩固脱贫衔接乡村振兴 (year as recalled). */
import { type YearDefinition, UNSURE, renamed } from "../changes.ts";

export const year2022: YearDefinition = {
  year: 2022,
  edition: "财政部《2022年政府收支分类科目》（未逐条核对：沿用2021年，仅列已知变动）",
  changes: {
    functional: [
      renamed("21305", "扶贫", "巩固脱贫衔接乡村振兴", UNSURE),
      renamed("2130599", "其他扶贫支出", "其他巩固脱贫衔接乡村振兴支出", UNSURE),
    ],
  },
  confirmedLevels: { functional: [], departmentEconomic: [], governmentEconomic: [] },
};
