/**
 * 支出性质 — line items and control figures accept every nature of the model (model.ts `NATURES`): Jiangsu's
 * 单位预留机动经费 (reserve) and 结转下年资金 (carry-forward) beside 基本支出 and 项目支出. The list is written
 * here as it stood when this migration shipped (a migration never changes after it ships).
 */
import { sqlMigration } from "./run-sql.ts";

const NATURES_SQL = "('basic', 'project', 'reserve', 'carry-forward')";

export default sqlMigration([
  `alter table line_items drop constraint line_items_nature_check`,
  `alter table line_items add constraint line_items_nature_check check (nature in ${NATURES_SQL})`,
  `alter table control_figures drop constraint control_figures_nature_check`,
  `alter table control_figures add constraint control_figures_nature_check check (nature in ${NATURES_SQL})`,
]);
