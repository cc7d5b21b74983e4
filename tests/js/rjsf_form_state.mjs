// What react-jsonschema-form (RJSF) makes of JSON Schemas with its default settings, computed as its <Form> does
// (createSchemaUtils, then getDefaultFormState and retrieveSchema): for each case, the form state (what the form
// would submit if nobody touched it), the questions it shows (if/then resolved against that state) and the
// validation errors its validator reports.
// Input (JSON file): {"schemas": [...], "cases": [{"schema": i, "formData": {...} | null}]}
// Output (stdout): {"results": [{"state": ..., "shown": [...], "errors": [...]}]}
import { readFileSync } from "node:fs";
import { createSchemaUtils } from "@rjsf/utils";
import validator from "@rjsf/validator-ajv8";

const input = JSON.parse(readFileSync(process.argv[2], "utf8"));
const utils = input.schemas.map((schema) => createSchemaUtils(validator, schema));
const results = input.cases.map((item) => {
  const schema = input.schemas[item.schema];
  const schemaUtils = utils[item.schema];
  const state = schemaUtils.getDefaultFormState(schema, item.formData ?? undefined, false);
  const shown = Object.keys(schemaUtils.retrieveSchema(schema, state).properties || {});
  const { errors } = validator.validateFormData(state, schema);
  return { state: state ?? null, shown, errors: errors.map((error) => error.stack) };
});
process.stdout.write(JSON.stringify({ results }));
