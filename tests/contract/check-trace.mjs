// check-trace.mjs API.yaml TRACE...: every answer in the traces (written by
// `guarantor serve --trace`) checked against the API description, as a
// strict client would read it: the status must be one the operation lists
// (or, for a path no operation has, 404; for a method the path does not
// take, 405 with Allow), the content type one it describes, the headers it
// names present (WWW-Authenticate on a 401, Retry-After on a 429 and a
// 503), and a JSON body valid under its schema with JSON Schema 2020-12's
// semantics (Ajv, strict). Exit 1 with each divergence named, 0 when all
// agree; 2 when the description or a trace cannot be read.
import { readFileSync, realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { dirname, resolve, basename } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import YAML from "yaml";

export function loadContract(apiPath) {
	const doc = YAML.parse(readFileSync(apiPath, "utf8"));
	const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
	addFormats(ajv);
	// OpenAPI 3.1's own keywords beside JSON Schema's
	ajv.addKeyword({ keyword: "example" });
	// the description itself is added as one schema, its parts reached by pointer
	for (const keyword of ["components", "paths"]) ajv.addKeyword({ keyword });
	const apiId = "https://guarantor.invalid/api.yaml";
	ajv.addSchema({ $id: apiId, components: doc.components, paths: doc.paths }, undefined, undefined, false);
	// the schemas api.yaml refers to in other files, by their relative name
	const dir = dirname(apiPath);
	const external = new Set();
	JSON.stringify(doc, (k, v) => {
		if (k === "$ref" && typeof v === "string" && !v.startsWith("#")) external.add(v.split("#")[0]);
		return v;
	});
	for (const file of external) {
		const schema = JSON.parse(readFileSync(resolve(dir, file), "utf8"));
		ajv.addSchema({ ...schema, $id: new URL(file, apiId).href });
	}
	return { doc, ajv, apiId };
}

const pointer = (...parts) => "#/" + parts.map((p) => String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

function deref(doc, obj) {
	while (obj && obj.$ref && obj.$ref.startsWith("#/")) {
		obj = obj.$ref.slice(2).split("/").reduce((o, p) => o[p.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
	}
	return obj;
}

// the path template of doc that url is, literal paths first (OpenAPI 3.1, 4.8.8.2)
function findPath(doc, url) {
	const paths = Object.keys(doc.paths);
	const literal = paths.find((p) => !p.includes("{") && p === url);
	if (literal) return literal;
	return paths.find((p) => p.includes("{") &&
		new RegExp("^" + p.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+") + "$").test(url));
}

const compiled = new Map();
function validatorFor(c, ref) {
	if (!compiled.has(ref)) compiled.set(ref, c.ajv.compile({ $ref: c.apiId + ref }));
	return compiled.get(ref);
}

// The divergences of one exchange {method, url, status, headers, body}.
export function checkExchange(c, x) {
	const problems = [];
	const header = (name) => {
		const k = Object.keys(x.headers || {}).find((h) => h.toLowerCase() === name.toLowerCase());
		return k === undefined ? undefined : x.headers[k];
	};
	const path = findPath(c.doc, x.url);
	const method = (x.method === "HEAD" ? "GET" : x.method).toLowerCase();
	const item = path && c.doc.paths[path];
	let responses;
	let where;
	if (!item) {
		if (x.status !== 404) problems.push(`a path no operation has answered ${x.status}, not 404`);
		responses = { 404: { $ref: "#/components/responses/NotFound" } };
		where = ["components", "responses", "NotFound"];
	} else if (!item[method]) {
		if (x.status !== 405) problems.push(`a method the path does not take answered ${x.status}, not 405`);
		const allow = header("Allow");
		const want = ["get", "post", "put", "patch", "delete"].filter((m) => item[m])
			.flatMap((m) => (m === "get" ? ["GET", "HEAD"] : [m.toUpperCase()]));
		if (!allow) problems.push("405 without Allow");
		else if (allow.split(/,\s*/).sort().join() !== want.sort().join())
			problems.push(`Allow: ${allow}, but the path takes ${want.join(", ")}`);
		responses = { 405: { $ref: "#/components/responses/Bad" } };
	} else {
		responses = item[method].responses;
	}
	const key = String(x.status) in responses ? String(x.status) : "default" in responses ? "default" : null;
	if (!key) {
		problems.push(`status ${x.status} is not among the operation's (${Object.keys(responses).join(", ")})`);
		return problems;
	}
	if (!where) where = ["paths", path ?? "", method, "responses", key];
	let resp = responses[key];
	if (resp.$ref) where = resp.$ref.slice(2).split("/").map((p) => p.replace(/~1/g, "/"));
	resp = deref(c.doc, resp);
	for (const [name, h] of Object.entries(resp.headers || {})) {
		if (deref(c.doc, h).required !== false && header(name) === undefined)
			problems.push(`${x.status} without the ${name} header it describes`);
	}
	if (x.status === 401 && !header("WWW-Authenticate")) problems.push("401 without WWW-Authenticate");
	const type = (header("Content-Type") || "").split(";")[0].trim().toLowerCase();
	const content = resp.content || {};
	if (!(type in content)) {
		problems.push(`Content-Type ${type || "(none)"} is not among the response's (${Object.keys(content).join(", ")})`);
		return problems;
	}
	if (!/json$/.test(type) || x.method === "HEAD") return problems;
	if (typeof x.body !== "string") {
		problems.push("a JSON answer whose body is not in the trace (not UTF-8?)");
		return problems;
	}
	let body;
	try {
		body = JSON.parse(x.body);
	} catch (e) {
		problems.push(`the body is not JSON: ${e.message}`);
		return problems;
	}
	const validate = validatorFor(c, pointer(...where, "content", type, "schema"));
	if (!validate(body)) {
		for (const e of validate.errors.slice(0, 8))
			problems.push(`body${e.instancePath || ""} ${e.message}${e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : e.params && e.params.unevaluatedProperty ? ` (${e.params.unevaluatedProperty})` : ""}`);
	}
	return problems;
}

function main(argv) {
	if (argv.length < 2) {
		console.error("usage: check-trace.mjs API.yaml TRACE...");
		return 2;
	}
	let c;
	try {
		c = loadContract(argv[0]);
	} catch (e) {
		console.error(`check-trace: ${argv[0]}: ${e.message}`);
		return 2;
	}
	let n = 0, bad = 0;
	for (const file of argv.slice(1)) {
		let text;
		try {
			text = readFileSync(file, "utf8");
		} catch (e) {
			console.error(`check-trace: ${e.message}`);
			return 2;
		}
		text.split("\n").forEach((line, i) => {
			if (!line) return;
			let x;
			try {
				x = JSON.parse(line);
			} catch (e) {
				console.error(`${basename(file)}:${i + 1}: not a JSON line: ${e.message}`);
				bad++;
				return;
			}
			n++;
			const problems = checkExchange(c, x);
			if (problems.length) {
				bad++;
				console.error(`${basename(file)}:${i + 1}: ${x.method} ${x.url} ${x.status}: ${problems.join("; ")}`);
			}
		});
	}
	if (bad) console.error(`check-trace: ${bad} of ${n} answers disagree with ${argv[0]}`);
	if (n === 0) console.error("check-trace: the traces hold no answer");
	return bad || n === 0 ? 1 : 0;
}

// run as a program (not imported by web/test/dashboard.mjs)
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href)
	process.exit(main(process.argv.slice(2)));
