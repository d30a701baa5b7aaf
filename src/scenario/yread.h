/* yread.h: typed, position-aware reading of a libyaml document.
 *
 * Every getter checks the node's type and range and, on failure, fills the
 * caller's struct gt_err with file, line, column, the field path and what
 * was expected. Paths are built by the caller with yr_path_key and
 * yr_path_index into fixed buffers. Private to src/scenario. */
#ifndef GT_SCENARIO_YREAD_H
#define GT_SCENARIO_YREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "guarantor/err.h"

#define YR_PATH_MAX 200

struct yr {
	yaml_document_t doc;
	bool loaded;
	const char *file;
	struct gt_err *err;
};

GT_MUST_CHECK enum gt_status gt__yr_open(struct yr *r, const char *text, size_t len,
                                         const char *file, struct gt_err *err);
void gt__yr_close(struct yr *r);
yaml_node_t *gt__yr_root(struct yr *r);

void gt__yr_path_key(char *out, const char *path, const char *key);
void gt__yr_path_index(char *out, const char *path, size_t i);

/* Records an error located at node. Returns status. */
enum gt_status gt__yr_fail(struct yr *r, const yaml_node_t *node, const char *path,
                           enum gt_status status, const char *fmt, ...) GT_PRINTF(5, 6);

bool gt__yr_is_map(const yaml_node_t *n);
bool gt__yr_is_seq(const yaml_node_t *n);
bool gt__yr_is_scalar(const yaml_node_t *n);
/* True for an unquoted scalar that reads as a number. */
bool gt__yr_is_number(const yaml_node_t *n);
const char *gt__yr_text(const yaml_node_t *n);

GT_MUST_CHECK enum gt_status gt__yr_expect_map(struct yr *r, const yaml_node_t *n,
                                               const char *path);
GT_MUST_CHECK enum gt_status gt__yr_expect_seq(struct yr *r, const yaml_node_t *n,
                                               const char *path);

/* Fails on the first key of map not in the NULL-terminated list allowed,
 * and on a key that appears twice. */
GT_MUST_CHECK enum gt_status gt__yr_check_keys(struct yr *r, const yaml_node_t *map,
                                               const char *path,
                                               const char *const *allowed);

/* The value under key in map, or NULL. */
yaml_node_t *gt__yr_get(struct yr *r, const yaml_node_t *map, const char *key);
/* As gt__yr_get, but a missing key is an error. */
GT_MUST_CHECK enum gt_status gt__yr_need(struct yr *r, const yaml_node_t *map,
                                         const char *path, const char *key,
                                         yaml_node_t **out);

size_t gt__yr_seq_len(const yaml_node_t *seq);
yaml_node_t *gt__yr_seq_at(struct yr *r, const yaml_node_t *seq, size_t i);

/* Scalar readers. OUT: *out. String results are malloc'd, caller frees. */
GT_MUST_CHECK enum gt_status gt__yr_string(struct yr *r, const yaml_node_t *n,
                                           const char *path, char **out);
GT_MUST_CHECK enum gt_status gt__yr_number(struct yr *r, const yaml_node_t *n,
                                           const char *path, double min, double max,
                                           double *out);
GT_MUST_CHECK enum gt_status gt__yr_int(struct yr *r, const yaml_node_t *n, const char *path,
                                        long min, long max, long *out);
GT_MUST_CHECK enum gt_status gt__yr_bool(struct yr *r, const yaml_node_t *n, const char *path,
                                         bool *out);
/* Reads one of names[0..count-1]; *out is its index. what names the kind
 * of value in the message ("a terrain class"). */
GT_MUST_CHECK enum gt_status gt__yr_enum(struct yr *r, const yaml_node_t *n, const char *path,
                                         const char *what, const char *const *names,
                                         int count, int *out);
/* An ISO 3166-1 alpha-2 code: two upper-case letters. out has room for 3. */
GT_MUST_CHECK enum gt_status gt__yr_iso2(struct yr *r, const yaml_node_t *n, const char *path,
                                         char out[3]);

/* A list of distinct texts, or of distinct ISO codes when iso. OUT: *out
 * (count entries, each malloc'd; the caller frees them even on failure,
 * *count saying how many were filled). */
GT_MUST_CHECK enum gt_status gt__yr_strv(struct yr *r, const yaml_node_t *n, const char *path,
                                         bool iso, char ***out, size_t *count);

/* Optional-field forms: leave *out unchanged when key is absent. */
GT_MUST_CHECK enum gt_status gt__yr_opt_number(struct yr *r, const yaml_node_t *map,
                                               const char *path, const char *key,
                                               double min, double max, double *out);
GT_MUST_CHECK enum gt_status gt__yr_opt_string(struct yr *r, const yaml_node_t *map,
                                               const char *path, const char *key,
                                               char **out);
/* Required-field forms. */
GT_MUST_CHECK enum gt_status gt__yr_req_number(struct yr *r, const yaml_node_t *map,
                                               const char *path, const char *key,
                                               double min, double max, double *out);
GT_MUST_CHECK enum gt_status gt__yr_req_string(struct yr *r, const yaml_node_t *map,
                                               const char *path, const char *key,
                                               char **out);

#endif
