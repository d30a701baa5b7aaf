/* violation.h: the vocabulary of ceasefire violations, shared by reports
 * (monitor.h) and the agreement's thresholds in a scenario (scenario.h):
 * who saw or heard it, what it was, and with what weapon (docs/monitor.md,
 * "Reports"). Names are as written in JSON and YAML. */
#ifndef GUARANTOR_VIOLATION_H
#define GUARANTOR_VIOLATION_H

#include <stdbool.h>

#include "guarantor/err.h"

#ifdef __cplusplus
extern "C" {
#endif

enum gt_source_kind {
	GT_SOURCE_PATROL,
	GT_SOURCE_FIXED_CAMERA,
	GT_SOURCE_UAV,
	GT_SOURCE_ACOUSTIC,
	GT_SOURCE_PARTNER,
	GT_SOURCE_OPEN_SOURCE,
	GT_SOURCE_COUNT
};

enum gt_event_type {
	GT_EVENT_EXPLOSION,
	GT_EVENT_SMALL_ARMS,
	GT_EVENT_DRONE,
	GT_EVENT_HEAVY_WEAPONS,
	GT_EVENT_MINE,
	GT_EVENT_AIRSPACE,
	GT_EVENT_OTHER,
	GT_EVENT_COUNT
};

/* Explosions by weapon class (OSCE SMM practice). */
enum gt_weapon {
	GT_WEAPON_NONE, /* not an explosion, or not assessed */
	GT_WEAPON_UNDETERMINED,
	GT_WEAPON_MORTAR,
	GT_WEAPON_ARTILLERY,
	GT_WEAPON_MLRS,
	GT_WEAPON_TANK,
	GT_WEAPON_GRENADE,
	GT_WEAPON_COUNT
};

GT_EXPORT const char *gt_source_kind_name(enum gt_source_kind k);
GT_EXPORT const char *gt_event_type_name(enum gt_event_type t);
GT_EXPORT const char *gt_weapon_name(enum gt_weapon w);
/* The names back to values; false for an unknown name. */
GT_EXPORT bool gt_source_kind_parse(const char *s, enum gt_source_kind *out);
GT_EXPORT bool gt_event_type_parse(const char *s, enum gt_event_type *out);
GT_EXPORT bool gt_weapon_parse(const char *s, enum gt_weapon *out);

#ifdef __cplusplus
}
#endif
#endif
