/**
 * 2021: the base year, written out in full (src/core/catalogs/2021/); every other year is derived from it
 * through the change lists. Its 类 and 款 are complete as far as its sources allow; its 项 only for common
 * 款 (a 项 it lacks is not known not to exist). No change from 2020 is known for certain. The codes its own
 * files mark doubtful are unconfirmed.
 */
import type { YearDefinition } from "../changes.ts";

export const year2021: YearDefinition = {
  year: 2021,
  edition: "财政部《2021年政府收支分类科目》（src/core/catalogs/2021/ 各文件注明来源）",
  changes: {},
  confirmedLevels: { functional: ["class", "section"], departmentEconomic: ["class", "section"], governmentEconomic: ["class", "section"] },
  doubtful: {
    functional: ["2010305"],
    departmentEconomic: ["30311", "31304", "39909", "39910"],
    governmentEconomic: ["50401", "50402", "50403", "50404", "50405", "50499", "51004", "59909", "59910"],
  },
};
