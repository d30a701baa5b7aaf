/* vocab.h: names and their values, private to src/monitor (vocab.c). */
#ifndef GT_MONITOR_VOCAB_H
#define GT_MONITOR_VOCAB_H

#include <stdbool.h>

#include "guarantor/violation.h"

/* The index of s among names[0..count-1]; false when it is none of them
 * or NULL. */
bool gt__name_find(const char *const *names, int count, const char *s, int *out);

/* The vocabulary's names, indexed by value (vocab.c). */
extern const char *const gt__source_names[GT_SOURCE_COUNT];
extern const char *const gt__event_names[GT_EVENT_COUNT];
extern const char *const gt__weapon_names[GT_WEAPON_COUNT];

#endif
