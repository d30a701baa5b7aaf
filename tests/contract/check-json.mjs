// check-json.mjs SCHEMA DEF FILE...: each JSON file validated against the
// $defs/DEF of SCHEMA (docs/results.schema.json) with JSON Schema 2020-12's
// semantics (Ajv, strict), DEF "-" for the schema as a whole. Exit 1 naming
// each divergence, 0 when every file is valid, 2 when a file cannot be read.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";

const [schemaPath, def, ...files] = process.argv.slice(2);
if (!schemaPath || !def || files.length === 0) {
	console.error("usage: check-json.mjs SCHEMA DEF|- FILE...");
	process.exit(2);
}
let validate;
try {
	const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
	const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
	ajv.addSchema(schema);
	validate = ajv.compile({ $ref: def === "-" ? schema.$id : `${schema.$id}#/$defs/${def}` });
} catch (e) {
	console.error(`check-json: ${schemaPath}: ${e.message}`);
	process.exit(2);
}
let bad = 0;
for (const file of files) {
	let doc;
	try {
		doc = JSON.parse(readFileSync(file, "utf8"));
	} catch (e) {
		console.error(`check-json: ${file}: ${e.message}`);
		process.exit(2);
	}
	if (validate(doc)) {
		console.log(`check-json: ${basename(file)}: valid as ${def === "-" ? "a guarantor output" : def}`);
		continue;
	}
	bad++;
	for (const e of validate.errors.slice(0, 10))
		console.error(`check-json: ${basename(file)}${e.instancePath}: ${e.message}` +
			(e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""));
}
process.exit(bad ? 1 : 0);
