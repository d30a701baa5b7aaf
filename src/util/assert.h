/* assert.h: GT_ASSERT, for broken internal invariants (defects), never for
 * bad input, which gets a status. Always on: the checks are cheap and a
 * defect caught is better than a wrong number printed. */
#ifndef GT_UTIL_ASSERT_H
#define GT_UTIL_ASSERT_H

#include <stdio.h>
#include <stdlib.h>

#define GT_ASSERT(cond)                                                                     \
	((cond) ? (void)0                                                                   \
	        : (fprintf(stderr, "guarantor: internal error: %s:%d: %s\n", __FILE__,     \
	                   __LINE__, #cond),                                                \
	           abort()))

#endif
