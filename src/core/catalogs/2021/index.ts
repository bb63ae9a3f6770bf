/** The built-in 2021 catalog: national lists plus the Henan local extensions. */
import type { CodeList, YearCatalog } from "../../catalog.ts";
import { departmentEconomic2021 } from "./department-economic.ts";
import { functional2021 } from "./functional.ts";
import { governmentEconomic2021 } from "./government-economic.ts";
import { henanLocal2021, henanLocalMapping2021 } from "./henan-local.ts";
import { mapping2021 } from "./mapping.ts";

const departmentEconomicWithLocal: CodeList = {
  source: `${departmentEconomic2021.source}; local: ${henanLocal2021.source}`,
  entries: [...departmentEconomic2021.entries, ...henanLocal2021.entries].sort((a, b) => a.code.localeCompare(b.code)),
};

export const catalog2021: YearCatalog = {
  year: 2021,
  origin: "built-in",
  functional: functional2021,
  departmentEconomic: departmentEconomicWithLocal,
  governmentEconomic: governmentEconomic2021,
  mapping: {
    source: `${mapping2021.source}; local: ${henanLocalMapping2021.source}`,
    rows: [...mapping2021.rows, ...henanLocalMapping2021.rows],
  },
};

export { departmentEconomic2021, functional2021, governmentEconomic2021, henanLocal2021, henanLocalMapping2021, mapping2021 };
