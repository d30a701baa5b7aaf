/* scenario_priv.h: pieces of the scenario loader shared between its files. */
#ifndef GT_SCENARIO_PRIV_H
#define GT_SCENARIO_PRIV_H

#include "guarantor/scenario.h"
#include "yread.h"

/* Parses a GeoJSON FeatureCollection into th's geometry and places, and
 * validates it (docs/scenario.md, "Geometry"). file labels errors. */
GT_MUST_CHECK enum gt_status gt__geojson_load(const char *text, size_t len, const char *file,
                                              struct gt_theatre *th, struct gt_err *err);

/* The ground the defender holds (territory.c), once the geometry is
 * loaded: th's held, occupied, areas and label, with theatre.held_side
 * read from the theatre node. */
GT_MUST_CHECK enum gt_status gt__territory_derive(struct yr *r, const yaml_node_t *theatre,
                                                  struct gt_scenario *s);

/* Releases what gt__geojson_load and the YAML loader put in th. */
void gt__theatre_fini(struct gt_theatre *th);

/* Index of the vertex of line ln named place, or -1. */
long gt__line_vertex(const struct gt_line *ln, const char *place);

/* How messages name line ln: "the line of contact" when it is the only
 * line, else "line 'NAME'" (written to buf). */
const char *gt__line_words(const struct gt_theatre *th, const struct gt_line *ln, char *buf,
                           size_t size);
/* How many lines of th have role r. */
size_t gt__line_count(const struct gt_theatre *th, enum gt_line_role r);
/* The line named name, or NULL. */
const struct gt_line *gt__line_find(const struct gt_theatre *th, const char *name);

/* Enumeration names, indexed by value and NULL-terminated, for gt__yr_enum
 * and gt__yr_check_keys. */
const char *const *gt__terrain_names(void);
const char *const *gt__threat_names(void);
const char *const *gt__posture_names(void);
const char *const *gt__domain_names(void);
const char *const *gt__unit_names(void);
const char *const *gt__role_names(void);

/* Section readers. Each reads one top-level section of the YAML file into
 * s, which owns what they allocate (released by gt_scenario_free). The
 * theatre is loaded before sectors and options, which refer to it. */
GT_MUST_CHECK enum gt_status gt__read_sectors(struct yr *r, const yaml_node_t *n,
                                              struct gt_scenario *s);
GT_MUST_CHECK enum gt_status gt__read_doctrine(struct yr *r, const yaml_node_t *n,
                                               struct gt_doctrine *doc);
GT_MUST_CHECK enum gt_status gt__read_options(struct yr *r, const yaml_node_t *n,
                                              struct gt_scenario *s);

/* Reads the coalition (needs the doctrine, for default rotation ratios). */
GT_MUST_CHECK enum gt_status gt__read_coalition(struct yr *r, const yaml_node_t *n,
                                                struct gt_scenario *s);
/* Checks the names caveats refer to (needs sectors, places and members). */
GT_MUST_CHECK enum gt_status gt__check_caveats(struct yr *r, const yaml_node_t *n,
                                               const struct gt_scenario *s);
GT_MUST_CHECK enum gt_status gt__read_simulation(struct yr *r, const yaml_node_t *n,
                                                 struct gt_scenario *s);
GT_MUST_CHECK enum gt_status gt__read_monitoring(struct yr *r, const yaml_node_t *n,
                                                 struct gt_scenario *s);
void gt__monitoring_fini(struct gt_monitoring *m);
GT_MUST_CHECK enum gt_status gt__read_forcegen(struct yr *r, const yaml_node_t *n,
                                               struct gt_scenario *s);

#endif
