/* names.c: the names of the scenario's enumerations as written in files. */
#include "scenario_priv.h"
#include "util/fold.h"

#include <stdio.h>
#include <string.h>

/* NULL-terminated, so that they also serve as lists of allowed keys. */
static const char *const terrain_names[GT_TERRAIN_COUNT + 1] = {
	"open", "mixed", "forest", "urban", "river", "mountain", NULL};
static const char *const threat_names[GT_THREAT_COUNT + 1] = {"low", "medium", "high", NULL};
static const char *const posture_names[GT_POSTURE_COUNT + 1] = {
	"none", "observer", "buffer", "line", "depth", "stabilisation", NULL};
static const char *const place_names[GT_PLACE_KIND_COUNT] = {"city", "air_base", "port",
                                                                       "radar"};

static const char *const domain_names[GT_DOMAIN_COUNT + 1] = {
	"land", "air", "sea", "training", "monitoring", NULL};
static const char *const unit_names[GT_UNIT_COUNT + 1] = {
	"companies", "fighters", "aew", "tankers", "ships", "trainers", "monitors", NULL};
static const enum gt_domain unit_domains[GT_UNIT_COUNT] = {
	GT_DOMAIN_LAND, GT_DOMAIN_AIR, GT_DOMAIN_AIR, GT_DOMAIN_AIR, GT_DOMAIN_SEA,
	GT_DOMAIN_TRAINING, GT_DOMAIN_MONITORING};
static const char *const role_names[GT_ROLE_KIND_COUNT + 1] = {
	"line", "garrison", "reserve", "enablers", "air_patrol", "aew", "air_refuelling", "naval",
	"training", "monitoring", NULL};

const char *gt_domain_name(enum gt_domain d)
{
	return (unsigned)d < GT_DOMAIN_COUNT ? domain_names[d] : "?";
}

const char *gt_unit_name(enum gt_unit u)
{
	return (unsigned)u < GT_UNIT_COUNT ? unit_names[u] : "?";
}

enum gt_domain gt_unit_domain(enum gt_unit u)
{
	return unit_domains[u];
}

const char *gt_role_kind_name(enum gt_role_kind k)
{
	return (unsigned)k < GT_ROLE_KIND_COUNT ? role_names[k] : "?";
}

const char *const *gt__domain_names(void) { return domain_names; }
const char *const *gt__unit_names(void) { return unit_names; }
const char *const *gt__role_names(void) { return role_names; }

const char *gt_terrain_name(enum gt_terrain t)
{
	return (unsigned)t < GT_TERRAIN_COUNT ? terrain_names[t] : "?";
}

const char *gt_threat_name(enum gt_threat t)
{
	return (unsigned)t < GT_THREAT_COUNT ? threat_names[t] : "?";
}

const char *gt_posture_name(enum gt_posture p)
{
	return (unsigned)p < GT_POSTURE_COUNT ? posture_names[p] : "?";
}

const char *gt_place_kind_name(enum gt_place_kind k)
{
	return (unsigned)k < GT_PLACE_KIND_COUNT ? place_names[k] : "?";
}

static bool lookup(const char *const *names, int count, const char *s, int *out)
{
	for (int i = 0; s && i < count; i++) {
		if (strcmp(names[i], s) == 0) {
			*out = i;
			return true;
		}
	}
	return false;
}

bool gt_terrain_parse(const char *s, enum gt_terrain *out)
{
	int i;
	if (!lookup(terrain_names, GT_TERRAIN_COUNT, s, &i))
		return false;
	*out = (enum gt_terrain)i;
	return true;
}

bool gt_threat_parse(const char *s, enum gt_threat *out)
{
	int i;
	if (!lookup(threat_names, GT_THREAT_COUNT, s, &i))
		return false;
	*out = (enum gt_threat)i;
	return true;
}

bool gt_posture_parse(const char *s, enum gt_posture *out)
{
	int i;
	if (!lookup(posture_names, GT_POSTURE_COUNT, s, &i))
		return false;
	*out = (enum gt_posture)i;
	return true;
}

const char *const *gt__terrain_names(void) { return terrain_names; }
const char *const *gt__threat_names(void) { return threat_names; }
const char *const *gt__posture_names(void) { return posture_names; }

bool gt_name_match(const char *name, const char *typed, bool prefix)
{
	char a[256], b[256];
	gt__fold(name, a, sizeof(a));
	gt__fold(typed, b, sizeof(b));
	return prefix ? b[0] && strncmp(a, b, strlen(b)) == 0 : strcmp(a, b) == 0;
}

void gt_name_suggest(const char *typed, const char *const *names, size_t n, size_t most,
                     char *out, size_t size)
{
	enum { KEEP = 8 };
	char t[256], c[256];
	size_t best[KEEP] = {0}, dist[KEEP] = {0}, kept = 0;
	gt__fold(typed, t, sizeof(t));
	size_t limit = strlen(t) / 4 + 1; /* beyond this, a guess is no help */
	most = most < KEEP ? most : KEEP;
	for (size_t i = 0; i < n && most > 0; i++) {
		gt__fold(names[i], c, sizeof(c));
		/* against the beginning of the name nearest the typed text: a slip in
		 * "Rzesow" is as near "Rzeszów-Jasionka" as "Rzeszów" */
		size_t d = gt__edit_distance(t, c, true);
		if (d > limit)
			continue;
		size_t at = kept < most ? kept++ : most;
		while (at > 0 && dist[at - 1] > d) { /* insertion, stable among equals */
			if (at < most) {
				best[at] = best[at - 1];
				dist[at] = dist[at - 1];
			}
			at--;
		}
		if (at < most) {
			best[at] = i;
			dist[at] = d;
		}
	}
	size_t used = 0;
	if (size)
		out[0] = '\0';
	for (size_t k = 0; k < kept && used < size; k++) {
		int w = snprintf(out + used, size - used, "%s'%s'",
		                 k == 0 ? "" : k + 1 == kept ? " or " : ", ", names[best[k]]);
		used += w > 0 ? (size_t)w : 0;
	}
}
