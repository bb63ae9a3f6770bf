/** 2023: 《2023年政府收支分类科目》. No change is encoded: the year is 2022 carried over, unconfirmed. */
import type { YearDefinition } from "../changes.ts";

export const year2023: YearDefinition = {
  year: 2023,
  edition: "财政部《2023年政府收支分类科目》（未逐条核对：沿用2022年）",
  changes: {},
  confirmedLevels: { functional: [], departmentEconomic: [], governmentEconomic: [] },
};
