/** 2026: 《2026年政府收支分类科目》. No change is encoded: the year is 2025 carried over, unconfirmed. */
import type { YearDefinition } from "../changes.ts";

export const year2026: YearDefinition = {
  year: 2026,
  edition: "财政部《2026年政府收支分类科目》（未逐条核对：沿用2025年）",
  changes: {},
  confirmedLevels: { functional: [], departmentEconomic: [], governmentEconomic: [] },
};
