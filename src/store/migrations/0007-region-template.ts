/**
 * 公开模板 of a region: the template its departments' documents are published in (a registry id of
 * src/core/templates). Existing regions keep Henan's, which they were published in until now.
 */
import { sqlMigration } from "./run-sql.ts";

export default sqlMigration([`alter table regions add column disclosure_template text not null default 'henan13'`]);
