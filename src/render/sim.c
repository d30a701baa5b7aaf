/* sim.c: simulation results as a table, JSON and CSV (docs/output.md). */
#include "render/render_json.h"
#include "guarantor/monitor.h"
#include "guarantor/sim.h"
#include "util/thousands.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

static json_t *real(double x, double unit)
{
	return isfinite(x) ? json_real(round(x / unit) * unit) : json_null();
}

static json_t *share_json(struct gt__jb *jb, struct gt_sim_share s)
{
	json_t *o = json_object();
	gt__jput(jb, o, "p", real(s.p, 0.0001));
	gt__jput(jb, o, "lo", real(s.lo, 0.0001));
	gt__jput(jb, o, "hi", real(s.hi, 0.0001));
	return o;
}

static json_t *state_json(struct gt__jb *jb, const struct gt_sim_state *st)
{
	json_t *o = json_object();
	gt__jput(jb, o, "belief", real(st->belief, 0.0001));
	gt__jput(jb, o, "cohesion", real(st->cohesion, 0.0001));
	gt__jput(jb, o, "backstop_reliability", real(st->reliability, 0.0001));
	gt__jput(jb, o, "split", json_boolean(st->split));
	return o;
}

static json_t *observed_json(struct gt__jb *jb, const struct gt_sim_observed *ob)
{
	const struct gt_sim_live *f = ob->fit;
	char a[GT_TIME_UTC_SIZE];
	json_t *o = json_object(), *probe = json_object(), *b = json_object();
	gt__jput(jb, o, "store", json_string(ob->store));
	gt__jput(jb, o, "since", json_string(gt_time_format_utc(ob->since, a)));
	gt__jput(jb, o, "as_of", json_string(gt_time_format_utc(ob->as_of, a)));
	gt__jput(jb, o, "days", real(f->days, 0.01));
	gt__jput(jb, b, "counted", json_integer((json_int_t)f->breaches));
	gt__jput(jb, b, "answered", json_integer((json_int_t)f->answered));
	gt__jput(jb, b, "unanswered", json_integer((json_int_t)f->unanswered));
	gt__jput(jb, b, "pending", json_integer((json_int_t)f->pending));
	gt__jput(jb, b, "dismissed", json_integer((json_int_t)ob->dismissed));
	gt__jput(jb, o, "breaches", b);
	gt__jput(jb, o, "seen", real(f->seen, 0.0001));
	gt__jput(jb, o, "deterrence", real(f->deterrence, 0.0001));
	gt__jput(jb, probe, "scenario", real(f->probe_prior, 0.001));
	gt__jput(jb, probe, "scenario_years", real(f->prior_years, 0.01));
	gt__jput(jb, probe, "record", real(f->probe_observed, 0.001));
	gt__jput(jb, probe, "fitted", real(f->probe_fitted, 0.001));
	gt__jput(jb, o, "probe_per_year", probe);
	gt__jput(jb, o, "state", state_json(jb, &f->state));
	return o;
}

static void observed_table(FILE *out, const char *option, const struct gt_sim_observed *ob)
{
	const struct gt_sim_live *f = ob->fit;
	char a[GT_TIME_UTC_SIZE], b[GT_TIME_UTC_SIZE];
	fprintf(out, "Observed: %s, %s to %s (%.1f days), the guarantee in place being %s\n",
	        ob->store, gt_time_format_utc(ob->since, a), gt_time_format_utc(ob->as_of, b),
	        f->days, option);
	fprintf(out, "  breaches        %zu: %zu answered, %zu not answered, %zu pending "
	             "(%zu dismissed, not counted)\n",
	        f->breaches, f->answered, f->unanswered, f->pending, ob->dismissed);
	fprintf(out, "  probes a year   with no guarantee: scenario %.1f over %g yr, record %.1f over "
	             "%.2f yr, fitted %.1f\n",
	        f->probe_prior, f->prior_years, f->probe_observed, f->days / 365.0, f->probe_fitted);
	fprintf(out, "                  (record: breaches / years / deterrence m %.3f / seen %.3f;\n"
	             "                  fitted: the two weighted by their years)\n",
	        f->deterrence, f->seen);
	fprintf(out, "  state now       belief %.3f, cohesion %.3f, backstop reliability %.3f, "
	             "split: %s\n",
	        f->state.belief, f->state.cohesion, f->state.reliability,
	        f->state.split ? "yes" : "no");
	fputs("The runs start from this state, with the fitted probe rate; their days count "
	      "from the end of the record.\n\n",
	      out);
}

/* One option's entry; ref, the no-guarantee reference's counts, gives
 * its hazard ratio (NULL: none, or this is the reference). */
static json_t *option_json(struct gt__jb *jb, const struct gt_sim_report *r,
                           const struct gt_sim_counts *ref)
{
	struct gt_sim_summary s;
	gt_sim_summarise(r->counts, &s);
	const struct gt_sim_counts *c = r->counts;
	const struct gt_sim_option *in = r->input;
	json_t *o = json_object(), *col = json_array(), *surv = json_array();
	gt__jput(jb, o, "name", json_string(in->name));
	gt__jput(jb, o, "basis", json_string(in->baseline ? "none" : gt_sim_basis_name(in->basis)));
	gt__jput(jb, o, "runs", json_integer((json_int_t)c->runs));
	gt__jput(jb, o, "troops", json_integer((json_int_t)lround(in->troops)));
	gt__jput(jb, o, "monitors_per_100km", real(in->monitors_per_100km, 0.01));
	/* with several lines, where probes fall and how densely each is watched,
	 * in the theatre's order of lines (docs/model-sim.md, S3) */
	json_t *lines = json_array();
	for (size_t l = 0; in->nlines > 1 && l < in->nlines; l++) {
		json_t *lo = json_object();
		gt__jput(jb, lo, "probe_share", real(in->lines[l].share, 0.0001));
		gt__jput(jb, lo, "monitors_per_100km", real(in->lines[l].monitors_per_100km, 0.01));
		gt__jappend(jb, lines, lo);
	}
	gt__jput(jb, o, "lines", lines);
	gt__jput(jb, o, "air", json_boolean(in->air));
	gt__jput(jb, o, "air_reach_20min", real(in->air_reach, 0.0001));
	gt__jput(jb, o, "backstop", json_boolean(in->backstop));
	gt__jput(jb, o, "defender_strength", real(in->defender_strength, 0.001));
	gt__jput(jb, o, "voters", json_integer((json_int_t)in->nmembers));
	gt__jput(jb, o, "rule", json_string(gt_decide_rule_name(r->input->rules.rule)));
	const int years[3] = {1, 2, 5};
	for (int y = 0; y < 3; y++) {
		if (!isfinite(s.collapse[y].p))
			continue;
		json_t *e = share_json(jb, s.collapse[y]);
		gt__jput(jb, e, "years", json_integer(years[y]));
		gt__jappend(jb, col, e);
	}
	gt__jput(jb, o, "collapse", col);
	gt__jput(jb, o, "median_days", isfinite(s.median_days) ? json_integer((json_int_t)s.median_days)
	                                                        : json_null());
	gt__jput(jb, o, "answered_per_run", real(s.answered_per_run, 0.001));
	gt__jput(jb, o, "unanswered_per_run", real(s.unanswered_per_run, 0.001));
	gt__jput(jb, o, "violation_days_per_run", real(s.violations_per_run, 0.1));
	gt__jput(jb, o, "escalation", share_json(jb, s.escalation));
	gt__jput(jb, o, "split", share_json(jb, s.split));
	/* survival every 30 days, from day 0 */
	uint64_t alive = c->runs;
	for (int d = 0; d <= c->days; d++) {
		if (d % 30 == 0 || d == c->days)
			gt__jappend(jb, surv, real(c->runs ? (double)alive / (double)c->runs : NAN, 0.0001));
		if (d < c->days)
			alive -= c->collapse_by_day[d];
	}
	gt__jput(jb, o, "survival_every_30_days", surv);
	if (ref)
		gt__jput(jb, o, "hazard_ratio_vs_baseline", real(gt_sim_hazard_ratio(c, ref), 0.001));
	if (r->observed)
		gt__jput(jb, o, "observed", observed_json(jb, r->observed));
	return o;
}

void gt__render_sim_fill(struct gt__jb *jb, json_t *o, const struct gt_sim_results *r)
{
	const struct gt_sim_counts *ref = r->baseline ? r->baseline->counts : NULL;
	json_t *opts = json_array();
	gt__jput(jb, o, "years", json_integer(r->years));
	gt__jput(jb, o, "seed", json_integer((json_int_t)r->seed));
	if (r->n > 0)
		gt__jput(jb, o, "basis", json_string(gt_sim_basis_name(r->options[0].input->basis)));
	for (size_t i = 0; i < r->n; i++)
		gt__jappend(jb, opts, option_json(jb, &r->options[i], ref));
	gt__jput(jb, o, "options", opts);
	if (r->other) {
		json_t *other = json_array();
		for (size_t i = 0; i < r->n; i++)
			gt__jappend(jb, other, option_json(jb, &r->other[i], ref));
		gt__jput(jb, o, "other_basis", other);
	}
	if (r->baseline)
		gt__jput(jb, o, "baseline", option_json(jb, r->baseline, NULL));
	if (r->calibration) {
		json_t *diffs = json_array();
		for (size_t i = 0; i < r->calibration->n; i++) {
			const struct gt_sim_param_diff *d = &r->calibration->differs[i];
			json_t *e = json_object();
			gt__jput(jb, e, "name", json_string(d->name));
			gt__jput(jb, e, "builtin",
			         d->builtin_text ? json_string(d->builtin_text) : json_real(d->builtin));
			gt__jput(jb, e, "used", d->used_text ? json_string(d->used_text) : json_real(d->used));
			gt__jappend(jb, diffs, e);
		}
		gt__jput(jb, o, "differs_from_calibration", diffs);
	}
}

static void pct(FILE *out, struct gt_sim_share s)
{
	if (!isfinite(s.p))
		fprintf(out, " %-18s", "-");
	else
		fprintf(out, " %5.1f%% (%4.1f-%4.1f)", 100 * s.p, 100 * s.lo, 100 * s.hi);
}

static void csv_row(FILE *out, const struct gt_sim_report *r, const struct gt_sim_counts *ref)
{
	struct gt_sim_summary s;
	gt_sim_summarise(r->counts, &s);
	const struct gt_sim_option *in = r->input;
	fprintf(out, "%s,%s,%llu,%.0f", in->name,
	        in->baseline ? "none" : gt_sim_basis_name(in->basis),
	        (unsigned long long)r->counts->runs, in->troops);
	for (int y = 0; y < 3; y++) {
		if (isfinite(s.collapse[y].p))
			fprintf(out, ",%.4f,%.4f,%.4f", s.collapse[y].p, s.collapse[y].lo, s.collapse[y].hi);
		else
			fputs(",,,", out);
	}
	if (isfinite(s.median_days))
		fprintf(out, ",%.0f", s.median_days);
	else
		fputc(',', out);
	fprintf(out, ",%.3f,%.3f,%.4f,%.4f,", s.answered_per_run, s.unanswered_per_run,
	        s.escalation.p, s.split.p);
	double hr = ref ? gt_sim_hazard_ratio(r->counts, ref) : NAN;
	if (isfinite(hr))
		fprintf(out, "%.3f", hr);
	fputc('\n', out);
}

static void table_row(FILE *out, const struct gt_sim_report *r, const struct gt_sim_counts *ref,
                      int wname)
{
	struct gt_sim_summary s;
	gt_sim_summarise(r->counts, &s);
	char a[32];
	gt_render_pad(out, r->input->name, wname);
	fprintf(out, " %8s", gt_render_thousands(lround(r->input->troops), a));
	for (int y = 0; y < 3; y++)
		pct(out, s.collapse[y]);
	if (isfinite(s.median_days))
		fprintf(out, " %7.0f d", s.median_days);
	else
		fprintf(out, " %9s", "> horizon");
	fprintf(out, " %8.2f %8.2f ", s.answered_per_run, s.unanswered_per_run);
	pct(out, s.escalation);
	pct(out, s.split);
	double hr = ref ? gt_sim_hazard_ratio(r->counts, ref) : NAN;
	if (isfinite(hr))
		fprintf(out, " %7.2f", hr);
	else
		fprintf(out, " %7s", r->input->baseline ? "1" : "-");
	fputc('\n', out);
}

enum gt_status gt_render_sim(FILE *out, const struct gt_scenario *scen, const struct gt_sim_results *r,
                             enum gt_format fmt)
{
	const struct gt_sim_counts *ref = r->baseline ? r->baseline->counts : NULL;
	if (fmt == GT_FORMAT_JSON) {
		struct gt__jb b = {false}, *jb = &b;
		json_t *root = json_object();
		gt__jput(jb, root, "scenario", json_string(scen->name));
		gt__render_sim_fill(jb, root, r);
		enum gt_status st = gt__render_json_print(jb, root, out);
		if (st != GT_OK)
			return st;
	} else if (fmt == GT_FORMAT_CSV) {
		fputs("option,basis,runs,troops,collapse_1y,collapse_1y_lo,collapse_1y_hi,collapse_2y,"
		      "collapse_2y_lo,collapse_2y_hi,collapse_5y,collapse_5y_lo,collapse_5y_hi,"
		      "median_days,answered_per_run,unanswered_per_run,escalation,split,"
		      "hazard_ratio_vs_baseline\n",
		      out);
		if (r->baseline)
			csv_row(out, r->baseline, NULL);
		for (size_t i = 0; i < r->n; i++)
			csv_row(out, &r->options[i], ref);
		for (size_t i = 0; r->other && i < r->n; i++)
			csv_row(out, &r->other[i], ref);
	} else {
		char a[32];
		fprintf(out, "Scenario %s: %s runs per option over %d years, seed %llu\n\n", scen->name,
		        gt_render_thousands(r->n ? (long)r->options[0].counts->runs : 0, a), r->years,
		        (unsigned long long)r->seed);
		for (size_t i = 0; i < r->n; i++)
			if (r->options[i].observed)
				observed_table(out, r->options[i].input->name, r->options[i].observed);
		/* names whole, the column as wide as the widest */
		int wname = 18;
		if (r->baseline && gt_render_width(r->baseline->input->name) > wname)
			wname = gt_render_width(r->baseline->input->name);
		for (size_t i = 0; i < r->n; i++)
			if (gt_render_width(r->options[i].input->name) > wname)
				wname = gt_render_width(r->options[i].input->name);
		gt_render_pad(out, "option", wname);
		fprintf(out, " %8s %-18s %-18s %-18s %9s %8s %8s  %-18s %-18s %7s\n", "troops",
		        "collapse in 1 yr", "in 2 yrs", "in 5 yrs", "median", "answered", "not",
		        "escalation", "split", "hazard");
		if (r->baseline)
			table_row(out, r->baseline, NULL, wname);
		for (size_t i = 0; i < r->n; i++)
			table_row(out, &r->options[i], ref, wname);
		if (r->n > 0)
			fprintf(out, "\nTroops: the foreign ground force simulated, %s.\n",
			        r->options[0].input->basis == GT_SIM_RAISED
			                ? "as force generation raised it (--basis required: as sizing "
			                  "requires it)"
			                : "as sizing requires it, if fully raised (--basis raised: as "
			                  "force generation raised it)");
		fputs("Collapse: a major offensive, or an answer that escalated into war; 95% "
		      "Wilson intervals.\nAnswered and not: breaches per run (docs/model-sim.md).\n",
		      out);
		if (r->baseline)
			fputs("Hazard: the average hazard of collapse over the horizon against "
			      "no-guarantee, the same\nceasefire with no foreign force, monitors, backstop "
			      "or voters (1 = no better; 0.5 = half).\n",
			      out);
	}
	return fflush(out) == 0 && !ferror(out) ? GT_OK : GT_E_IO;
}

enum gt_status gt_render_sensitivity(FILE *out, const struct gt_sensitivity *s,
                                     const char *option, int years, uint64_t runs,
                                     enum gt_format fmt)
{
	bool oat = s->method == GT_SENS_ONE_AT_A_TIME;
	if (fmt == GT_FORMAT_JSON) {
		struct gt__jb b = {false}, *jb = &b;
		json_t *root = json_object(), *items = json_array();
		gt__jput(jb, root, "option", json_string(option));
		gt__jput(jb, root, "method", json_string(oat ? "one_at_a_time" : "latin_hypercube"));
		gt__jput(jb, root, "years", json_integer(years));
		gt__jput(jb, root, "runs", json_integer((json_int_t)runs));
		if (!oat)
			gt__jput(jb, root, "samples", json_integer((json_int_t)s->samples));
		gt__jput(jb, root, "collapse_base", real(s->y_base, 0.0001));
		for (size_t i = 0; i < s->n; i++) {
			const struct gt_sens_item *it = &s->items[i];
			json_t *o = json_object();
			gt__jput(jb, o, "name", json_string(it->name));
			gt__jput(jb, o, "value", json_real(it->base));
			gt__jput(jb, o, "low", json_real(it->lo));
			gt__jput(jb, o, "high", json_real(it->hi));
			if (oat) {
				gt__jput(jb, o, "collapse_low", real(it->y_lo, 0.0001));
				gt__jput(jb, o, "collapse_high", real(it->y_hi, 0.0001));
			} else {
				gt__jput(jb, o, "spearman", real(it->rho, 0.001));
			}
			gt__jappend(jb, items, o);
		}
		gt__jput(jb, root, "parameters", items);
		enum gt_status st = gt__render_json_print(jb, root, out);
		if (st != GT_OK)
			return st;
	} else if (fmt == GT_FORMAT_CSV) {
		fputs(oat ? "parameter,value,low,high,collapse_low,collapse_high\n"
		          : "parameter,value,low,high,spearman\n",
		      out);
		for (size_t i = 0; i < s->n; i++) {
			const struct gt_sens_item *it = &s->items[i];
			if (oat)
				fprintf(out, "%s,%g,%g,%g,%.4f,%.4f\n", it->name, it->base, it->lo, it->hi,
				        it->y_lo, it->y_hi);
			else
				fprintf(out, "%s,%g,%g,%g,%.3f\n", it->name, it->base, it->lo, it->hi, it->rho);
		}
	} else {
		char a[32];
		fprintf(out, "Sensitivity of %s: collapse within %d years, %s runs per evaluation\n",
		        option, years, gt_render_thousands((long)runs, a));
		fprintf(out, "With every parameter at its value: %.1f%%\n\n", 100 * s->y_base);
		if (oat) {
			fprintf(out, "%-22s %10s %21s %18s %8s\n", "parameter", "value",
			            "swept (x0.5 to x1.5)", "collapse lo -> hi", "swing");
			for (size_t i = 0; i < s->n; i++) {
				const struct gt_sens_item *it = &s->items[i];
				fprintf(out, "%-22s %10g %10g - %-9g %7.1f%% -> %5.1f%% %+7.1f\n", it->name,
				        it->base, it->lo, it->hi, 100 * it->y_lo, 100 * it->y_hi,
				        100 * (it->y_hi - it->y_lo));
			}
			fputs("\nSwing: points of collapse probability from the low to the high value, "
			      "the others held at theirs.\n",
			      out);
		} else {
			fprintf(out, "%zu Latin-hypercube samples of all parameters together\n\n",
			        s->samples);
			fprintf(out, "%-22s %10s %21s %9s\n", "parameter", "value", "swept (x0.5 to x1.5)",
			        "Spearman");
			for (size_t i = 0; i < s->n; i++) {
				const struct gt_sens_item *it = &s->items[i];
				fprintf(out, "%-22s %10g %10g - %-9g %+9.3f\n", it->name, it->base, it->lo,
				        it->hi, it->rho);
			}
			fputs("\nSpearman: rank correlation of the parameter with the collapse "
			      "probability across the samples.\n",
			      out);
		}
	}
	return fflush(out) == 0 && !ferror(out) ? GT_OK : GT_E_IO;
}
