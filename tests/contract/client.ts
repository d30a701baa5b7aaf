// client.ts: a client generated from docs/api.yaml (openapi-typescript's
// types, openapi-fetch's calls) signs in with a token, posts a report and
// reads it back, as a user's own program would. Compiled with tsc --strict
// against the generated types by contract.sh client, so that a description
// that no longer fits what a client sends or reads fails to compile; run
// against a live guarantor serve (GT_API, GT_TOKEN_MONITOR, GT_TOKEN_ANALYST).
import createClient from "openapi-fetch";
import type { paths, components } from "./api.js";

type Report = components["schemas"]["Report"];

const base = process.env.GT_API ?? "";
const monitor = createClient<paths>({ baseUrl: base, headers: { Authorization: `Bearer ${process.env.GT_TOKEN_MONITOR}` } });
const analyst = createClient<paths>({ baseUrl: base, headers: { Authorization: `Bearer ${process.env.GT_TOKEN_ANALYST}` } });

function fail(what: string): never {
	console.error(`client: ${what}`);
	process.exit(1);
}

const report: Report = {
	id: "client-1",
	observed: { from: "2026-01-10T10:00:00Z", to: "2026-01-10T10:05:00Z" },
	reported: "2026-01-10T11:00:00Z",
	position: { lon: 37.7, lat: 48.0, precision_m: 200 },
	observer: "team 1",
	source: "patrol",
	event: "explosion",
	weapon: "artillery",
	count: 4,
	text: "four rounds, north-west of the crossing",
};

const posted = await monitor.POST("/api/v1/reports", { body: report });
if (posted.error || posted.response.status !== 201) fail(`POST /api/v1/reports: ${posted.response.status} ${JSON.stringify(posted.error)}`);
const ack: components["schemas"]["Ack"] = posted.data;
if (ack.id !== report.id || ack.created !== true) fail(`the answer ${JSON.stringify(ack)}`);

const again = await monitor.POST("/api/v1/reports", { body: report });
if (again.response.status !== 200 || again.data?.created !== false) fail(`resent: ${again.response.status}`);

const bad = await analyst.POST("/api/v1/reports", { body: report });
if (bad.response.status !== 403 || !bad.error?.error.message) fail(`an analyst posting: ${bad.response.status}`);

const read = await analyst.GET("/api/v1/reports", { params: { query: { from: "2026-01-10T00:00:00Z", to: "2026-01-11T00:00:00Z", limit: 10 } } });
if (read.error) fail(`GET /api/v1/reports: ${read.response.status} ${JSON.stringify(read.error)}`);
const stored = read.data.reports.find((r) => r.id === report.id);
if (!stored) fail("the report is not in the list");
const { seq, account, ...rest } = stored;
if (typeof seq !== "number" || account !== "kt1") fail(`seq ${seq}, account ${account}`);
if (JSON.stringify(rest) !== JSON.stringify(report)) fail(`read back ${JSON.stringify(rest)}, sent ${JSON.stringify(report)}`);

const one = await analyst.GET("/api/v1/events/{id}", { params: { path: { id: 999 } } });
if (one.response.status !== 404 || !one.error?.error.message) fail(`event 999: ${one.response.status}`);

console.log(`client: posted ${report.id} (seq ${seq}) and read it back as sent`);
