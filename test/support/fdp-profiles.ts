/**
 * The Frictionless Data profiles' published JSON Schemas (test/fixtures/fdp-profiles, sources in SOURCE.md)
 * checked with Ajv (draft-04): what a Fiscal Data Package must pass.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ajvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";

// CommonJS modules whose class and plugin are their `default` export
const Ajv = ajvDraft04.default;
const addFormats = ajvFormats.default;

const PROFILES = "test/fixtures/fdp-profiles";
const profile = (name: string) => JSON.parse(readFileSync(join(PROFILES, `${name}.json`), "utf8")) as object;

/** Ajv for the draft-04 profiles; `textarea` is an editor hint in them, not a format to check. */
function profileValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addFormat("textarea", true);
  return {
    dataPackage: ajv.compile(profile("data-package")),
    fiscalDataPackage: ajv.compile(profile("fiscal-data-package")),
    tabularDataResource: ajv.compile(profile("tabular-data-resource")),
    tableSchema: ajv.compile(profile("table-schema")),
  };
}

/** Every profile's verdict on a package (an empty list: valid everywhere). */
export function profileErrors(pkg: { resources: { schema: object }[] }): string[] {
  const v = profileValidator();
  const errors: string[] = [];
  const run = (name: string, f: ((d: unknown) => boolean) & { errors?: unknown }, data: unknown) => {
    if (!f(data)) errors.push(`${name}: ${JSON.stringify(f.errors).slice(0, 400)}`);
  };
  run("data-package", v.dataPackage, pkg);
  run("fiscal-data-package", v.fiscalDataPackage, pkg);
  for (const r of pkg.resources) {
    run("tabular-data-resource", v.tabularDataResource, r);
    run("table-schema", v.tableSchema, r.schema);
  }
  return errors;
}

