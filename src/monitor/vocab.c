/* vocab.c: the names of source kinds, event types and weapon classes
 * (violation.h). */
#include "monitor/vocab.h"

#include <string.h>

const char *const gt__source_names[GT_SOURCE_COUNT] = {
	"patrol", "fixed_camera", "uav", "acoustic", "partner", "open_source"};
const char *const gt__event_names[GT_EVENT_COUNT] = {
	"explosion", "small_arms", "drone", "heavy_weapons_movement", "mine", "airspace", "other"};
const char *const gt__weapon_names[GT_WEAPON_COUNT] = {
	"none", "undetermined", "mortar", "artillery", "mlrs", "tank", "grenade"};

const char *gt_source_kind_name(enum gt_source_kind k)
{
	return (unsigned)k < GT_SOURCE_COUNT ? gt__source_names[k] : "?";
}

const char *gt_event_type_name(enum gt_event_type t)
{
	return (unsigned)t < GT_EVENT_COUNT ? gt__event_names[t] : "?";
}

const char *gt_weapon_name(enum gt_weapon w)
{
	return (unsigned)w < GT_WEAPON_COUNT ? gt__weapon_names[w] : "?";
}

bool gt__name_find(const char *const *names, int count, const char *s, int *out)
{
	for (int i = 0; s && i < count; i++)
		if (strcmp(names[i], s) == 0) {
			*out = i;
			return true;
		}
	return false;
}

bool gt_source_kind_parse(const char *s, enum gt_source_kind *out)
{
	int i;
	if (!gt__name_find(gt__source_names, GT_SOURCE_COUNT, s, &i))
		return false;
	*out = (enum gt_source_kind)i;
	return true;
}

bool gt_event_type_parse(const char *s, enum gt_event_type *out)
{
	int i;
	if (!gt__name_find(gt__event_names, GT_EVENT_COUNT, s, &i))
		return false;
	*out = (enum gt_event_type)i;
	return true;
}

bool gt_weapon_parse(const char *s, enum gt_weapon *out)
{
	int i;
	if (!gt__name_find(gt__weapon_names, GT_WEAPON_COUNT, s, &i))
		return false;
	*out = (enum gt_weapon)i;
	return true;
}
