/* err.h: the one status type of guarantor, and the error record that carries
 * a human message (file, line, column, field path, what was expected).
 *
 * Every function that can fail returns an enum gt_status and, when given a
 * struct gt_err, fills it in. The caller owns the struct gt_err; it holds no
 * pointers, so it needs no release. */
#ifndef GUARANTOR_ERR_H
#define GUARANTOR_ERR_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define GT_EXPORT __attribute__((visibility("default")))
#define GT_MUST_CHECK __attribute__((warn_unused_result))
#define GT_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define GT_EXPORT
#define GT_MUST_CHECK
#define GT_PRINTF(f, a)
#endif

enum gt_status {
	GT_OK = 0,
	GT_E_NOMEM = -1,       /* an allocation failed */
	GT_E_IO = -2,          /* a file could not be read or written */
	GT_E_SYNTAX = -3,      /* the text is not well-formed YAML, JSON or CSV */
	GT_E_SCHEMA = -4,      /* well-formed, but a field is unknown, missing or of the wrong type */
	GT_E_RANGE = -5,       /* a number is outside the range the field allows */
	GT_E_GEOMETRY = -6,    /* geometry is empty, invalid, self-intersecting or misplaced */
	GT_E_USAGE = -7,       /* bad command-line usage or bad argument to a function */
	GT_E_UNSUPPORTED = -8, /* the feature was not built in */
	GT_E_INTERNAL = -9,    /* a foreign library failed in a way we did not expect */
	GT_E_AUTH = -10,       /* a token is missing, wrong or revoked */
	GT_E_INTEGRITY = -11,  /* stored data fails its integrity check (audit chain, file) */
	GT_E_CONFLICT = -12,   /* an id is already used for something else, or the object is
	                        * not in a state that allows the change */
	GT_E_NOTFOUND = -13,   /* no object has that id */
	GT_E_FULL = -14,       /* the store has reached its size limit or its disk is full */
	GT_E_UNAVAILABLE = -15 /* the store's database cannot be reached now; try again */
};

/* A short, fixed English description of a status ("out of memory", ...). */
GT_EXPORT const char *gt_strerror(enum gt_status status);

/* True for statuses caused by the user's input rather than the machine. */
GT_EXPORT bool gt_status_is_input_error(enum gt_status status);

struct gt_err {
	enum gt_status status;
	char file[256]; /* the input file, or "" */
	int line;       /* 1-based; 0 when unknown */
	int column;     /* 1-based; 0 when unknown */
	char path[256]; /* field path such as "doctrine.density_per_km.open.high", or "" */
	char msg[768];  /* what was wrong and what was expected */
};

/* Clears an error record to GT_OK. */
GT_EXPORT void gt_err_clear(struct gt_err *err);

/* Records an error and returns its status, so that a failing function can
 * end with `return gt_err_set(err, GT_E_RANGE, file, line, col, path, ...)`.
 * err may be NULL; file and path may be NULL. */
GT_EXPORT enum gt_status gt_err_set(struct gt_err *err, enum gt_status status,
                                    const char *file, int line, int column,
                                    const char *path, const char *fmt, ...)
	GT_PRINTF(7, 8);

/* Writes "file:line:column: path: message" (omitting the parts that are
 * unknown) into buf, always NUL-terminated. Returns buf. */
/* Cuts a UTF-8 sequence left incomplete at the end of s, as a
 * truncating snprintf leaves one, so that the text stays UTF-8 (JSON
 * takes nothing else). gt_err_set does it to its message. */
GT_EXPORT void gt_err_utf8_fit(char *s);
GT_EXPORT char *gt_err_format(const struct gt_err *err, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
