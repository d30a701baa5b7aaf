/* explain.c: says why a role is short, in the words a force-generation
 * conference would use: who may serve there, who is at their cap, which
 * caveats bar the rest, and whether a lead nation or the nations limit is
 * what binds. */
#include "forcegen_priv.h"
#include "util/thousands.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct text {
	char buf[1200];
	size_t len;
};

static void add(struct text *t, const char *fmt, ...) GT_PRINTF(2, 3);
static void add(struct text *t, const char *fmt, ...)
{
	if (t->len >= sizeof(t->buf) - 1)
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(t->buf + t->len, sizeof(t->buf) - t->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		t->len += (size_t)n;
	if (t->len > sizeof(t->buf) - 1)
		t->len = sizeof(t->buf) - 1;
}

static const char *unit_words(enum gt_unit u, long n)
{
	static const char *const one[GT_UNIT_COUNT] = {"company", "fighter", "AEW aircraft",
	                                               "tanker",  "ship",    "trainer", "monitor"};
	static const char *const many[GT_UNIT_COUNT] = {"companies", "fighters", "AEW aircraft",
	                                                "tankers",   "ships",    "trainers",
	                                                "monitors"};
	return n == 1 ? one[u] : many[u];
}

static const char *const bar_words[GT_FG_BAR_COUNT] = {
	"", "Dropped for this run", "Not willing to serve in this domain", "No such units offered",
	"Will not serve this close to the line", "Will serve only in other places",
	"Serve only under a named lead nation, and this role has none"};

/* Lists member codes, at most five, then "+N more". */
static void codes(struct text *t, const struct gt__fg *p, const int *idx, size_t n)
{
	for (size_t i = 0; i < n && i < 5; i++)
		add(t, "%s%s", i ? ", " : "", p->out->members[idx[i]].member->code);
	if (n > 5)
		add(t, " +%zu more", n - 5);
}

static enum gt_status explain_role(struct gt__fg *p, size_t r)
{
	struct gt_fg_role *role = &p->out->roles[r];
	const size_t M = p->out->nmembers;
	const struct gt_forcegen_params *fp = &p->s->forcegen;
	struct text t = {.len = 0};
	int *barred[GT_FG_BAR_COUNT] = {0}, *able = calloc(M + 1, sizeof(int));
	size_t nbarred[GT_FG_BAR_COUNT] = {0}, nable = 0;
	enum gt_status st = GT_OK;
	for (int b = 0; b < GT_FG_BAR_COUNT; b++)
		if (!(barred[b] = calloc(M + 1, sizeof(int))))
			st = GT_E_NOMEM;
	if (!able || st != GT_OK) {
		st = GT_E_NOMEM;
		goto out_free;
	}
	for (size_t m = 0; m < M; m++) {
		enum gt__fg_bar b = gt__fg_barred(p, m, r);
		if (b == GT_FG_BAR_NONE)
			able[nable++] = (int)m;
		else
			barred[b][nbarred[b]++] = (int)m;
	}
	long people = lround((double)role->shortfall * gt_forcegen_people_per_unit(p->s, p->option, role->unit));
	char num[32], short_n[32], req_n[32];
	add(&t, "%s: short %s of %s %s", role->name, gt__thousands(role->shortfall, short_n),
	    gt__thousands(role->required, req_n), unit_words(role->unit, role->required));
	if (role->unit != GT_UNIT_TRAINERS && role->unit != GT_UNIT_MONITORS)
		add(&t, " (%s people)", gt__thousands(people, num));
	add(&t, ". ");
	if (nable == 0) {
		add(&t, "No member may serve here.");
	} else {
		/* members at their cap are listed together; others with their reason */
		int *full = calloc(nable, sizeof(int));
		size_t nfull = 0;
		if (!full) {
			st = GT_E_NOMEM;
			goto out_free;
		}
		for (size_t i = 0; i < nable; i++) {
			const struct gt_fg_member *fm = &p->out->members[able[i]];
			if (fm->units[role->unit] >= fm->sustain[role->unit])
				full[nfull++] = able[i];
		}
		add(&t, "%zu member%s may serve here", nable, nable == 1 ? "" : "s");
		if (nfull == nable)
			add(&t, ", all with every one of their %s in use: ", unit_words(role->unit, 2));
		else if (nfull)
			add(&t, "; every one of their %s is in use for ", unit_words(role->unit, 2));
		else
			add(&t, ":");
		codes(&t, p, full, nfull);
		size_t shown = 0;
		for (size_t i = 0; i < nable; i++) {
			const struct gt_fg_member *fm = &p->out->members[able[i]];
			if (fm->units[role->unit] >= fm->sustain[role->unit])
				continue;
			long in_role = 0;
			for (size_t a = 0; a < p->out->nallocs; a++)
				if (p->out->allocs[a].member == able[i] && p->out->allocs[a].role == (int)r)
					in_role = p->out->allocs[a].units;
			long cap = (long)floor(p->cav[able[i]].max_role_share * (double)role->required + 1e-9);
			add(&t, "%s %s", shown++ || nfull ? ";" : "", fm->member->code);
			if (p->cav[able[i]].max_role_share < 1 && in_role >= cap &&
			    (role->kind == GT_ROLE_LINE || role->kind == GT_ROLE_GARRISON))
				add(&t, " is at its cap of %.0f%% of a sector",
				    p->cav[able[i]].max_role_share * 100);
			else if (p->cav[able[i]].nonly_under > 0 && in_role == 0)
				add(&t, " serves only under %s%s, and none leads here",
				    p->cav[able[i]].only_under[0],
				    p->cav[able[i]].nonly_under > 1 ? " or others" : "");
			else
				add(&t, " has %ld here", in_role);
		}
		free(full);
		add(&t, ".");
	}
	for (int b = 1; b < GT_FG_BAR_COUNT; b++) {
		if (!nbarred[b])
			continue;
		add(&t, " %s", bar_words[b]);
		if (b == GT_FG_BAR_DISTANCE && role->km_from_line > 0)
			add(&t, " (%.0f km)", role->km_from_line);
		else if (b == GT_FG_BAR_DISTANCE)
			add(&t, " (the role is on the line)");
		add(&t, ": ");
		codes(&t, p, barred[b], nbarred[b]);
		add(&t, ".");
	}
	if (role->kind == GT_ROLE_LINE || role->kind == GT_ROLE_GARRISON) {
		bool leader = false;
		for (size_t i = 0; i < nable; i++)
			leader = leader || p->out->members[able[i]].member->leads;
		if (!leader)
			add(&t, " No member willing to lead may serve here, and a sector needs a lead "
			        "nation.");
		else if (role->nations >= fp->max_nations)
			add(&t, " The limit of %d nations per sector is reached.", fp->max_nations);
	}
	role->why = strdup(t.buf);
	if (!role->why)
		st = GT_E_NOMEM;
out_free:
	for (int b = 0; b < GT_FG_BAR_COUNT; b++)
		free(barred[b]);
	free(able);
	return st;
}

enum gt_status gt__fg_explain(struct gt__fg *p)
{
	for (size_t r = 0; r < p->out->nroles; r++) {
		if (p->out->roles[r].shortfall <= 0)
			continue;
		enum gt_status st = explain_role(p, r);
		if (st != GT_OK)
			return st;
	}
	return GT_OK;
}
