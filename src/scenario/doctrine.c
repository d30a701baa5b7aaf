/* doctrine.c: reads the doctrine section, the planning factors of the
 * sizing model (docs/model-sizing.md). Every field is required: a scenario
 * states all its assumptions. */
#include "scenario_priv.h"
#include "util/assert.h"

#include <stdio.h>
#include <string.h>

/* Reads a mapping with one number per enum name (all required). */
static enum gt_status read_table(struct yr *r, const yaml_node_t *map, const char *path,
                                 const char *const *names, int count, double min, double max,
                                 double *out)
{
	const char *keys[8];
	GT_ASSERT(count >= 0 && (size_t)count < sizeof(keys) / sizeof(keys[0]));
	for (int i = 0; i < count; i++)
		keys[i] = names[i];
	keys[count] = NULL;
	enum gt_status st;
	if ((st = gt__yr_expect_map(r, map, path)) != GT_OK ||
	    (st = gt__yr_check_keys(r, map, path, keys)) != GT_OK)
		return st;
	for (int i = 0; i < count; i++)
		if ((st = gt__yr_req_number(r, map, path, names[i], min, max, &out[i])) != GT_OK)
			return st;
	return GT_OK;
}

static enum gt_status read_section(struct yr *r, const yaml_node_t *d, const char *key,
                                   const char *const *keys, yaml_node_t **out, char *path)
{
	enum gt_status st = gt__yr_need(r, d, "doctrine", key, out);
	gt__yr_path_key(path, "doctrine", key);
	if (st == GT_OK)
		st = gt__yr_expect_map(r, *out, path);
	if (st == GT_OK)
		st = gt__yr_check_keys(r, *out, path, keys);
	return st;
}

enum gt_status gt__read_doctrine(struct yr *r, const yaml_node_t *n, struct gt_doctrine *doc)
{
	const yaml_node_t *d = n;
	static const char *const keys[] = {"density_per_km", "posture_factor", "observer_per_km",
	                                   "stabilisation_per_1000", "reserve_share",
	                                   "enabler_share", "hq_share", "rotation", "air", "naval",
	                                   "map", "border", NULL};
	static const char *const factor_keys[] = {"buffer", "depth", NULL};
	static const char *const rotation_keys[] = {"ground", "air", "naval", "training",
	                                            "monitoring", NULL};
	static const char *const air_keys[] = {"aew_altitude_m",     "target_low_m",
	                                       "target_high_m",      "alert_minutes",
	                                       "sam_range_km",       "sam_margin_km",
	                                       "station_spacing_km", "min_on_station_h",
	                                       "max_fleet_share",    NULL};
	static const char *const naval_keys[] = {"ships_per_task_group", "personnel_per_ship",
	                                         NULL};
	static const char *const map_keys[] = {"footprint_km", NULL};
	static const char *const border_keys[] = {"monitor_share", "probe_share", NULL};
	char path[YR_PATH_MAX], sub[YR_PATH_MAX];
	enum gt_status st;
	memset(doc, 0, sizeof(*doc));
	if ((st = gt__yr_expect_map(r, d, "doctrine")) != GT_OK ||
	    (st = gt__yr_check_keys(r, d, "doctrine", keys)) != GT_OK)
		return st;

	/* density_per_km: terrain -> threat -> troops per km */
	yaml_node_t *sec;
	if ((st = read_section(r, d, "density_per_km", gt__terrain_names(), &sec, path)) != GT_OK)
		return st;
	for (int t = 0; t < GT_TERRAIN_COUNT; t++) {
		yaml_node_t *row;
		if ((st = gt__yr_need(r, sec, path, gt__terrain_names()[t], &row)) != GT_OK)
			return st;
		gt__yr_path_key(sub, path, gt__terrain_names()[t]);
		if ((st = read_table(r, row, sub, gt__threat_names(), GT_THREAT_COUNT, 0, 5000,
		                     doc->density[t])) != GT_OK)
			return st;
	}

	if ((st = read_section(r, d, "posture_factor", factor_keys, &sec, path)) != GT_OK ||
	    (st = gt__yr_req_number(r, sec, path, "buffer", 0, 10,
	                            &doc->posture_factor[GT_POSTURE_BUFFER])) != GT_OK ||
	    (st = gt__yr_req_number(r, sec, path, "depth", 0, 10,
	                            &doc->posture_factor[GT_POSTURE_DEPTH])) != GT_OK)
		return st;
	doc->posture_factor[GT_POSTURE_LINE] = 1.0; /* the reference posture */

	if ((st = gt__yr_req_number(r, d, "doctrine", "observer_per_km", 0, 1000,
	                            &doc->observer_per_km)) != GT_OK)
		return st;
	if ((st = gt__yr_need(r, d, "doctrine", "stabilisation_per_1000", &sec)) != GT_OK)
		return st;
	if ((st = read_table(r, sec, "doctrine.stabilisation_per_1000", gt__threat_names(),
	                     GT_THREAT_COUNT, 0, 1000, doc->stabilisation_per_1000)) != GT_OK)
		return st;
	if ((st = gt__yr_req_number(r, d, "doctrine", "reserve_share", 0, 5,
	                            &doc->reserve_share)) != GT_OK ||
	    (st = gt__yr_req_number(r, d, "doctrine", "enabler_share", 0, 10,
	                            &doc->enabler_share)) != GT_OK ||
	    (st = gt__yr_req_number(r, d, "doctrine", "hq_share", 0, 1, &doc->hq_share)) != GT_OK)
		return st;

	if ((st = read_section(r, d, "rotation", rotation_keys, &sec, path)) != GT_OK)
		return st;
	double rot[5];
	if ((st = read_table(r, sec, path, rotation_keys, 5, 1, 20, rot)) != GT_OK)
		return st;
	doc->rotation = (struct gt_rotation){rot[0], rot[1], rot[2], rot[3], rot[4]};

	if ((st = read_section(r, d, "air", air_keys, &sec, path)) != GT_OK ||
	    (st = gt__yr_req_number(r, sec, path, "aew_altitude_m", 100, 20000,
	                            &doc->aew_altitude_m)) != GT_OK ||
	    (st = gt__yr_req_number(r, sec, path, "target_low_m", 1, 5000, &doc->target_low_m)) !=
	            GT_OK ||
	    (st = gt__yr_req_number(r, sec, path, "target_high_m", 1, 30000,
	                            &doc->target_high_m)) != GT_OK ||
	    (st = gt__yr_req_number(r, sec, path, "alert_minutes", 0, 240, &doc->alert_minutes)) !=
	            GT_OK ||
	    (st = gt__yr_req_number(r, sec, path, "sam_range_km", 0, 1000, &doc->sam_range_km)) !=
	            GT_OK)
		return st;
	/* optional, with the defaults docs/scenario.md gives (assumptions) */
	doc->sam_margin_km = 50;
	doc->station_spacing_km = 100;
	doc->min_on_station_h = 1;
	doc->max_fleet_share = 0.5;
	if ((st = gt__yr_opt_number(r, sec, path, "sam_margin_km", 0, 1000, &doc->sam_margin_km)) !=
	            GT_OK ||
	    (st = gt__yr_opt_number(r, sec, path, "station_spacing_km", 1, 2000,
	                            &doc->station_spacing_km)) != GT_OK ||
	    (st = gt__yr_opt_number(r, sec, path, "min_on_station_h", 0, 24,
	                            &doc->min_on_station_h)) != GT_OK ||
	    (st = gt__yr_opt_number(r, sec, path, "max_fleet_share", 0.01, 1,
	                            &doc->max_fleet_share)) != GT_OK)
		return st;
	if ((st = read_section(r, d, "naval", naval_keys, &sec, path)) != GT_OK ||
	    (st = gt__yr_req_number(r, sec, path, "ships_per_task_group", 1, 100,
	                            &doc->ships_per_task_group)) != GT_OK ||
	    (st = gt__yr_req_number(r, sec, path, "personnel_per_ship", 1, 10000,
	                            &doc->personnel_per_ship)) != GT_OK)
		return st;
	if ((st = read_section(r, d, "map", map_keys, &sec, path)) != GT_OK ||
	    (st = gt__yr_req_number(r, sec, path, "footprint_km", 0.1, 500, &doc->footprint_km)) !=
	            GT_OK)
		return st;
	/* optional: a border to watch against a front, with the defaults
	 * docs/scenario.md gives (assumptions) */
	doc->border_monitor_share = 0.25;
	doc->border_probe_share = 0.25;
	if ((sec = gt__yr_get(r, d, "border")) != NULL) {
		gt__yr_path_key(path, "doctrine", "border");
		if ((st = gt__yr_expect_map(r, sec, path)) != GT_OK ||
		    (st = gt__yr_check_keys(r, sec, path, border_keys)) != GT_OK ||
		    (st = gt__yr_opt_number(r, sec, path, "monitor_share", 0, 10,
		                            &doc->border_monitor_share)) != GT_OK ||
		    (st = gt__yr_opt_number(r, sec, path, "probe_share", 0, 10,
		                            &doc->border_probe_share)) != GT_OK)
			return st;
	}
	return GT_OK;
}
