/* daily.c: the monitoring mission's daily report as JSON, CSV, GeoJSON and
 * a self-contained HTML page, in the manner of the OSCE SMM's daily
 * reports: a numbered report for a fixed period, a headline with the
 * counts against the period before, counts by sector, type and side, the
 * breaches, and the verified events (docs/monitor.md, "Daily report"). */
#include "guarantor/render.h"
#include "render/render_json.h"
#include "render/text.h"
#include "util/thousands.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static void stamp(int64_t t, char out[32])
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static json_t *jtime(int64_t t)
{
	char buf[32];
	stamp(t, buf);
	return json_string(buf);
}

static const char *side_name(const struct gt_scenario *sc, int side)
{
	return side > 0 ? sc->monitoring.left : sc->monitoring.right;
}

static const char *sector_name(const struct gt_scenario *sc, int id)
{
	const struct gt_sector *s = gt_scenario_sector(sc, id);
	return s ? s->name : "";
}

/* "The mission recorded 57 ceasefire violations in 4 events, including 55
 * explosions; in the previous reporting period, 3." */
void gt_render_daily_headline(const struct gt_daily *d, char *out, size_t size)
{
	char a[32], b[32], c[32], p[32];
	snprintf(out, size,
	         "The mission recorded %s ceasefire violation%s in %s event%s, including %s "
	         "explosion%s; in the previous reporting period it recorded %s.",
	         gt_render_thousands(d->total.violations, a), d->total.violations == 1 ? "" : "s",
	         gt_render_thousands(d->total.events, b), d->total.events == 1 ? "" : "s",
	         gt_render_thousands(d->by_type[GT_EVENT_EXPLOSION].violations, c),
	         d->by_type[GT_EVENT_EXPLOSION].violations == 1 ? "" : "s",
	         gt_render_thousands(d->previous.violations, p));
	if (d->held.events > 0) {
		size_t used = strlen(out);
		snprintf(out + used, size - used,
		         " %s event%s reporting %s violation%s %s held for review and not counted.",
		         gt_render_thousands(d->held.events, a), d->held.events == 1 ? "" : "s",
		         gt_render_thousands(d->held.violations, b),
		         d->held.violations == 1 ? "" : "s", d->held.events == 1 ? "is" : "are");
	}
}

static json_t *tally_json(struct gt__jb *jb, const struct gt_tally *t)
{
	json_t *o = json_object();
	gt__jput(jb, o, "events", json_integer(t->events));
	gt__jput(jb, o, "violations", json_integer(t->violations));
	gt__jput(jb, o, "verified_events", json_integer(t->verified_events));
	gt__jput(jb, o, "verified_violations", json_integer(t->verified_violations));
	return o;
}

static json_t *types_json(struct gt__jb *jb, const struct gt_tally *t)
{
	json_t *o = json_object();
	for (int k = 0; k < GT_EVENT_COUNT; k++)
		gt__jput(jb, o, gt_event_type_name((enum gt_event_type)k), tally_json(jb, &t[k]));
	return o;
}

static json_t *event_props(struct gt__jb *jb, const struct gt_scenario *sc,
                           const struct gt_event *e, json_t *o)
{
	char grade[2] = {e->grade, '\0'};
	gt__jput(jb, o, "id", json_integer(e->id));
	gt__jput(jb, o, "from", jtime(e->from));
	gt__jput(jb, o, "to", jtime(e->to));
	gt__jput(jb, o, "event", json_string(gt_event_type_name(e->event)));
	if (e->weapon != GT_WEAPON_NONE)
		gt__jput(jb, o, "weapon", json_string(gt_weapon_name(e->weapon)));
	gt__jput(jb, o, "count", json_integer(e->count));
	gt__jput(jb, o, "grade", json_string(grade));
	gt__jput(jb, o, "observers", json_integer(e->observers));
	gt__jput(jb, o, "accounts", json_integer(e->accounts));
	gt__jput(jb, o, "sector", json_integer(e->sector));
	gt__jput(jb, o, "sector_name", json_string(sector_name(sc, e->sector)));
	gt__jput(jb, o, "side", json_string(side_name(sc, e->side)));
	gt__jput(jb, o, "distance_km", json_real(e->offset_km));
	gt__jput(jb, o, "radius_km", json_real(e->radius_km));
	return o;
}

static json_t *breach_json(struct gt__jb *jb, const struct gt_scenario *sc,
                           const struct gt_breach *b)
{
	json_t *o = json_object();
	gt__jput(jb, o, "id", json_integer(b->id));
	gt__jput(jb, o, "threshold", json_string(b->threshold));
	for (size_t i = 0; i < sc->monitoring.nthresholds; i++)
		if (strcmp(sc->monitoring.thresholds[i].name, b->threshold) == 0)
			gt__jput(jb, o, "text", json_string(sc->monitoring.thresholds[i].text));
	gt__jput(jb, o, "sector", b->sector ? json_integer(b->sector) : json_null());
	gt__jput(jb, o, "at", jtime(b->at));
	gt__jput(jb, o, "total", json_integer(b->total));
	gt__jput(jb, o, "status", json_string(gt_breach_status_name(b->status)));
	return o;
}

enum gt_status gt_render_daily_json(const struct gt_scenario *sc, const struct gt_daily *d,
                                    char **json)
{
	struct gt__jb jb = {false};
	json_t *root = json_object(), *rep = json_object(), *period = json_object();
	char headline[400], year[5];
	memcpy(year, d->day, 4);
	year[4] = '\0';
	gt__jput(&jb, rep, "number", json_integer(d->number));
	gt__jput(&jb, rep, "year", json_integer(strtol(year, NULL, 10)));
	gt__jput(&jb, rep, "day", json_string(d->day));
	gt__jput(&jb, period, "from", jtime(d->from));
	gt__jput(&jb, period, "to", jtime(d->to));
	gt__jput(&jb, rep, "period", period);
	gt__jput(&jb, root, "report", rep);
	gt_render_daily_headline(d, headline, sizeof(headline));
	gt__jput(&jb, root, "headline", json_string(headline));
	gt__jput(&jb, root, "total", tally_json(&jb, &d->total));
	gt__jput(&jb, root, "previous", tally_json(&jb, &d->previous));
	gt__jput(&jb, root, "held", tally_json(&jb, &d->held));
	gt__jput(&jb, root, "by_type", types_json(&jb, d->by_type));
	json_t *sides = json_object();
	gt__jput(&jb, sides, sc->monitoring.left, tally_json(&jb, &d->sides[0]));
	gt__jput(&jb, sides, sc->monitoring.right, tally_json(&jb, &d->sides[1]));
	gt__jput(&jb, root, "sides", sides);
	json_t *sectors = json_array();
	for (size_t k = 0; k < d->nsectors && k < sc->nsectors; k++) {
		json_t *o = json_object();
		struct gt_tally sum = {0};
		for (int t = 0; t < GT_EVENT_COUNT; t++) {
			const struct gt_tally *c = &d->cells[k * GT_EVENT_COUNT + (size_t)t];
			sum.events += c->events;
			sum.violations += c->violations;
			sum.verified_events += c->verified_events;
			sum.verified_violations += c->verified_violations;
		}
		gt__jput(&jb, o, "id", json_integer(sc->sectors[k].id));
		gt__jput(&jb, o, "name", json_string(sc->sectors[k].name));
		gt__jput(&jb, o, "line", json_string(sc->theatre.lines[sc->sectors[k].line].name));
		gt__jput(&jb, o, "from_km", json_real(sc->sectors[k].from_km));
		gt__jput(&jb, o, "to_km", json_real(sc->sectors[k].to_km));
		gt__jput(&jb, o, "total", tally_json(&jb, &sum));
		gt__jput(&jb, o, "by_type", types_json(&jb, &d->cells[k * GT_EVENT_COUNT]));
		gt__jappend(&jb, sectors, o);
	}
	gt__jput(&jb, root, "sectors", sectors);
	json_t *br = json_array(), *ev = json_array();
	for (size_t i = 0; i < d->nbreaches; i++)
		gt__jappend(&jb, br, breach_json(&jb, sc, &d->breaches[i]));
	for (size_t i = 0; i < d->nevents; i++)
		gt__jappend(&jb, ev, event_props(&jb, sc, &d->events[i], json_object()));
	gt__jput(&jb, root, "breaches", br);
	gt__jput(&jb, root, "events", ev);
	json_t *audit = json_object();
	gt__jput(&jb, audit, "entries", json_integer(d->audit_entries));
	gt__jput(&jb, audit, "head", json_string(d->audit_head));
	gt__jput(&jb, root, "audit", audit);
	return gt__render_json_dump(&jb, root, json);
}

enum gt_status gt_render_daily_geojson(const struct gt_scenario *sc, const struct gt_daily *d,
                                       char **json)
{
	struct gt__jb jb = {false};
	json_t *root = json_object(), *features = json_array();
	gt__jput(&jb, root, "type", json_string("FeatureCollection"));
	for (size_t i = 0; i < d->nevents; i++) {
		const struct gt_event *e = &d->events[i];
		struct gt_point at = {e->lon, e->lat};
		gt__jappend(&jb, features,
		            gt__geojson_feature(&jb, gt__geojson_point(&jb, at),
		                                event_props(&jb, sc, e, json_object())));
	}
	gt__jput(&jb, root, "features", features);
	return gt__render_geojson_dump(&jb, root, json);
}

/* Long form: one row per sector and type, every one, so that days line up
 * in a time series. */
enum gt_status gt_render_daily_csv(FILE *out, const struct gt_scenario *sc,
                                   const struct gt_daily *d)
{
	fputs("day,sector,sector_name,event,events,violations,verified_events,verified_violations\n",
	      out);
	for (size_t k = 0; k < d->nsectors && k < sc->nsectors; k++)
		for (int t = 0; t < GT_EVENT_COUNT; t++) {
			const struct gt_tally *c = &d->cells[k * GT_EVENT_COUNT + (size_t)t];
			fprintf(out, "%s,%d,", d->day, sc->sectors[k].id);
			gt__csv_field(out, sc->sectors[k].name);
			fprintf(out, ",%s,%ld,%ld,%ld,%ld\n", gt_event_type_name((enum gt_event_type)t),
			        c->events, c->violations, c->verified_events, c->verified_violations);
		}
	return ferror(out) ? GT_E_IO : GT_OK;
}

static const char *const css =
	"body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;max-width:1000px;margin:2em "
	"auto;padding:0 1em;color:#1a1a1a;line-height:1.45}"
	"h1{font-size:1.5em;margin-bottom:.1em}h2{border-bottom:2px solid #1f4e79;padding-bottom:"
	".15em;font-size:1.15em;margin-top:1.6em}.period{color:#555;margin-top:0}"
	".headline{font-size:1.1em;background:#eef3f8;padding:.6em .8em;border-left:4px solid "
	"#1f4e79}table{border-collapse:collapse;margin:.6em 0;font-size:.9em}"
	"th,td{border:1px solid #ccc;padding:.25em .5em;text-align:right}th:first-child,"
	"td:first-child{text-align:left}th{background:#f2f2f2}tr.total td{font-weight:bold}"
	"td.t{text-align:left}"
	".pic{max-width:100%;height:auto;border:1px solid #ddd}.note{color:#555;font-size:.9em}"
	"@media print{body{max-width:none;margin:0}h2{break-after:avoid}table,img{break-inside:"
	"avoid}}";

static void cell(FILE *out, long recorded, long verified)
{
	char a[32], b[32];
	if (recorded == 0)
		fputs("<td>&ndash;</td>", out);
	else
		fprintf(out, "<td>%s <span class=\"note\">(%s)</span></td>",
		        gt_render_thousands(recorded, a), gt_render_thousands(verified, b));
}

enum gt_status gt_render_daily_html(FILE *out, const struct gt_scenario *sc,
                                    const struct gt_daily *d)
{
	char from[32], to[32], headline[400], year[5];
	stamp(d->from, from);
	stamp(d->to, to);
	memcpy(year, d->day, 4);
	year[4] = '\0';
	gt_render_daily_headline(d, headline, sizeof(headline));
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	             "<title>Daily report %d/%s</title>\n<style>%s</style>\n</head>\n<body>\n",
	        d->number, year, css);
	fprintf(out, "<h1>Daily report %d/%s</h1>\n<p class=\"period\">Based on information "
	             "received as of %s, covering %s to %s (UTC). Scenario: ",
	        d->number, year, to, from, to);
	gt__html_esc(out, sc->title ? sc->title : sc->name);
	fprintf(out, ".</p>\n<p class=\"headline\">");
	gt__html_esc(out, headline);
	fputs("</p>\n<p class=\"note\">Violations are what observers counted (an event's count is "
	      "the most any one observer counted); events are reports correlated into one "
	      "occurrence. In brackets: of which verified by analysts.</p>\n",
	      out);
	char *svg = NULL;
	enum gt_status st = gt_render_daily_map_svg(sc, d, 960, 560, &svg);
	/* a build without Cairo says so in the page; anything else fails it */
	if (st != GT_OK && st != GT_E_UNSUPPORTED)
		return st;
	gt__html_picture(out, st, svg, "Map of the day's verified events along the line");
	/* sectors with anything to report, and the totals */
	fputs("<h2>By sector and type</h2>\n<table>\n<tr><th>sector</th>", out);
	for (int t = 0; t < GT_EVENT_COUNT; t++)
		fprintf(out, "<th>%s</th>", gt_event_type_name((enum gt_event_type)t));
	fputs("<th>all</th></tr>\n", out);
	size_t shown = 0;
	const struct gt_theatre *th = &sc->theatre;
	struct gt_tally line_sum[GT_EVENT_COUNT + 1];
	for (size_t k = 0; k < d->nsectors && k < sc->nsectors; k++) {
		const struct gt_line *ln = &th->lines[sc->sectors[k].line];
		if (k == ln->first_sector)
			memset(line_sum, 0, sizeof(line_sum));
		struct gt_tally sum = {0};
		for (int t = 0; t < GT_EVENT_COUNT; t++) {
			const struct gt_tally *c = &d->cells[k * GT_EVENT_COUNT + (size_t)t];
			sum.violations += c->violations;
			sum.verified_violations += c->verified_violations;
			line_sum[t].violations += c->violations;
			line_sum[t].verified_violations += c->verified_violations;
		}
		line_sum[GT_EVENT_COUNT].violations += sum.violations;
		line_sum[GT_EVENT_COUNT].verified_violations += sum.verified_violations;
		if (sum.violations > 0) {
			shown++;
			fputs("<tr><td>", out);
			gt__html_esc(out, sc->sectors[k].name);
			fputs(" <span class=\"note\">(", out);
			if (th->nlines > 1) {
				gt__html_esc(out, ln->name);
				fputs(", ", out);
			}
			fprintf(out, "km %.0f&ndash;%.0f)</span></td>", sc->sectors[k].from_km,
			        sc->sectors[k].to_km);
			for (int t = 0; t < GT_EVENT_COUNT; t++) {
				const struct gt_tally *c = &d->cells[k * GT_EVENT_COUNT + (size_t)t];
				cell(out, c->violations, c->verified_violations);
			}
			cell(out, sum.violations, sum.verified_violations);
			fputs("</tr>\n", out);
		}
		/* with several lines, each line's own total after its sectors */
		if (th->nlines > 1 && k + 1 == ln->first_sector + ln->nsectors) {
			fputs("<tr class=\"total\"><td>all of ", out);
			gt__html_esc(out, ln->name);
			fputs("</td>", out);
			for (int t = 0; t <= GT_EVENT_COUNT; t++)
				cell(out, line_sum[t].violations, line_sum[t].verified_violations);
			fputs("</tr>\n", out);
		}
	}
	fputs("<tr class=\"total\"><td>all sectors</td>", out);
	for (int t = 0; t < GT_EVENT_COUNT; t++)
		cell(out, d->by_type[t].violations, d->by_type[t].verified_violations);
	cell(out, d->total.violations, d->total.verified_violations);
	fputs("</tr>\n</table>\n", out);
	if (!shown)
		fputs("<p class=\"note\">No violations were recorded in any sector.</p>\n", out);
	fputs("<h2>By side of the line</h2>\n<table>\n<tr><th>side</th><th>events</th>"
	      "<th>violations</th></tr>\n",
	      out);
	for (int k = 0; k < 2; k++) {
		fputs("<tr><td>", out);
		gt__html_esc(out, k == 0 ? sc->monitoring.left : sc->monitoring.right);
		fputs("</td>", out);
		cell(out, d->sides[k].events, d->sides[k].verified_events);
		cell(out, d->sides[k].violations, d->sides[k].verified_violations);
		fputs("</tr>\n", out);
	}
	fputs("</table>\n<h2>Breaches of the agreed thresholds</h2>\n", out);
	if (!d->nbreaches)
		fputs("<p>No threshold was crossed.</p>\n", out);
	else
		fputs("<table>\n<tr><th>breach</th><th>threshold</th><th>sector</th><th>crossed at</th>"
		      "<th>total</th><th>status</th></tr>\n",
		      out);
	for (size_t i = 0; i < d->nbreaches; i++) {
		const struct gt_breach *b = &d->breaches[i];
		char at[32], tot[32];
		stamp(b->at, at);
		fprintf(out, "<tr><td>%lld</td><td>", (long long)b->id);
		const char *text = b->threshold;
		for (size_t k = 0; k < sc->monitoring.nthresholds; k++)
			if (strcmp(sc->monitoring.thresholds[k].name, b->threshold) == 0)
				text = sc->monitoring.thresholds[k].text;
		gt__html_esc(out, text);
		fputs("</td><td>", out);
		gt__html_esc(out, b->sector ? sector_name(sc, b->sector)
		                            : sc->theatre.nlines > 1 ? "all lines" : "whole line");
		fprintf(out, "</td><td>%s</td><td>%s</td><td>%s</td></tr>\n", at,
		        gt_render_thousands(b->total, tot), gt_breach_status_name(b->status));
	}
	if (d->nbreaches)
		fputs("</table>\n", out);
	fputs("<h2>Verified events</h2>\n", out);
	if (!d->nevents)
		fputs("<p>No event of this period has been verified yet.</p>\n", out);
	else
		fputs("<table>\n<tr><th>event</th><th>began</th><th>type</th><th>count</th>"
		      "<th>sector</th><th>side</th><th>from the line</th><th>grade</th>"
		      "<th>observers</th><th>accounts</th></tr>\n",
		      out);
	for (size_t i = 0; i < d->nevents; i++) {
		const struct gt_event *e = &d->events[i];
		char at[32], cnt[32];
		stamp(e->from, at);
		fprintf(out, "<tr><td>%lld</td><td class=\"t\">%s</td><td class=\"t\">%s%s%s</td>"
		             "<td>%s</td><td class=\"t\">",
		        (long long)e->id, at, gt_event_type_name(e->event),
		        e->weapon != GT_WEAPON_NONE ? ", " : "",
		        e->weapon != GT_WEAPON_NONE ? gt_weapon_name(e->weapon) : "",
		        gt_render_thousands(e->count, cnt));
		gt__html_esc(out, sector_name(sc, e->sector));
		fputs("</td><td class=\"t\">", out);
		gt__html_esc(out, side_name(sc, e->side));
		fprintf(out, "</td><td>%.1f km</td><td>%c</td><td>%d</td><td>%d</td></tr>\n",
		        e->offset_km, e->grade, e->observers, e->accounts);
	}
	if (d->nevents)
		fputs("</table>\n", out);
	fputs("<p class=\"note\">Grades, by the accounts the reports came from: A, three or "
	      "more, or two with reports of different kinds of which one saw it; B, two; C, one "
	      "(docs/monitor.md).</p>\n",
	      out);
	fprintf(out,
	        "<p class=\"note\">The mission's audit chain held %lld entries when this report "
	        "was made; the last has the hash <code>%s</code>. Anyone holding the store can "
	        "check that nothing up to there was changed or removed: <code>guarantor audit "
	        "verify --head %lld:%s</code>. Written by guarantor.</p>\n</body>\n</html>\n",
	        (long long)d->audit_entries, d->audit_head[0] ? d->audit_head : "(none)",
	        (long long)d->audit_entries, d->audit_head);
	return ferror(out) ? GT_E_IO : GT_OK;
}
