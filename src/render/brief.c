/* brief.c: the self-contained HTML brief written by `guarantor plan`:
 * summary in words and numbers, chart, maps, breakdowns, assumptions and
 * validation against history. Pictures are embedded as data: URIs so the
 * file needs no network and SVG ids from different pictures never clash. */
#include "guarantor/render.h"
#include "guarantor/plan.h"
#include "render/text.h"
#include "util/thousands.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Embeds an SVG picture, or says why there is none. */
static void picture(FILE *out, enum gt_status st, char *svg, const char *alt)
{
	gt__html_picture(out, st, svg, alt);
}

static const char *const css =
	"body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;max-width:1100px;margin:2em "
	"auto;padding:0 1em;color:#1a1a1a;line-height:1.45}"
	"h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:2px solid #1f4e79;padding-bottom:"
	".2em;margin-top:2em}h3{margin-bottom:.3em}"
	".sub{color:#555;margin-top:0}table{border-collapse:collapse;margin:.8em 0;font-size:"
	".92em}th,td{border-bottom:1px solid #ddd;padding:.3em .6em;text-align:left}td.n,th.n{"
	"text-align:right;font-variant-numeric:tabular-nums}th{background:#f1f4f8}"
	"tr.total td{font-weight:bold;border-top:2px solid #999}"
	".pic{max-width:100%;height:auto;border:1px solid #e3e3e3}"
	".grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:1em}"
	".note{color:#555;font-size:.9em}.opt{margin:.4em 0}.opt b{color:#1f4e79}"
	".ci{color:#777;font-size:.85em}"
	".findings li,.caveats li{margin:.25em 0}.caveats{color:#333;font-size:.92em}"
	"@media print{body{max-width:none;margin:0;font-size:10pt}"
	"h1,h2,h3{break-after:avoid}h2{margin-top:1.2em}"
	".pic,li,tr{break-inside:avoid}p{orphans:3;widows:3}}";

static void summary_sentence(FILE *out, const struct gt_sizing_option *r)
{
	const struct gt_option *o = r->option;
	char a[32], b[32];
	fputs("<p class=\"opt\"><b>", out);
	gt__html_esc(out, o->title);
	fprintf(out, "</b>: %s people deployed at any one time, %s committed to sustain them "
	             "through rotations. ",
	        gt__thousands(r->deployed, a), gt__thousands(r->committed, b));
	bool ground = o->posture == GT_POSTURE_LINE || o->posture == GT_POSTURE_BUFFER ||
	              o->posture == GT_POSTURE_DEPTH;
	const char *the_line = r->nlines > 1 ? "the lines" : "the line";
	if (o->posture == GT_POSTURE_LINE || o->posture == GT_POSTURE_BUFFER)
		fprintf(out, "A %s force along %.0f km of %s (%s troops on %s). ",
		        gt_posture_name(o->posture), r->line_km, the_line,
		        gt__thousands(r->line_troops, a),
		        r->nlines > 1 ? "the lines themselves" : "the line itself");
	else if (o->posture == GT_POSTURE_DEPTH && o->nsectors > 0)
		fprintf(out, "Held in depth behind %.0f km of %s (%s troops)", r->line_km, the_line,
		        gt__thousands(r->line_troops, a));
	if (o->posture == GT_POSTURE_DEPTH && o->ngarrisons > 0)
		fprintf(out, "%s in %zu garrison%s (%s troops). ",
		        o->nsectors > 0 ? " and" : "Kept back from the line,", o->ngarrisons,
		        o->ngarrisons == 1 ? "" : "s", gt__thousands(r->garrison_troops, a));
	else if (o->posture == GT_POSTURE_DEPTH)
		fputs(". ", out);
	else if (!ground)
		fputs("No foreign ground troops. ", out);
	if (r->fighters || r->aew_aircraft)
		fprintf(out, "%ld fighters for %d patrol station%s, %ld AEW aircraft%s. ",
		        r->fighters, o->patrol_stations, o->patrol_stations == 1 ? "" : "s",
		        r->aew_aircraft, r->tankers ? " and tankers" : "");
	if (r->ships)
		fprintf(out, "%ld ships at sea. ", r->ships);
	if (r->trainers)
		fprintf(out, "%s trainers. ", gt__thousands(r->trainers, a));
	if (r->monitors) {
		fprintf(out, "%s monitors", gt__thousands(r->monitors, a));
		/* where they watch, line by line */
		for (size_t l = 0; r->nlines > 1 && l < r->nlines; l++) {
			fprintf(out, "%s%s on ", l ? ", " : " (", gt__thousands(r->lines[l].monitors, a));
			gt__html_esc(out, r->lines[l].line->name);
			fprintf(out, ", %.2f per km", r->lines[l].monitors_per_km);
		}
		fputs(r->nlines > 1 ? "). " : ". ", out);
	}
	if (o->backstop_provider[0]) {
		fprintf(out, "Backstop by %s (", o->backstop_provider);
		for (size_t i = 0; i < o->nbackstop_elements; i++) {
			fputs(i ? ", " : "", out);
			gt__html_esc(out, o->backstop_elements[i]);
		}
		fputs(").", out);
	}
	fputs("</p>\n", out);
}

static void summary_table(FILE *out, const struct gt_sizing *sz)
{
	char a[32];
	fputs("<table><tr><th>option</th><th>posture</th><th class=n>ground</th><th "
	      "class=n>air</th><th class=n>naval</th><th class=n>trainers</th><th "
	      "class=n>monitors</th><th class=n>deployed</th><th class=n>committed</th><th "
	      "class=n>aircraft</th><th class=n>ships</th></tr>\n",
	      out);
	for (size_t i = 0; i < sz->noptions; i++) {
		const struct gt_sizing_option *r = &sz->options[i];
		fputs("<tr><td>", out);
		gt__html_esc(out, r->option->title);
		fprintf(out, "</td><td>%s</td>", gt_posture_name(r->option->posture));
		long v[] = {r->ground,   r->air_personnel, r->naval_personnel, r->trainers,
		            r->monitors, r->deployed,      r->committed,       r->fighters + r->aew_aircraft + r->tankers,
		            r->ships};
		for (size_t k = 0; k < sizeof(v) / sizeof(v[0]); k++)
			fprintf(out, "<td class=n>%s</td>", gt__thousands(v[k], a));
		fputs("</tr>\n", out);
	}
	fputs("</table>\n", out);
}

static void breakdown(FILE *out, const struct gt_sizing *sz, const struct gt_sizing_option *r)
{
	const struct gt_rotation *rot = &sz->scenario->doctrine.rotation;
	char a[32], b[32];
	fputs("<h3>", out);
	gt__html_esc(out, r->option->title);
	fputs("</h3>\n", out);
	if (r->option->summary) {
		fputs("<p>", out);
		gt__html_esc(out, r->option->summary);
		fputs("</p>\n", out);
	}
	fputs("<table><tr><th>component</th><th class=n>deployed</th><th class=n>rotation</th><th "
	      "class=n>committed</th></tr>\n",
	      out);
	struct {
		const char *label;
		long dep;
		double rot;
		long com;
	} rows[] = {
		{"line troops", r->line_troops, 0, 0},
		{"garrisons", r->garrison_troops, 0, 0},
		{"reserve / quick reaction", r->reserve, 0, 0},
		{"enablers and logistics", r->enablers, 0, 0},
		{"headquarters", r->hq, 0, 0},
		{"ground force", r->ground, rot->ground, r->committed_ground},
		{"air personnel", r->air_personnel, rot->air, r->committed_air},
		{"naval personnel", r->naval_personnel, rot->naval, r->committed_naval},
		{"trainers", r->trainers, rot->training, r->committed_training},
		{"monitors", r->monitors, rot->monitoring, r->committed_monitoring},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		fprintf(out, "<tr><td>%s</td><td class=n>%s</td>", rows[i].label,
		        gt__thousands(rows[i].dep, a));
		if (rows[i].rot > 0)
			fprintf(out, "<td class=n>&times;%.1f</td><td class=n>%s</td></tr>\n",
			        rows[i].rot, gt__thousands(rows[i].com, b));
		else
			fputs("<td></td><td></td></tr>\n", out);
	}
	fprintf(out,
	        "<tr class=total><td>total</td><td class=n>%s</td><td></td><td "
	        "class=n>%s</td></tr></table>\n",
	        gt__thousands(r->deployed, a), gt__thousands(r->committed, b));
}

static void assumptions(FILE *out, const struct gt_scenario *s)
{
	const struct gt_doctrine *d = &s->doctrine;
	fputs("<p>Troops per km of line for a line posture, by terrain and threat. Buffer and "
	      "depth postures scale these by ",
	      out);
	fprintf(out, "%.2f and %.2f.</p>\n", d->posture_factor[GT_POSTURE_BUFFER],
	        d->posture_factor[GT_POSTURE_DEPTH]);
	fputs("<table><tr><th>terrain</th>", out);
	for (int t = 0; t < GT_THREAT_COUNT; t++)
		fprintf(out, "<th class=n>%s threat</th>", gt_threat_name((enum gt_threat)t));
	fputs("</tr>\n", out);
	for (int te = 0; te < GT_TERRAIN_COUNT; te++) {
		fprintf(out, "<tr><td>%s</td>", gt_terrain_name((enum gt_terrain)te));
		for (int t = 0; t < GT_THREAT_COUNT; t++)
			fprintf(out, "<td class=n>%g</td>", d->density[te][t]);
		fputs("</tr>\n", out);
	}
	fputs("</table>\n<table><tr><th>factor</th><th class=n>value</th></tr>\n", out);
	struct {
		const char *label;
		double v;
	} rows[] = {
		{"reserve as a share of line and garrison troops", d->reserve_share},
		{"enablers and logistics as a share of the manoeuvre force", d->enabler_share},
		{"headquarters as a share of manoeuvre force and enablers", d->hq_share},
		{"rotation ratio, ground (committed per deployed)", d->rotation.ground},
		{"rotation ratio, air", d->rotation.air},
		{"rotation ratio, naval", d->rotation.naval},
		{"rotation ratio, training", d->rotation.training},
		{"rotation ratio, monitoring", d->rotation.monitoring},
		{"AEW orbit height, m", d->aew_altitude_m},
		{"low-flying target height for radar coverage, m", d->target_low_m},
		{"high-flying target height for radar coverage, m", d->target_high_m},
		{"ground alert, minutes from order to airborne", d->alert_minutes},
		{"reach of the adversary's air defences beyond the line, km", d->sam_range_km},
		{"ships per naval task group", d->ships_per_task_group},
		{"personnel per ship", d->personnel_per_ship},
		{"monitors per km (observer missions)", d->observer_per_km},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		fprintf(out, "<tr><td>%s</td><td class=n>%g</td></tr>\n", rows[i].label, rows[i].v);
	fputs("</table>\n<p class=note>Each value's source, or its label as an assumption, is "
	      "written beside it in the scenario file (<code>guarantor scenario export</code>); "
	      "the equations are in docs/model-sizing.md and docs/model-air.md; aircraft "
	      "figures are in the aircraft catalogue (<code>guarantor air --list</code>).</p>\n",
	      out);
}

static void sectors(FILE *out, const struct gt_scenario *s)
{
	fputs("<table><tr><th>sector</th><th class=n>from km</th><th class=n>to km</th><th>near</th>"
	      "<th>terrain</th><th>threat</th><th class=n>line troops per km</th></tr>\n",
	      out);
	const struct gt_theatre *th = &s->theatre;
	for (size_t i = 0; i < s->nsectors; i++) {
		const struct gt_sector *sec = &s->sectors[i];
		const struct gt_line *ln = &th->lines[sec->line];
		/* with several lines, each line's sectors under its name: km are
		 * along that line */
		if (th->nlines > 1 && i == ln->first_sector) {
			fputs("<tr><th colspan=7>", out);
			gt__html_esc(out, ln->name);
			fprintf(out, " (%s, %.0f km)</th></tr>\n",
			        ln->role == GT_LINE_BORDER ? "a border to watch" : "a line of contact",
			        ln->km);
		}
		fputs("<tr><td>", out);
		gt__html_esc(out, sec->name);
		fprintf(out, "</td><td class=n>%.0f</td><td class=n>%.0f</td><td>", sec->from_km,
		        sec->to_km);
		gt__html_esc(out, sec->near);
		fprintf(out, "</td><td>%s</td><td>%s</td><td class=n>%g</td></tr>\n",
		        gt_terrain_name(sec->terrain), gt_threat_name(sec->threat),
		        s->doctrine.density[sec->terrain][sec->threat]);
	}
	fputs("</table>\n", out);
}

static void validation(FILE *out, const struct gt_validation *v)
{
	char a[32], b[32];
	size_t within = (size_t)lround(v->share_within_factor_2 * (double)v->n);
	fprintf(out,
	        "<p>The same model, applied to %zu historical missions, predicts their strength "
	        "with a median error of a factor of %.2f (median |log<sub>10</sub> error| %.3f); "
	        "%zu of %zu fall within a factor of two. Sizing by line length says nothing of "
	        "how many troops a mission <em>should</em> have had; it shows whether the "
	        "planning factors are in the range that history used.</p>\n",
	        v->n, pow(10, v->median_abs_log10_error), v->median_abs_log10_error, within, v->n);
	fputs("<table><tr><th>mission</th><th>posture</th><th>threat</th><th class=n>line "
	      "km</th><th class=n>actual</th><th class=n>predicted</th><th class=n>log<sub>10</sub> "
	      "error</th></tr>\n",
	      out);
	for (size_t i = 0; i < v->n; i++) {
		const struct gt_validation_row *r = &v->rows[i];
		fputs("<tr><td>", out);
		gt__html_esc(out, r->mission->name);
		fprintf(out,
		        "</td><td>%s</td><td>%s</td><td class=n>%.0f</td><td class=n>%s</td><td "
		        "class=n>%s</td><td class=n>%+.2f</td></tr>\n",
		        gt_posture_name(r->mission->posture), gt_threat_name(r->mission->threat),
		        r->mission->line_km, gt__thousands(lround(r->mission->troops), a),
		        gt__thousands(lround(r->predicted), b), r->log10_error);
	}
	fputs("</table>\n", out);
}

/* The reason part of a gap's explanation: after its first sentence, which
 * names the role and its numbers. */
static const char *reason_of(const char *why)
{
	const char *dot = strstr(why, ". ");
	return dot ? dot + 2 : "";
}

/* The gaps of one option, roles with the same reason together, so that a
 * reason is written once however many sectors share it. */
static void gap_list(FILE *out, const struct gt_forcegen *fg)
{
	bool *done = calloc(fg->nroles + 1, sizeof(*done));
	fputs("<ul>\n", out);
	for (size_t r = 0; r < fg->nroles; r++) {
		const char *why = fg->roles[r].why;
		if (!why || (done && done[r]))
			continue;
		fputs("<li>", out);
		for (size_t k = r, n = 0; k < fg->nroles; k++) {
			const char *w = fg->roles[k].why;
			if (!w || (done && done[k]) || strcmp(reason_of(w), reason_of(why)) != 0)
				continue;
			if (done)
				done[k] = true;
			const char *dot = strstr(w, ". ");
			fputs(n++ ? "; " : "", out);
			/* the role and its numbers, without the sentence's full stop */
			char head[200];
			snprintf(head, sizeof(head), "%.*s", dot ? (int)(dot - w) : (int)strlen(w), w);
			gt__html_esc(out, head);
			if (!done)
				break; /* out of memory: one role a line, as written */
		}
		fputs(". ", out);
		gt__html_esc(out, reason_of(why));
		fputs("</li>\n", out);
	}
	fputs("</ul>\n", out);
	free(done);
}

/* Force generation: who supplies what, the gaps in words, and who holds
 * each sector through the rotations. */
static void forcegen(FILE *out, const struct gt_results *res)
{
	char a[32], b[32], *svg = NULL;
	enum gt_status st;
	fputs("<p>Each member's offer, as read from its public statements (assumptions, listed "
	      "with their basis in the scenario file), matched to the roles each option needs: a "
	      "mixed-integer programme that first minimises the gaps, then shares the burden by "
	      "each member's weight, then keeps few nations in each sector "
	      "(docs/model-forcegen.md).</p>\n<table><tr><th>option</th><th>solver</th><th "
	      "class=n>people required</th><th class=n>as raised</th><th class=n>short</th>"
	      "<th>lead nations</th></tr>\n",
	      out);
	for (size_t i = 0; i < res->nforcegen; i++) {
		const struct gt_forcegen *fg = res->forcegen[i];
		const struct gt_sizing_option *so = fg->option;
		long raised = res->raised ? res->raised[so - res->sizing->options].deployed : 0;
		fputs("<tr><td>", out);
		gt__html_esc(out, so->option->title);
		fprintf(out, "</td><td>%s</td><td class=n>%s</td>", fg->status,
		        gt__thousands(so->deployed, a));
		if (res->raised)
			fprintf(out, "<td class=n>%s</td><td class=n>%s</td><td>",
			        gt__thousands(raised, a), gt__thousands(so->deployed - raised, b));
		else
			fputs("<td class=n>&ndash;</td><td class=n>&ndash;</td><td>", out);
		bool seen[64] = {false}, first = true;
		for (size_t r = 0; r < fg->nroles; r++) {
			int l = fg->roles[r].lead;
			if (l < 0 || l >= 64 || seen[l])
				continue;
			seen[l] = true;
			fprintf(out, "%s%s", first ? "" : ", ", fg->members[l].member->code);
			first = false;
		}
		fputs("</td></tr>\n", out);
	}
	fprintf(out, "</table>\n<p class=note>People as sizing counts them. Force generation "
	             "fills whole companies of %s people, so each land role it fills holds up to "
	             "one company more than sizing asks for; the chart below counts the people of "
	             "those whole companies, and the gaps below whole units.</p>\n",
	        gt__thousands(lround(res->sizing->scenario->forcegen.company_strength), a));
	st = gt_render_contribution_svg(res->forcegen, res->nforcegen, 900,
	                                140 + 50 * (double)res->nforcegen, &svg);
	picture(out, st, svg, "People deployed by member and option");
	for (size_t i = 0; i < res->nforcegen; i++) {
		const struct gt_forcegen *fg = res->forcegen[i];
		bool gaps = false, sectors = gt_render_rotation_rows(fg) > 0;
		for (size_t r = 0; r < fg->nroles; r++)
			gaps = gaps || fg->roles[r].why;
		if (!gaps && !sectors)
			continue;
		fputs("<h3>", out);
		gt__html_esc(out, fg->option->option->title);
		fputs("</h3>\n", out);
		if (gaps)
			gap_list(out, fg);
		else
			fputs("<p>Every role is filled.</p>\n", out);
		if (sectors) {
			size_t rows = gt_render_rotation_rows(fg);
			st = gt_render_rotation_svg(fg, 900, 60 + 24 * (double)rows, &svg);
			picture(out, st, svg, "Rotation schedule");
		}
	}
}

/* Each flagged station of each umbrella, once, and why (model-air.md,
 * "Flags"), in the words of the air table's notes. */
static void flagged_posts(FILE *out, const struct gt_results *res)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	if (!mem)
		return;
	for (size_t i = 0; i < res->nair; i++) {
		const struct gt_air_plan *pl = res->air[i].plan;
		for (size_t k = 0; pl && k < pl->nposts; k++) {
			const struct gt_air_post *p = &pl->posts[k];
			bool seen = false; /* the same post in an earlier umbrella */
			for (size_t j = 0; j < i && !seen; j++)
				for (size_t q = 0; q < res->air[j].plan->nposts && !seen; q++)
					seen = strcmp(res->air[j].plan->posts[q].name, p->name) == 0 &&
					       res->air[j].plan->posts[q].flags == p->flags;
			if (p->flags && !seen)
				gt_render_air_flags(mem, res->air[i].scenario, p->name, p->aircraft, p->at,
				                    &p->need, p->flags);
		}
	}
	if (fclose(mem) == 0 && len > 0) {
		fputs("<p class=note>Stations to look at again:</p>\n<ul class=note>\n", out);
		char *save = NULL;
		for (char *line = strtok_r(text, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save)) {
			fputs("<li>", out);
			gt__html_esc(out, line + strspn(line, " !"));
			fputs("</li>\n", out);
		}
		fputs("</ul>\n", out);
	}
	free(text);
}

/* The first air result with an assessment, or NULL: plans without one
 * have nothing to show here. */
static const struct gt_air_result *first_assessed(const struct gt_results *res)
{
	for (size_t i = 0; i < res->nair; i++)
		if (res->air[i].assessment)
			return &res->air[i];
	return NULL;
}

/* Air umbrellas: a row per option, then each option's map. */
static void air(FILE *out, const struct gt_results *res)
{
	char a[32], lo[32], hi[32];
	const struct gt_air_params *p = &first_assessed(res)->assessment->params;
	bool own = res->sizing->scenario->theatre.in_country_bases;
	fprintf(out,
	        "<p>Patrol stations are placed over the largest cities behind a standoff from %s "
	        "and held around the clock from %s (docs/model-air.md). Coverage counts the share "
	        "of the country that AEW and ground radars see, for targets at %s m and %s m; "
	        "reaction is the minutes for the nearest patrol, or an alert pair airborne %.0f "
	        "minutes after the order, to reach each point; exposure is the share of fighters' "
	        "airborne time within %.0f km of %s, inside the adversary's air "
	        "defences.</p>\n",
	        gt__nearest_line(&res->sizing->scenario->theatre),
	        own ? "allied bases and the defended country's own on the ground it holds; AEW "
	              "aircraft orbit over those bases"
	            : "allied bases; AEW aircraft orbit over allied bases, outside the defended "
	              "country",
	        gt__thousands(lround(p->target_low_m), lo), gt__thousands(lround(p->target_high_m), hi),
	        p->alert_minutes, p->sam_range_km, gt__a_line(&res->sizing->scenario->theatre));
	for (size_t i = 0; i < res->nair; i++) {
		const struct gt_air_plan *pl = res->air[i].plan;
		if (!pl || !(pl->standoff_km < pl->standoff_wanted_km))
			continue;
		fputs("<p class=note><b>", out);
		gt__html_esc(out, pl->option->title);
		fprintf(out, ":</b> the default stand-off of %.0f km (the air defences' assumed reach "
		             "and its margin) leaves no room for its %d patrol stations on the ground the "
		             "defender holds, so they keep %.0f km from the nearest line, inside that "
		             "reach: their fighters are exposed, as the table shows. Set "
		             "<code>air.standoff_km</code> or place the stations to choose otherwise.</p>\n",
		        pl->standoff_wanted_km, pl->option->patrol_stations, pl->standoff_km);
	}
	fputs("<table><tr><th>option</th><th class=n>fighters</th><th class=n>AEW</th><th "
	      "class=n>tankers</th><th class=n>sorties a day</th><th class=n>people</th><th "
	      "class=n>radar cover, low</th><th class=n>within 20 min</th><th class=n>exposed</th>"
	      "</tr>\n",
	      out);
	for (size_t i = 0; i < res->nair; i++) {
		const struct gt_air_plan *pl = res->air[i].plan;
		const struct gt_air_assessment *as = res->air[i].assessment;
		if (!as)
			continue;
		fputs("<tr><td>", out);
		gt__html_esc(out, pl->option->title);
		fprintf(out,
		        "</td><td class=n>%ld</td><td class=n>%ld</td><td class=n>%ld</td><td "
		        "class=n>%.0f</td><td class=n>%s</td><td class=n>%.0f%%</td>",
		        pl->fighters, pl->aew_aircraft, pl->tankers, pl->sorties_per_day,
		        gt__thousands(pl->personnel, a), 100 * as->low.share);
		if (as->reaction.nsources)
			fprintf(out, "<td class=n>%.0f%%</td>", 100 * as->reaction.within[1]);
		else
			fputs("<td class=n>none</td>", out);
		fprintf(out, "<td class=n>%.0f%%</td></tr>\n", 100 * as->exposure.share);
	}
	fputs("</table>\n", out);
	flagged_posts(out, res);
	for (size_t i = 0; i < res->nair; i++) {
		if (!res->air[i].assessment)
			continue;
		char *svg = NULL;
		enum gt_status st = gt_render_air_map_svg(&res->air[i], 900, 640, &svg);
		picture(out, st, svg, res->air[i].plan->option->title);
	}
}

static void share_cell(FILE *out, struct gt_sim_share s)
{
	if (isfinite(s.p))
		fprintf(out, "<td class=n>%.1f%% <span class=ci>(%.1f–%.1f)</span></td>", 100 * s.p,
		        100 * s.lo, 100 * s.hi);
	else
		fputs("<td class=n>–</td>", out);
}

/* The parameter named name if it differs from the built-in calibration,
 * or NULL. */
static const struct gt_sim_param_diff *differs(const struct gt_sim_calibration *c,
                                               const char *name)
{
	for (size_t i = 0; c && i < c->n; i++)
		if (strcmp(c->differs[i].name, name) == 0)
			return &c->differs[i];
	return NULL;
}

static void param_value(FILE *out, double v, const char *text)
{
	if (text)
		fputs(text, out);
	else
		fprintf(out, "%g", v);
}

/* What the simulation's parameters rest on: the built-in calibration
 * unchanged, or the parameters that differ from it, each with its built-in
 * value and the value used. Nothing when they were not compared. */
static void calibration(FILE *out, const struct gt_sim_calibration *c)
{
	static const char *const record =
		"with no guarantee 45% of ceasefires fail within ten years and peacekeepers cut the "
		"hazard to about a third, as the record of past wars suggests (docs/validation.md)";
	if (!c)
		return;
	if (c->n == 0) {
		fprintf(out, "<p>The parameters are the built-in ones, calibrated so that %s.</p>\n",
		        record);
		return;
	}
	fprintf(out, "<p>The scenario's simulation parameters differ from the built-in "
	             "calibration in %zu place%s, listed below: these figures rest on the "
	             "scenario's own values. Under the built-in calibration, %s; with these values "
	             "that need not hold.</p>\n",
	        c->n, c->n == 1 ? "" : "s", record);
	fputs("<table class=calibration><tr><th>parameter</th><th>what it is</th><th "
	      "class=n>built-in</th><th class=n>used</th></tr>\n",
	      out);
	for (size_t i = 0; i < c->n; i++) {
		const struct gt_sim_param_diff *d = &c->differs[i];
		fputs("<tr><td><code>", out);
		gt__html_esc(out, d->name);
		fputs("</code></td><td>", out);
		gt__html_esc(out, d->words);
		fputs("</td><td class=n>", out);
		param_value(out, d->builtin, d->builtin_text);
		fputs("</td><td class=n>", out);
		param_value(out, d->used, d->used_text);
		fputs("</td></tr>\n", out);
	}
	fputs("</table>\n", out);
}

/* The simulation: a row per option, the survival curves, and what drives
 * them. */
static void simulation(FILE *out, const struct gt_results *res)
{
	const struct gt_sim_params *p = &res->sizing->scenario->simulation;
	const struct gt_sim_results *sim = res->sim;
	const struct gt_sim_calibration *cal = sim->calibration;
	char a[32];
	fprintf(out,
	        "<p>%s simulated histories of %d years per option (seed %llu): each day the "
	        "adversary may violate the ceasefire, probe, manufacture a pretext or attack; "
	        "monitors may see a breach; the contributing governments decide under the "
	        "option's rule whether to answer; unanswered breaches embolden the adversary and "
	        "erode the coalition, answered ones may escalate (docs/model-sim.md).</p>\n",
	        gt__thousands(sim->n ? (long)sim->options[0].counts->runs : p->runs, a), sim->years,
	        (unsigned long long)sim->seed);
	calibration(out, cal);
	bool raised = sim->n > 0 && sim->options[0].input->basis == GT_SIM_RAISED;
	fprintf(out,
	        "<p>Each option is simulated with %s. The first row is the reference: the same "
	        "ceasefire with no foreign force, monitors, backstop or voters. The hazard ratio "
	        "is an option's average hazard of collapse over the horizon against it "
	        "(0.5: half as likely to collapse at any time).</p>\n",
	        raised ? "the force the coalition can actually raise (force generation): its "
	                 "ground troops, monitors, the patrol stations its fighters can hold and "
	                 "the governments that contribute forces as voters"
	               : "the force sizing requires, as if fully raised");
	fputs("<table><tr><th>option</th><th class=n>troops simulated</th><th class=n>collapse "
	      "in 1 year</th><th class=n>in 2 years</th><th class=n>in 5 years</th><th "
	      "class=n>hazard ratio</th><th class=n>breaches answered</th><th class=n>not "
	      "answered</th><th class=n>escalation</th><th class=n>coalition splits</th></tr>\n",
	      out);
	const struct gt_sim_counts *ref = sim->baseline ? sim->baseline->counts : NULL;
	/* the reference first, then the options */
	size_t first = ref ? 0 : 1;
	for (size_t k = first; k <= sim->n; k++) {
		const struct gt_sim_report *r = k == 0 ? sim->baseline : &sim->options[k - 1];
		struct gt_sim_summary s;
		gt_sim_summarise(r->counts, &s);
		fputs("<tr><td>", out);
		if (k == 0)
			fputs("<i>No guarantee (reference)</i>", out);
		else
			gt__html_esc(out, res->sizing->options[k - 1].option->title);
		fprintf(out, "</td><td class=n>%s</td>", gt__thousands(lround(r->input->troops), a));
		for (int y = 0; y < 3; y++)
			share_cell(out, s.collapse[y]);
		double hr = ref && !r->input->baseline ? gt_sim_hazard_ratio(r->counts, ref) : NAN;
		if (isfinite(hr))
			fprintf(out, "<td class=n>%.2f</td>", hr);
		else
			fputs(r->input->baseline ? "<td class=n>1</td>" : "<td class=n>&ndash;</td>", out);
		fprintf(out, "<td class=n>%.2f</td><td class=n>%.2f</td>", s.answered_per_run,
		        s.unanswered_per_run);
		share_cell(out, s.escalation);
		share_cell(out, s.split);
		fputs("</tr>\n", out);
	}
	/* the option with the most voters shows what unanimity costs */
	size_t most = 0;
	for (size_t i = 1; i < sim->n; i++)
		if (sim->options[i].input->nmembers > sim->options[most].input->nmembers)
			most = i;
	size_t k = sim->options[most].input->nmembers;
	fputs("</table>\n<p class=note>Breaches are counted per history over the horizon.", out);
	if (k > 1 && sim->options[most].input->rules.rule == GT_DECIDE_UNANIMITY) {
		fputs(" Under unanimity every contributing government must agree: ", out);
		gt__html_esc(out, res->sizing->options[most].option->title);
		fprintf(out, " has %zu, and if each is %.0f%% willing an answer comes %.0f%% of the "
		             "time.",
		        k, 100 * p->resolve, 100 * pow(p->resolve, (double)k));
	}
	fputs("</p>\n", out);
	char *svg = NULL;
	enum gt_status st = gt_render_survival_svg(sim, 900, 420, &svg);
	picture(out, st, svg, "Share of simulated histories in which the ceasefire holds");
	/* the parameters the outcome leans on most (guarantor sensitivity
	 * ranks them for any option) */
	struct {
		const char *name, *label;
		double v;
		const char *unit;
	} rows[] = {
		{"offensive_per_year", "major offensives a year with no guarantee",
		 p->offensive_per_year, ""},
		{"beta_troops", "what troops deter: log-hazard per ln(1 + troops / 10,000)",
		 p->beta_troops, ""},
		{"gamma_belief", "what an answering coalition's credibility deters", p->gamma_belief,
		 ""},
		{"belief_start", "credibility at the start", p->belief_start, ""},
		{"resolve", "a government's willingness to approve an answer", p->resolve, ""},
		{"decision_days", "days to decide, on average", p->decision_days, " days"},
		{"deadline_days", "deadline for a decision", p->deadline_days, " days"},
		{"backstop_reliability", "reliability of the backstop when invoked",
		 p->backstop_reliability, ""},
	};
	fputs("<h3>Assumptions behind these figures</h3>\n<table><tr><th>parameter</th><th "
	      "class=n>value</th></tr>\n",
	      out);
	bool marked = false;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct gt_sim_param_diff *d = differs(cal, rows[i].name);
		fprintf(out, "<tr><td>%s</td><td class=n>%g%s", rows[i].label, rows[i].v,
		        rows[i].unit);
		if (d)
			fprintf(out, " (built-in %g)", d->builtin);
		fputs("</td></tr>\n", out);
		marked = marked || d;
	}
	fputs("</table>\n<p class=note>", out);
	if (cal && cal->n > 0)
		fprintf(out, "The built-in values are each sourced, calibrated or labelled an "
		             "assumption in the built-in scenario (<code>guarantor scenario "
		             "export</code>); the %s scenario's own, and the calibration does not "
		             "vouch for %s. ",
		        marked ? "values shown with a built-in value beside them are this"
		               : "parameters that differ from them (above) are this",
		        marked ? "them" : "those");
	else
		fputs("Each is sourced, calibrated or labelled an assumption in the scenario file. ",
		      out);
	fputs("<code>guarantor sensitivity --option NAME</code> shows which move an option's "
	      "outcome most (a tornado chart), and docs/validation.md how the built-in parameters "
	      "were calibrated against the record of past ceasefires.</p>\n",
	      out);
}

/* The air result of option o, if it has one assessed. */
static const struct gt_air_result *air_of(const struct gt_results *res, const struct gt_option *o)
{
	for (size_t i = 0; i < res->nair; i++)
		if (res->air[i].plan && res->air[i].plan->option == o && res->air[i].assessment)
			return &res->air[i];
	return NULL;
}

/* Collapse within 5 years of a report, or NAN. */
static double collapse5_of(const struct gt_sim_report *r)
{
	return r ? gt_sim_collapse_within(r->counts, 5) : NAN;
}

/* ... of option i on the basis shown (other: on the other basis). */
static double collapse5(const struct gt_results *res, size_t i, bool other)
{
	if (!res->sim || i >= res->sim->n || (other && !res->sim->other))
		return NAN;
	return collapse5_of(other ? &res->sim->other[i] : &res->sim->options[i]);
}

static void pct_cell(FILE *out, double p)
{
	if (isnan(p))
		fputs("<td class=n>&ndash;</td>", out);
	else
		fprintf(out, "<td class=n>%.1f%%</td>", 100 * p);
}

/* The options side by side: what each needs, whether the coalition can
 * supply it, what the air umbrella reaches, how likely it is to hold. */
static void side_by_side(FILE *out, const struct gt_results *res)
{
	const struct gt_sizing *sz = res->sizing;
	const struct gt_sim_results *sim = res->sim;
	bool raised_first = !sim || sim->n == 0 || sim->options[0].input->basis == GT_SIM_RAISED;
	char a[32], b[32];
	fputs("<table class=side><tr><th>option</th><th class=n>deployed: required</th>"
	      "<th class=n>as raised</th><th class=n>committed</th><th class=n>fighters</th>"
	      "<th class=n>ground held reached in 20 min</th><th class=n>collapse within 5 years: "
	      "as raised</th><th class=n>if fully raised</th></tr>\n",
	      out);
	if (sim && sim->baseline) {
		fputs("<tr><td><i>No guarantee (reference)</i></td><td class=n>0</td><td class=n>0"
		      "</td><td class=n>0</td><td class=n>0</td><td class=n>&ndash;</td>",
		      out);
		pct_cell(out, collapse5_of(sim->baseline));
		pct_cell(out, collapse5_of(sim->baseline));
		fputs("</tr>\n", out);
	}
	for (size_t i = 0; i < sz->noptions; i++) {
		const struct gt_sizing_option *r = &sz->options[i];
		const struct gt_air_result *air = air_of(res, r->option);
		fputs("<tr><td>", out);
		gt__html_esc(out, r->option->title);
		fprintf(out, "</td><td class=n>%s</td>", gt__thousands(r->deployed, a));
		if (res->raised)
			fprintf(out, "<td class=n>%s</td>", gt__thousands(res->raised[i].deployed, b));
		else
			fputs("<td class=n>&ndash;</td>", out);
		fprintf(out, "<td class=n>%s</td><td class=n>%ld</td>", gt__thousands(r->committed, a),
		        r->fighters);
		if (air && air->assessment->reaction.nsources)
			fprintf(out, "<td class=n>%.0f%%</td>", 100 * air->assessment->reaction.within[1]);
		else
			fputs("<td class=n>&ndash;</td>", out);
		pct_cell(out, collapse5(res, i, !raised_first));
		pct_cell(out, collapse5(res, i, raised_first));
		fputs("</tr>\n", out);
	}
	fputs("</table>\n<p class=note>Deployed: people in theatre at any one time, as sizing "
	      "requires them and as the coalition's offers raise them (force generation); "
	      "committed: the people rotations take to keep the required force there. Collapse "
	      "as raised simulates the force that can be raised; if fully raised, the force "
	      "required.</p>\n",
	      out);
}

/* What the table says, in plain words: the smallest option, the one most
 * likely to hold, the coalition's gaps. */
static void findings(FILE *out, const struct gt_results *res)
{
	const struct gt_sizing *sz = res->sizing;
	const struct gt_sim_results *sim = res->sim;
	if (!sz->noptions)
		return;
	char a[32], b[32];
	fputs("<ul class=findings>\n", out);
	/* what no guarantee risks */
	if (sim && sim->baseline)
		fprintf(out, "<li><b>With no guarantee</b>, the ceasefire collapses within five "
		             "years in %.1f%% of simulated histories.</li>\n",
		        100 * collapse5_of(sim->baseline));
	/* what can be raised, and what cannot */
	if (res->raised) {
		bool full = false, some = false;
		fputs("<li><b>What the coalition can raise.</b> Its members' offers fill ", out);
		for (size_t i = 0; i < sz->noptions; i++) {
			if (res->raised[i].deployed < sz->options[i].deployed)
				continue;
			fputs(full ? ", " : "", out);
			gt__html_esc(out, sz->options[i].option->title);
			full = true;
		}
		fputs(full ? "" : "no option", out);
		for (size_t i = 0; i < sz->noptions; i++) {
			long need = sz->options[i].deployed, got = res->raised[i].deployed;
			if (got >= need)
				continue;
			fputs(some ? "; " : ". They raise ", out);
			fprintf(out, "%s of the %s people ", gt__thousands(got, a), gt__thousands(need, b));
			gt__html_esc(out, sz->options[i].option->title);
			fprintf(out, " needs (%.0f%%)", 100.0 * (double)got / (double)need);
			some = true;
		}
		fputs(".</li>\n", out);
	}
	/* the most likely to hold, as raised and if fully raised */
	size_t safe = 0, safe_full = 0, small = 0;
	for (size_t i = 1; i < sz->noptions; i++) {
		if (collapse5(res, i, false) < collapse5(res, safe, false))
			safe = i;
		if (collapse5(res, i, true) < collapse5(res, safe_full, true))
			safe_full = i;
		if (sz->options[i].deployed < sz->options[small].deployed)
			small = i;
	}
	if (sim && sim->n == sz->noptions && !isnan(collapse5(res, safe, false))) {
		bool raised = sim->options[0].input->basis == GT_SIM_RAISED;
		fputs("<li><b>Most likely to hold", out);
		fputs(raised ? ", as it can be raised:</b> " : ", if fully raised:</b> ", out);
		gt__html_esc(out, sz->options[safe].option->title);
		fprintf(out, ", %.1f%% collapse within five years", 100 * collapse5(res, safe, false));
		double hr = sim->baseline ? gt_sim_hazard_ratio(sim->options[safe].counts,
		                                                sim->baseline->counts)
		                          : NAN;
		if (isfinite(hr))
			fprintf(out, " (%.0f%% less likely to collapse at any time than with no "
			             "guarantee)",
			        100 * (1 - hr));
		fputs(".", out);
		if (sim->other && safe_full != safe && !isnan(collapse5(res, safe_full, true))) {
			fputs(raised ? " If every option were fully raised, " : " As raised, ", out);
			gt__html_esc(out, sz->options[safe_full].option->title);
			fprintf(out, " would do best (%.1f%%)", 100 * collapse5(res, safe_full, true));
			if (raised && res->raised)
				fprintf(out, ", but the coalition raises %.0f%% of it",
				        100.0 * (double)res->raised[safe_full].deployed /
				                (double)sz->options[safe_full].deployed);
			fputs(".", out);
		}
		fputs("</li>\n", out);
	}
	fputs("<li><b>Smallest:</b> ", out);
	gt__html_esc(out, sz->options[small].option->title);
	fprintf(out, ", %s people deployed at any one time and %s committed through rotations.</li>\n",
	        gt__thousands(sz->options[small].deployed, a),
	        gt__thousands(sz->options[small].committed, b));
	fputs("</ul>\n", out);
}

/* One line's length, how it was measured, and against what others report. */
static void line_length(FILE *out, const struct gt_theatre *th, const struct gt_line *ln)
{
	char a[32], b[32];
	fputs("<li><b>", out);
	if (th->nlines == 1) {
		fputs("Line length.</b> ", out);
	} else {
		gt__html_esc(out, ln->name);
		fprintf(out, "</b> (%s). ", ln->role == GT_LINE_BORDER ? "a border to watch"
		                                                       : "a line of contact");
	}
	fprintf(out, "%s km, measured along the scenario's %zu-point trace of the line (geodesic)",
	        gt__thousands(lround(ln->km), a), ln->path.n);
	if (ln->reported_km > 0) {
		fputs("; ", out);
		gt__html_esc(out, ln->reported_as);
		fprintf(out, " gives about %s km. Troops along the line grow with its length: at that "
		             "length they would be about %.0f%% more",
		        gt__thousands(lround(ln->reported_km), b), 100 * (ln->reported_km / ln->km - 1));
	}
	fputs(".</li>\n", out);
}

/* "approximate, as of DATE" in brackets, when the line says either. */
static void line_dating(FILE *out, const struct gt_line *ln)
{
	if (!ln->approximate && !ln->as_of)
		return;
	fputs(" (", out);
	if (ln->approximate)
		fputs(ln->as_of ? "approximate, " : "approximate", out);
	if (ln->as_of) {
		fputs("as of ", out);
		gt__html_esc(out, ln->as_of);
	}
	fputs(")", out);
}

/* The options that cannot be planned in this theatre, and why: they are in
 * no table or chart below. */
static void cannot_plan(FILE *out, const struct gt_sizing *sz)
{
	for (size_t i = 0; i < sz->ninfeasible; i++) {
		const struct gt_sizing_infeasible *inf = &sz->infeasible[i];
		fputs("<p class=note><b>", out);
		gt__html_esc(out, inf->option->title);
		fputs(" cannot be planned here</b> and is left out of every table and chart: ", out);
		gt__html_esc(out, inf->why.msg);
		if (inf->why.path[0]) {
			fputs(" (<code>", out);
			gt__html_esc(out, inf->why.path);
			fputs("</code>)", out);
		}
		fputs(".</p>\n", out);
	}
}

/* The caveats that could change a conclusion, each beside what it
 * qualifies. */
static void caveats(FILE *out, const struct gt_results *res)
{
	const struct gt_scenario *s = res->sizing->scenario;
	const struct gt_theatre *th = &s->theatre;
	char a[32], b[32];
	fputs("<ul class=caveats>\n", out);
	for (size_t l = 0; l < th->nlines; l++)
		line_length(out, th, &th->lines[l]);
	fprintf(out, "<li><b>Ground held.</b> Air reach and radar cover are shares of the %s km² "
	             "the defender holds, not of the %s km² outline: ",
	        gt__thousands(lround(th->held_km2), a), gt__thousands(lround(th->outline_km2), b));
	gt__html_esc(out, th->held_label);
	fputs(".</li>\n", out);
	/* the fighters: sized at the catalogue's sustained sortie rate */
	for (size_t i = 0; i < res->nair; i++) {
		const struct gt_aircraft *f = res->air[i].plan ? res->air[i].plan->fighter : NULL;
		if (!f)
			continue;
		fprintf(out, "<li><b>Fighters.</b> Stations are sized at %.2g sorties a day for each ",
		        f->sustained_sorties);
		gt__html_esc(out, f->type);
		fputs(" kept deployed for months (data/aircraft.csv, with its sources); long no-fly "
		      "zones have flown fewer, and at half that rate an umbrella needs about twice "
		      "the fighters.</li>\n",
		      out);
		break;
	}
	/* the sizing model's worst miss against history */
	const struct gt_validation *v = res->validation;
	if (v && v->n > 0) {
		size_t worst = 0;
		for (size_t i = 1; i < v->n; i++)
			if (fabs(v->rows[i].log10_error) > fabs(v->rows[worst].log10_error))
				worst = i;
		const struct gt_validation_row *w = &v->rows[worst];
		fprintf(out, "<li><b>Sizing against history.</b> The model's densities were set "
		             "from the same %zu missions it is checked on, so its typical error "
		             "(a factor of %.1f) flatters it; its worst miss is ",
		        v->n, pow(10, v->median_abs_log10_error));
		gt__html_esc(out, w->mission->name);
		fprintf(out, ", %s where history had %s (%.0f times %s).</li>\n",
		        gt__thousands(lround(w->predicted), a), gt__thousands(lround(w->mission->troops), b),
		        pow(10, fabs(w->log10_error)), w->log10_error < 0 ? "too few" : "too many");
	}
	fputs("<li><b>Assumptions.</b> Most of the simulation's parameters and every member's "
	      "offer are assumptions, labelled as such in the scenario file; the collapse "
	      "figures are for comparing options under the same assumptions, not forecasts.",
	      out);
	const struct gt_sim_calibration *cal = res->sim ? res->sim->calibration : NULL;
	if (cal && cal->n > 0)
		fprintf(out, " The simulation's parameters differ from the built-in calibration "
		             "against past ceasefires in %zu place%s, listed under \"How likely "
		             "each option is to hold\".",
		        cal->n, cal->n == 1 ? "" : "s");
	fputs("</li>\n</ul>\n", out);
}

enum gt_status gt_render_brief_html(FILE *out, const struct gt_results *res)
{
	const struct gt_sizing *sz = res->sizing;
	const struct gt_validation *v = res->validation;
	const struct gt_scenario *s = sz->scenario;
	char *svg = NULL;
	enum gt_status st;
	fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
	      out);
	gt__html_esc(out, s->title);
	fprintf(out, ": guarantee options</title>\n<style>%s@page{size:%s;margin:14mm}</style>"
	             "</head><body>\n",
	        css, res->paper_letter ? "letter" : "A4");
	fputs("<h1>", out);
	gt__html_esc(out, s->title);
	fputs("</h1>\n<p class=sub>Security-guarantee options: what each needs in people, aircraft "
	      "and ships, what the coalition can raise, and how likely each is to hold. Scenario "
	      "<code>",
	      out);
	gt__html_esc(out, s->name);
	const struct gt_theatre *th = &s->theatre;
	if (th->nlines == 1) {
		fprintf(out, "</code>; the line of contact is %.0f km long", th->lines[0].km);
		line_dating(out, &th->lines[0]);
	} else {
		fprintf(out, "</code>; %zu lines, %.0f km in all: ", th->nlines, th->lines_km);
		for (size_t l = 0; l < th->nlines; l++) {
			fputs(l == 0 ? "" : l + 1 == th->nlines ? " and " : ", ", out);
			gt__html_esc(out, th->lines[l].name);
			fprintf(out, ", %s%.0f km",
			        th->lines[l].role == GT_LINE_BORDER ? "a border to watch, " : "",
			        th->lines[l].km);
			line_dating(out, &th->lines[l]);
		}
	}
	fputs(". Made by guarantor " GT_VERSION ".</p>\n", out);

	fputs("<h2 class=first>Summary</h2>\n", out);
	findings(out, res);
	cannot_plan(out, res->sizing);
	st = gt_render_options_svg(res, 900, 110 + 34 * (double)(sz->noptions + 1), &svg);
	picture(out, st, svg, "Every option against no guarantee: people, collapse and air reach");
	side_by_side(out, res);
	caveats(out, res);
	for (size_t i = 0; i < sz->noptions; i++)
		summary_sentence(out, &sz->options[i]);
	fputs("<h3>People by component</h3>\n", out);
	summary_table(out, sz);
	st = gt_render_strength_svg(sz, 900, 80 + 60 * (double)sz->noptions, &svg);
	picture(out, st, svg, "Deployed and committed personnel by option");

	fputs("<h2>Theatre and sectors</h2>\n", out);
	st = gt_render_map_svg(s, NULL, 900, 640, &svg);
	picture(out, st, svg, "Map of the theatre, line of contact and sectors");
	sectors(out, s);

	fputs("<h2>Where each option stands</h2>\n<div class=grid>\n", out);
	for (size_t i = 0; i < sz->noptions; i++) {
		st = gt_render_map_svg(s, &sz->options[i], 540, 400, &svg);
		picture(out, st, svg, sz->options[i].option->title);
	}
	fputs("</div>\n<p class=note>Bands along the line are drawn ", out);
	fprintf(out, "%.0f km either side of it; garrison discs grow with the square root of their "
	             "troops. Footprints show where forces stand, not what they cover.</p>\n",
	        s->doctrine.footprint_km);

	fputs("<h2>Sizing, option by option</h2>\n", out);
	for (size_t i = 0; i < sz->noptions; i++)
		breakdown(out, sz, &sz->options[i]);

	if (first_assessed(res)) {
		fputs("<h2>Air umbrella: what it costs and what it covers</h2>\n", out);
		air(out, res);
	}

	if (res->sim && res->sim->n) {
		fputs("<h2>How likely each option is to hold</h2>\n", out);
		simulation(out, res);
	}

	if (res->nforcegen) {
		fputs("<h2>Who supplies what</h2>\n", out);
		forcegen(out, res);
	}

	fputs("<h2>Assumptions that matter most: sizing and the air umbrella</h2>\n", out);
	assumptions(out, s);

	if (v) {
		fputs("<h2>Validation against history</h2>\n", out);
		validation(out, v);
	}
	fputs("<p class=note>Geometry: ", out);
	gt__html_esc(out, s->theatre.geometry_ref);
	if (strncmp(s->theatre.geometry_ref, "builtin:", 8) == 0)
		fputs(" (Natural Earth outlines; line of contact traced through named places; "
		      "provenance in guarantor's data/README.md)",
		      out);
	fputs(". Scenario: ", out);
	gt__html_esc(out, s->file);
	fputs(".</p>\n</body></html>\n", out);
	return fflush(out) == 0 && !ferror(out) ? GT_OK : GT_E_IO;
}
