/* readfile.h: whole-file reading for the library's loaders (private). */
#ifndef GT_UTIL_READFILE_H
#define GT_UTIL_READFILE_H

#include <stddef.h>

#include "guarantor/err.h"

/* Reads a whole file (at most 1 GiB) into a NUL-terminated buffer.
 * OUT: *text (caller frees) and *len. */
GT_MUST_CHECK enum gt_status gt__read_file(const char *path, char **text, size_t *len,
                                           struct gt_err *err);

#endif
