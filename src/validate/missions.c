/* missions.c: reads the historical missions CSV (RFC 4180, via libcsv):
 * columns in any order, unknown columns ignored with a warning, every bad
 * field an error naming its line, row and column. */
#include "guarantor/missions.h"
#include "util/csvtable.h"
#include "util/readfile.h"
#include "util/utf8.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const char *const gt__builtin_missions;
extern const size_t gt__builtin_missions_len;

const char *gt_missions_builtin_csv(size_t *len)
{
	*len = gt__builtin_missions_len;
	return gt__builtin_missions;
}

enum col {
	COL_NAME,
	COL_START_YEAR,
	COL_TROOPS,
	COL_LINE_KM,
	COL_POSTURE,
	COL_THREAT,
	COL_SOURCE,
	COL_AREA,
	COL_POPULATION,
	COL_TERRAIN,
	COL_NOTES,
	COL_COUNT
};
static const char *const col_names[COL_COUNT] = {
	"name",   "start_year", "troops",     "line_km", "posture", "threat",
	"source", "area_km2",   "population", "terrain", "notes"};
#define COL_REQUIRED 7 /* the first seven are required */

static enum gt_status add_warning(struct gt_missions *m, const char *text)
{
	char **grown = realloc(m->warnings, (m->nwarnings + 1) * sizeof(*grown));
	if (!grown)
		return GT_E_NOMEM;
	m->warnings = grown;
	m->warnings[m->nwarnings] = strdup(text);
	if (!m->warnings[m->nwarnings])
		return GT_E_NOMEM;
	m->nwarnings++;
	return GT_OK;
}

static enum gt_status read_mission(const char *file, char **f, const int *idx, size_t row,
                                   int line, struct gt_mission *ms, struct gt_err *err)
{
	char path[64];
	double v;
	ms->row = row;
	for (int c = 0; c < COL_COUNT; c++) {
		size_t bad;
		if (idx[c] >= 0 && !gt__utf8_valid(f[idx[c]], strlen(f[idx[c]]), &bad)) {
			snprintf(path, sizeof(path), "row %zu, column '%s'", row, col_names[c]);
			return gt_err_set(err, GT_E_SCHEMA, file, line, 0, path,
			                  "not valid UTF-8 at byte %zu; save the file as UTF-8", bad + 1);
		}
	}
#define BAD(col, ...)                                                                      \
	(snprintf(path, sizeof(path), "row %zu, column '%s'", row, col_names[col]),          \
	 gt_err_set(err, GT_E_SCHEMA, file, line, 0, path, __VA_ARGS__))
#define FIELD(col) (idx[col] >= 0 ? f[idx[col]] : "")
	if (!*FIELD(COL_NAME))
		return BAD(COL_NAME, "empty; expected the mission's name");
	if (!(ms->name = strdup(FIELD(COL_NAME))))
		return GT_E_NOMEM;
	if (!gt__csv_number(FIELD(COL_START_YEAR), &v) || v != floor(v) || v < 1900 || v > 2100)
		return BAD(COL_START_YEAR, "'%s'; expected a year from 1900 to 2100",
		           FIELD(COL_START_YEAR));
	ms->start_year = (int)v;
	if (!gt__csv_number(FIELD(COL_TROOPS), &ms->troops) || !(ms->troops >= 1) ||
	    ms->troops > 1e7)
		return BAD(COL_TROOPS, "'%s'; expected a number of troops from 1 to 10000000 (no commas)",
		           FIELD(COL_TROOPS));
	if (!gt__csv_number(FIELD(COL_LINE_KM), &ms->line_km) || !(ms->line_km > 0) ||
	    ms->line_km > 50000)
		return BAD(COL_LINE_KM, "'%s'; expected a length in km above 0 and at most 50000",
		           FIELD(COL_LINE_KM));
	if (!gt_posture_parse(FIELD(COL_POSTURE), &ms->posture) || ms->posture == GT_POSTURE_NONE)
		return BAD(COL_POSTURE,
		           "'%s'; expected observer, buffer, line, depth or stabilisation",
		           FIELD(COL_POSTURE));
	if (!gt_threat_parse(FIELD(COL_THREAT), &ms->threat))
		return BAD(COL_THREAT, "'%s'; expected low, medium or high", FIELD(COL_THREAT));
	if (!*FIELD(COL_SOURCE))
		return BAD(COL_SOURCE, "empty; every mission needs a source for its figures");
	if (!(ms->source = strdup(FIELD(COL_SOURCE))))
		return GT_E_NOMEM;
	ms->terrain = GT_TERRAIN_MIXED;
	if (*FIELD(COL_TERRAIN)) {
		if (!gt_terrain_parse(FIELD(COL_TERRAIN), &ms->terrain))
			return BAD(COL_TERRAIN,
			           "'%s'; expected open, mixed, forest, urban, river, mountain or empty",
			           FIELD(COL_TERRAIN));
		ms->terrain_given = true;
	}
	if (*FIELD(COL_POPULATION) &&
	    (!gt__csv_number(FIELD(COL_POPULATION), &ms->population) || !(ms->population > 0) ||
	     ms->population > 1e10))
		return BAD(COL_POPULATION, "'%s'; expected a number of people from 1 to 10000000000, "
		                           "or empty",
		           FIELD(COL_POPULATION));
	if (*FIELD(COL_AREA) && (!gt__csv_number(FIELD(COL_AREA), &ms->area_km2) ||
	                         !(ms->area_km2 > 0) || ms->area_km2 > 1e8))
		return BAD(COL_AREA, "'%s'; expected an area in km² above 0 and at most 100000000, "
		                     "or empty",
		           FIELD(COL_AREA));
	if (ms->posture == GT_POSTURE_STABILISATION && ms->population <= 0)
		return BAD(COL_POPULATION,
		           "empty, but posture 'stabilisation' is sized by population; give the "
		           "population the mission secured");
	if (*FIELD(COL_NOTES) && !(ms->notes = strdup(FIELD(COL_NOTES))))
		return GT_E_NOMEM;
#undef FIELD
#undef BAD
	return GT_OK;
}

/* Unknown columns are ignored, with a warning the CLI prints. */
struct unknown_ctx {
	struct gt_missions *m;
	const char *file;
};

static enum gt_status warn_unknown(void *ctx, const char *column)
{
	const struct unknown_ctx *uc = ctx;
	char w[300];
	snprintf(w, sizeof(w), "%s: column '%.200s' is not used and was ignored", uc->file, column);
	return add_warning(uc->m, w);
}

enum gt_status gt_missions_load_text(const char *csv, size_t len, const char *name,
                                     struct gt_missions **out, struct gt_err *err)
{
	struct gt__csv t = {0};
	*out = NULL;
	gt_err_clear(err);
	struct gt_missions *m = calloc(1, sizeof(*m));
	if (m && !(m->file = strdup(name))) {
		free(m);
		m = NULL;
	}
	if (!m)
		return gt_err_set(err, GT_E_NOMEM, name, 0, 0, NULL, "out of memory");
	enum gt_status st = gt__csv_parse(csv, len, name, &t, err);
	if (st != GT_OK)
		goto out_fail;
	if (t.n < 2) {
		st = gt_err_set(err, GT_E_SCHEMA, name, 0, 0, NULL,
		                "expected a header row and at least one mission");
		goto out_fail;
	}
	int idx[COL_COUNT];
	struct unknown_ctx uc = {m, name};
	if ((st = gt__csv_header(&t, name, col_names, COL_COUNT, idx, warn_unknown, &uc, err)) !=
	    GT_OK)
		goto out_fail;
	for (int c = 0; c < COL_REQUIRED; c++) {
		if (idx[c] < 0) {
			st = gt_err_set(err, GT_E_SCHEMA, name, 1, 0, "row 1",
			                "missing required column '%s'; required: name, start_year, "
			                "troops, line_km, posture, threat, source",
			                col_names[c]);
			goto out_fail;
		}
	}
	m->items = calloc(t.n - 1, sizeof(*m->items));
	if (!m->items) {
		st = gt_err_set(err, GT_E_NOMEM, name, 0, 0, NULL, "out of memory");
		goto out_fail;
	}
	for (size_t i = 1; i < t.n; i++) {
		if (t.widths[i] != t.widths[0]) {
			char path[32];
			snprintf(path, sizeof(path), "row %zu", i + 1);
			st = gt_err_set(err, GT_E_SCHEMA, name, t.lines[i], 0, path,
			                "%zu fields; expected %zu as in the header", t.widths[i],
			                t.widths[0]);
			goto out_fail;
		}
		m->n = i;
		if ((st = read_mission(name, t.rows[i], idx, i + 1, t.lines[i], &m->items[i - 1], err)) !=
		    GT_OK)
			goto out_fail;
		for (size_t j = 0; j + 1 < i; j++) {
			if (strcmp(m->items[j].name, m->items[i - 1].name) == 0) {
				char path[32];
				snprintf(path, sizeof(path), "row %zu", i + 1);
				st = gt_err_set(err, GT_E_SCHEMA, name, t.lines[i], 0, path,
				                "mission '%s' also appears in row %zu", m->items[j].name,
				                m->items[j].row);
				goto out_fail;
			}
		}
	}
	gt__csv_fini(&t);
	*out = m;
	return GT_OK;
out_fail:
	if (st == GT_E_NOMEM && err && err->status == GT_OK)
		gt_err_set(err, GT_E_NOMEM, name, 0, 0, NULL, "out of memory");
	gt__csv_fini(&t);
	gt_missions_free(m);
	return st;
}

enum gt_status gt_missions_load_file(const char *path, struct gt_missions **out,
                                     struct gt_err *err)
{
	char *text;
	size_t len;
	*out = NULL;
	enum gt_status st = gt__read_file(path, &text, &len, err);
	if (st != GT_OK)
		return st;
	st = gt_missions_load_text(text, len, path, out, err);
	free(text);
	return st;
}

void gt_missions_free(struct gt_missions *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++) {
		free(m->items[i].name);
		free(m->items[i].source);
		free(m->items[i].notes);
	}
	free(m->items);
	for (size_t i = 0; i < m->nwarnings; i++)
		free(m->warnings[i]);
	free(m->warnings);
	free(m->file);
	free(m);
}
