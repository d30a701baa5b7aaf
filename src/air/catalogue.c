/* catalogue.c: reads the aircraft catalogue (data/aircraft.csv): columns
 * in any order, every number checked against its range, every error
 * naming its line, row and column. */
#include "guarantor/air.h"
#include "util/csvtable.h"
#include "util/utf8.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const char *const gt__builtin_aircraft;
extern const size_t gt__builtin_aircraft_len;

const char *gt_aircraft_builtin_csv(size_t *len)
{
	*len = gt__builtin_aircraft_len;
	return gt__builtin_aircraft;
}

enum col {
	C_TYPE, C_ROLE, C_CRUISE, C_ENDURANCE, C_ENDURANCE_AAR, C_MC, C_TURNAROUND, C_SUSTAINED,
	C_CREW, C_CREW_RATIO, C_PERSONNEL, C_RADAR, C_FUEL_FLOW, C_OFFLOAD, C_SOURCE, C_NOTES,
	C_COUNT
};
static const char *const col_names[C_COUNT] = {
	"type",  "role",       "cruise_kt",              "endurance_h",    "endurance_aar_h",
	"mc_rate", "turnaround_h", "sustained_sorties", "crew", "crew_ratio", "personnel_per_aircraft",
	"radar_km", "fuel_flow_kg_h", "offload_t_at_1000nm", "source",     "notes"};
/* Numeric columns: required?, least, most. */
static const struct {
	bool required;
	double lo, hi;
} ranges[C_COUNT] = {
	[C_CRUISE] = {true, 50, 2000},         [C_ENDURANCE] = {true, 0.1, 48},
	[C_ENDURANCE_AAR] = {false, 0.1, 48},  [C_MC] = {true, 0.01, 1},
	[C_TURNAROUND] = {true, 0, 48},        [C_SUSTAINED] = {true, 0.05, 10},
	[C_CREW] = {true, 1, 50},
	[C_CREW_RATIO] = {true, 1, 10},        [C_PERSONNEL] = {true, 1, 1000},
	[C_RADAR] = {false, 1, 2000},          [C_FUEL_FLOW] = {false, 1, 100000},
	[C_OFFLOAD] = {false, 0.1, 500},
};

static enum gt_status read_row(const char *name, char **f, const int *idx, size_t row, int line,
                               struct gt_aircraft *ac, struct gt_err *err)
{
	char path[96];
	ac->row = row;
#define FIELD(c) (idx[c] >= 0 ? f[idx[c]] : "")
#define BAD(c, ...)                                                                         \
	(snprintf(path, sizeof(path), "row %zu, column '%s'", row, col_names[c]),            \
	 gt_err_set(err, GT_E_SCHEMA, name, line, 0, path, __VA_ARGS__))
	for (int c = 0; c < C_COUNT; c++) {
		size_t bad;
		if (idx[c] >= 0 && !gt__utf8_valid(FIELD(c), strlen(FIELD(c)), &bad))
			return BAD(c, "not valid UTF-8 at byte %zu; save the file as UTF-8", bad + 1);
	}
	if (!*FIELD(C_TYPE))
		return BAD(C_TYPE, "empty; expected the aircraft type");
	if (!(ac->type = strdup(FIELD(C_TYPE))))
		return GT_E_NOMEM;
	const char *role = FIELD(C_ROLE);
	if (strcmp(role, "fighter") == 0)
		ac->role = GT_AIR_FIGHTER;
	else if (strcmp(role, "aew") == 0)
		ac->role = GT_AIR_AEW;
	else if (strcmp(role, "tanker") == 0)
		ac->role = GT_AIR_TANKER;
	else
		return BAD(C_ROLE, "'%s'; expected fighter, aew or tanker", role);
	double *dst[C_COUNT] = {
		[C_CRUISE] = &ac->cruise_kt,   [C_ENDURANCE] = &ac->endurance_h,
		[C_ENDURANCE_AAR] = &ac->endurance_aar_h, [C_MC] = &ac->mc_rate,
		[C_TURNAROUND] = &ac->turnaround_h, [C_SUSTAINED] = &ac->sustained_sorties,
		[C_CREW] = &ac->crew,
		[C_CREW_RATIO] = &ac->crew_ratio, [C_PERSONNEL] = &ac->personnel,
		[C_RADAR] = &ac->radar_km,     [C_FUEL_FLOW] = &ac->fuel_flow_kg_h,
		[C_OFFLOAD] = &ac->offload_t,
	};
	for (int c = 0; c < C_COUNT; c++) {
		if (!dst[c])
			continue;
		const char *v = FIELD(c);
		if (!*v) {
			if (ranges[c].required)
				return BAD(c, "empty; expected a number from %g to %g", ranges[c].lo,
				           ranges[c].hi);
			continue;
		}
		if (!gt__csv_number(v, dst[c]) || *dst[c] < ranges[c].lo || *dst[c] > ranges[c].hi)
			return BAD(c, "'%s'; expected a number from %g to %g", v, ranges[c].lo,
			           ranges[c].hi);
	}
	if (ac->role == GT_AIR_AEW && !(ac->radar_km > 0))
		return BAD(C_RADAR, "empty, but an AEW aircraft needs its radar range");
	if (ac->role == GT_AIR_TANKER && !(ac->offload_t > 0))
		return BAD(C_OFFLOAD, "empty, but a tanker needs its fuel offload");
	if (ac->endurance_aar_h > 0 && ac->endurance_aar_h < ac->endurance_h)
		return BAD(C_ENDURANCE_AAR, "%g h is shorter than the unrefuelled %g h",
		           ac->endurance_aar_h, ac->endurance_h);
	if (!*FIELD(C_SOURCE))
		return BAD(C_SOURCE, "empty; every aircraft needs a source for its figures");
	if (!(ac->source = strdup(FIELD(C_SOURCE))))
		return GT_E_NOMEM;
	if (*FIELD(C_NOTES) && !(ac->notes = strdup(FIELD(C_NOTES))))
		return GT_E_NOMEM;
#undef BAD
#undef FIELD
	return GT_OK;
}

/* The catalogue's columns are all known: anything else is a mistake. */
struct refuse_ctx {
	const struct gt__csv *t;
	const char *file;
	struct gt_err *err;
};

static enum gt_status refuse_unknown(void *ctx, const char *column)
{
	const struct refuse_ctx *rc = ctx;
	return gt_err_set(rc->err, GT_E_SCHEMA, rc->file, rc->t->lines[0], 0, "row 1",
	                  "unknown column '%.100s'", column);
}

enum gt_status gt_aircraft_load_text(const char *csv, size_t len, const char *name,
                                     struct gt_aircraft_catalogue **out, struct gt_err *err)
{
	struct gt__csv t = {0};
	*out = NULL;
	gt_err_clear(err);
	struct gt_aircraft_catalogue *cat = calloc(1, sizeof(*cat));
	if (!cat)
		return gt_err_set(err, GT_E_NOMEM, name, 0, 0, NULL, "out of memory");
	enum gt_status st = gt__csv_parse(csv, len, name, &t, err);
	if (st != GT_OK)
		goto out_fail;
	if (t.n < 2) {
		st = gt_err_set(err, GT_E_SCHEMA, name, 0, 0, NULL,
		                "expected a header row and at least one aircraft");
		goto out_fail;
	}
	int idx[C_COUNT];
	struct refuse_ctx rc = {&t, name, err};
	if ((st = gt__csv_header(&t, name, col_names, C_COUNT, idx, refuse_unknown, &rc, err)) !=
	    GT_OK)
		goto out_fail;
	for (int c = 0; c < C_COUNT; c++) {
		if (idx[c] < 0 && c != C_NOTES) {
			st = gt_err_set(err, GT_E_SCHEMA, name, t.lines[0], 0, "row 1",
			                "missing column '%s'", col_names[c]);
			goto out_fail;
		}
	}
	cat->items = calloc(t.n - 1, sizeof(*cat->items));
	if (!cat->items) {
		st = gt_err_set(err, GT_E_NOMEM, name, 0, 0, NULL, "out of memory");
		goto out_fail;
	}
	for (size_t i = 1; i < t.n; i++) {
		char path[32];
		snprintf(path, sizeof(path), "row %zu", i + 1);
		if (t.widths[i] != t.widths[0]) {
			st = gt_err_set(err, GT_E_SCHEMA, name, t.lines[i], 0, path,
			                "%zu fields; expected %zu as in the header", t.widths[i],
			                t.widths[0]);
			goto out_fail;
		}
		cat->n = i;
		if ((st = read_row(name, t.rows[i], idx, i + 1, t.lines[i], &cat->items[i - 1], err)) !=
		    GT_OK)
			goto out_fail;
		if (gt_aircraft_find(cat, cat->items[i - 1].type) != &cat->items[i - 1]) {
			st = gt_err_set(err, GT_E_SCHEMA, name, t.lines[i], 0, path,
			                "aircraft type '%s' appears twice", cat->items[i - 1].type);
			goto out_fail;
		}
	}
	gt__csv_fini(&t);
	*out = cat;
	return GT_OK;
out_fail:
	if (st == GT_E_NOMEM && err && err->status == GT_OK)
		gt_err_set(err, GT_E_NOMEM, name, 0, 0, NULL, "out of memory");
	gt__csv_fini(&t);
	gt_aircraft_free(cat);
	return st;
}

const struct gt_aircraft *gt_aircraft_find(const struct gt_aircraft_catalogue *cat,
                                           const char *type)
{
	for (size_t i = 0; i < cat->n; i++)
		if (cat->items[i].type && strcmp(cat->items[i].type, type) == 0)
			return &cat->items[i];
	return NULL;
}

void gt_aircraft_free(struct gt_aircraft_catalogue *cat)
{
	if (!cat)
		return;
	for (size_t i = 0; i < cat->n; i++) {
		free(cat->items[i].type);
		free(cat->items[i].source);
		free(cat->items[i].notes);
	}
	free(cat->items);
	free(cat);
}

