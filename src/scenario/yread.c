/* yread.c: typed, position-aware reading of a libyaml document. The only
 * file that calls libyaml. */
#include "yread.h"
#include "util/utf8.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Scenarios are small; anything larger is a mistake, and libyaml's cost
 * grows faster than linearly with flow nesting, so both are capped before
 * parsing. */
#define YR_MAX_BYTES (16u << 20)
#define YR_MAX_DEPTH 64

/* Finds the first flow bracket nested deeper than YR_MAX_DEPTH, outside
 * quotes and comments. Returns false and its line and column if there is
 * one. Block nesting is bounded by indentation and left to libyaml. */
static bool depth_ok(const char *text, size_t len, int *line, int *col)
{
	int depth = 0, l = 1, c = 0;
	char quote = 0;
	bool comment = false;
	for (size_t i = 0; i < len; i++) {
		char ch = text[i];
		c++;
		if (ch == '\n') {
			l++;
			c = 0;
			comment = false;
			continue;
		}
		if (comment)
			continue;
		if (quote) {
			if (ch == quote)
				quote = 0;
			else if (ch == '\\' && quote == '"' && i + 1 < len)
				i++, c++;
			continue;
		}
		if (ch == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t'))
			comment = true;
		else if (ch == '"' || ch == '\'')
			quote = ch;
		else if (ch == '[' || ch == '{') {
			if (++depth > YR_MAX_DEPTH) {
				*line = l;
				*col = c;
				return false;
			}
		} else if ((ch == ']' || ch == '}') && depth > 0) {
			depth--;
		}
	}
	return true;
}

enum gt_status gt__yr_open(struct yr *r, const char *text, size_t len, const char *file,
                           struct gt_err *err)
{
	yaml_parser_t parser;
	int line, col;
	memset(r, 0, sizeof(*r));
	r->file = file;
	r->err = err;
	if (len > YR_MAX_BYTES)
		return gt_err_set(err, GT_E_SCHEMA, file, 0, 0, NULL,
		                  "the file is %zu bytes; a scenario may be at most %u bytes", len,
		                  YR_MAX_BYTES);
	if (!depth_ok(text, len, &line, &col))
		return gt_err_set(err, GT_E_SCHEMA, file, line, col, NULL,
		                  "lists and mappings are nested more than %d deep", YR_MAX_DEPTH);
	if (!yaml_parser_initialize(&parser))
		return gt_err_set(err, GT_E_NOMEM, file, 0, 0, NULL, "cannot start the YAML parser");
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &r->doc)) {
		const yaml_mark_t *m = parser.context ? &parser.context_mark : &parser.problem_mark;
		if (parser.problem)
			m = &parser.problem_mark;
		enum gt_status st = parser.error == YAML_MEMORY_ERROR ? GT_E_NOMEM : GT_E_SYNTAX;
		gt_err_set(err, st, file, (int)m->line + 1, (int)m->column + 1, NULL,
		           "not valid YAML: %s%s%s", parser.problem ? parser.problem : "parse error",
		           parser.context ? " " : "", parser.context ? parser.context : "");
		yaml_parser_delete(&parser);
		return st;
	}
	r->loaded = true;
	/* One document per file: a second one would be silently ignored. */
	yaml_document_t next;
	enum gt_status st = GT_OK;
	if (!yaml_parser_load(&parser, &next)) {
		st = gt_err_set(err, GT_E_SYNTAX, file, (int)parser.problem_mark.line + 1,
		                (int)parser.problem_mark.column + 1, NULL,
		                "not valid YAML after the first document: %s",
		                parser.problem ? parser.problem : "parse error");
	} else {
		yaml_node_t *root2 = yaml_document_get_root_node(&next);
		if (root2)
			st = gt_err_set(err, GT_E_SCHEMA, file, (int)root2->start_mark.line + 1,
			                (int)root2->start_mark.column + 1, NULL,
			                "a second YAML document; a scenario file holds exactly one");
		yaml_document_delete(&next);
	}
	yaml_parser_delete(&parser);
	if (st != GT_OK)
		return st;
	if (!yaml_document_get_root_node(&r->doc))
		return gt_err_set(err, GT_E_SCHEMA, file, 1, 1, NULL,
		                  "the file is empty; expected a scenario mapping");
	return GT_OK;
}

void gt__yr_close(struct yr *r)
{
	if (r->loaded)
		yaml_document_delete(&r->doc);
	r->loaded = false;
}

yaml_node_t *gt__yr_root(struct yr *r)
{
	return yaml_document_get_root_node(&r->doc);
}

void gt__yr_path_key(char *out, const char *path, const char *key)
{
	snprintf(out, YR_PATH_MAX, "%s%s%s", path, path[0] ? "." : "", key);
}

void gt__yr_path_index(char *out, const char *path, size_t i)
{
	snprintf(out, YR_PATH_MAX, "%s[%zu]", path, i);
}

enum gt_status gt__yr_fail(struct yr *r, const yaml_node_t *node, const char *path,
                           enum gt_status status, const char *fmt, ...)
{
	char msg[sizeof(r->err->msg)];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	int line = node ? (int)node->start_mark.line + 1 : 0;
	int col = node ? (int)node->start_mark.column + 1 : 0;
	return gt_err_set(r->err, status, r->file, line, col, path, "%s", msg);
}

bool gt__yr_is_map(const yaml_node_t *n)
{
	return n && n->type == YAML_MAPPING_NODE;
}

bool gt__yr_is_seq(const yaml_node_t *n)
{
	return n && n->type == YAML_SEQUENCE_NODE;
}

bool gt__yr_is_scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE;
}

const char *gt__yr_text(const yaml_node_t *n)
{
	return gt__yr_is_scalar(n) ? (const char *)n->data.scalar.value : "";
}

static const char *kind_of(const yaml_node_t *n)
{
	if (!n)
		return "nothing";
	switch (n->type) {
	case YAML_MAPPING_NODE: return "a mapping";
	case YAML_SEQUENCE_NODE: return "a list";
	case YAML_SCALAR_NODE:
		if (n->data.scalar.length == 0 && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
			return "an empty value";
		return "a scalar";
	default: return "nothing";
	}
}

/* Describes a node for "got ..." in messages: its text when it is a scalar. */
static void describe(const yaml_node_t *n, char *buf, size_t size)
{
	if (gt__yr_is_scalar(n) && n->data.scalar.length > 0)
		snprintf(buf, size, "'%.*s'", gt__utf8_prefix(gt__yr_text(n), 60), gt__yr_text(n));
	else
		snprintf(buf, size, "%s", kind_of(n));
}

enum gt_status gt__yr_expect_map(struct yr *r, const yaml_node_t *n, const char *path)
{
	if (gt__yr_is_map(n))
		return GT_OK;
	char got[80];
	describe(n, got, sizeof(got));
	return gt__yr_fail(r, n, path, GT_E_SCHEMA, "expected a mapping of fields, got %s", got);
}

enum gt_status gt__yr_expect_seq(struct yr *r, const yaml_node_t *n, const char *path)
{
	if (gt__yr_is_seq(n))
		return GT_OK;
	char got[80];
	describe(n, got, sizeof(got));
	return gt__yr_fail(r, n, path, GT_E_SCHEMA, "expected a list, got %s", got);
}

enum gt_status gt__yr_check_keys(struct yr *r, const yaml_node_t *map, const char *path,
                                 const char *const *allowed)
{
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(&r->doc, p->key);
		if (!gt__yr_is_scalar(k))
			return gt__yr_fail(r, k, path, GT_E_SCHEMA, "keys must be plain names");
		const char *key = gt__yr_text(k);
		bool known = false;
		for (size_t i = 0; allowed[i]; i++)
			known = known || strcmp(allowed[i], key) == 0;
		if (!known) {
			char list[400] = "";
			size_t used = 0;
			for (size_t i = 0; allowed[i] && used < sizeof(list); i++) {
				int w = snprintf(list + used, sizeof(list) - used, "%s%s",
				                 i ? ", " : "", allowed[i]);
				used += w > 0 ? (size_t)w : 0;
			}
			return gt__yr_fail(r, k, path, GT_E_SCHEMA,
			                   "unknown field '%s'; expected one of: %s", key, list);
		}
		for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < p; q++) {
			yaml_node_t *k2 = yaml_document_get_node(&r->doc, q->key);
			if (strcmp(gt__yr_text(k2), key) == 0)
				return gt__yr_fail(r, k, path, GT_E_SCHEMA,
				                   "field '%s' appears twice (first at line %d)", key,
				                   (int)k2->start_mark.line + 1);
		}
	}
	return GT_OK;
}

yaml_node_t *gt__yr_get(struct yr *r, const yaml_node_t *map, const char *key)
{
	if (!gt__yr_is_map(map))
		return NULL;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(&r->doc, p->key);
		if (gt__yr_is_scalar(k) && strcmp(gt__yr_text(k), key) == 0)
			return yaml_document_get_node(&r->doc, p->value);
	}
	return NULL;
}

enum gt_status gt__yr_need(struct yr *r, const yaml_node_t *map, const char *path,
                           const char *key, yaml_node_t **out)
{
	*out = gt__yr_get(r, map, key);
	if (*out)
		return GT_OK;
	return gt__yr_fail(r, map, path, GT_E_SCHEMA, "missing required field '%s'", key);
}

size_t gt__yr_seq_len(const yaml_node_t *seq)
{
	if (!gt__yr_is_seq(seq))
		return 0;
	return (size_t)(seq->data.sequence.items.top - seq->data.sequence.items.start);
}

yaml_node_t *gt__yr_seq_at(struct yr *r, const yaml_node_t *seq, size_t i)
{
	return yaml_document_get_node(&r->doc, seq->data.sequence.items.start[i]);
}

enum gt_status gt__yr_string(struct yr *r, const yaml_node_t *n, const char *path, char **out)
{
	*out = NULL;
	if (!gt__yr_is_scalar(n) || n->data.scalar.length == 0) {
		char got[80];
		describe(n, got, sizeof(got));
		if (gt__yr_is_scalar(n))
			snprintf(got, sizeof(got), "empty text");
		return gt__yr_fail(r, n, path, GT_E_SCHEMA, "expected non-empty text, got %s", got);
	}
	*out = strdup(gt__yr_text(n));
	return *out ? GT_OK : GT_E_NOMEM;
}

bool gt__yr_is_number(const yaml_node_t *n)
{
	if (!gt__yr_is_scalar(n) || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	const char *s = gt__yr_text(n);
	if (!*s || strspn(s, "0123456789+-.eE") != strlen(s))
		return false;
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	return *end == '\0' && errno == 0 && isfinite(v);
}

enum gt_status gt__yr_number(struct yr *r, const yaml_node_t *n, const char *path, double min,
                             double max, double *out)
{
	const char *text = gt__yr_text(n);
	if (gt__yr_is_scalar(n) && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && *text &&
	    strspn(text, "0123456789+-.eE") == strlen(text) && !gt__yr_is_number(n)) {
		char *end;
		strtod(text, &end);
		if (*end == '\0')
			return gt__yr_fail(r, n, path, GT_E_RANGE,
			                   "%s is out of range; expected a number from %.15g to %.15g",
			                   text, min, max);
	}
	if (!gt__yr_is_number(n)) {
		char got[80];
		describe(n, got, sizeof(got));
		const char *hint = gt__yr_is_scalar(n) && strchr(gt__yr_text(n), ',')
		                           ? " (write 10000, not 10,000)"
		                   : gt__yr_is_scalar(n) &&
		                                   n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE
		                           ? " (numbers are not quoted)"
		                           : "";
		return gt__yr_fail(r, n, path, GT_E_SCHEMA, "expected a number, got %s%s", got, hint);
	}
	double v = strtod(gt__yr_text(n), NULL);
	if (v < min || v > max)
		return gt__yr_fail(r, n, path, GT_E_RANGE,
		                   "%s is out of range; expected a number from %.15g to %.15g",
		                   gt__yr_text(n), min, max);
	*out = v;
	return GT_OK;
}

enum gt_status gt__yr_int(struct yr *r, const yaml_node_t *n, const char *path, long min,
                          long max, long *out)
{
	double v;
	enum gt_status st = gt__yr_number(r, n, path, (double)min, (double)max, &v);
	if (st != GT_OK)
		return st;
	if (v != floor(v))
		return gt__yr_fail(r, n, path, GT_E_SCHEMA, "expected a whole number, got %s",
		                   gt__yr_text(n));
	*out = (long)v;
	return GT_OK;
}

enum gt_status gt__yr_bool(struct yr *r, const yaml_node_t *n, const char *path, bool *out)
{
	const char *s = gt__yr_text(n);
	if (gt__yr_is_scalar(n) && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    (strcmp(s, "true") == 0 || strcmp(s, "false") == 0)) {
		*out = s[0] == 't';
		return GT_OK;
	}
	char got[80];
	describe(n, got, sizeof(got));
	return gt__yr_fail(r, n, path, GT_E_SCHEMA, "expected true or false, got %s", got);
}

enum gt_status gt__yr_enum(struct yr *r, const yaml_node_t *n, const char *path,
                           const char *what, const char *const *names, int count, int *out)
{
	const char *s = gt__yr_text(n);
	if (gt__yr_is_scalar(n)) {
		for (int i = 0; i < count; i++) {
			if (names[i] && strcmp(names[i], s) == 0) {
				*out = i;
				return GT_OK;
			}
		}
	}
	char list[300] = "";
	size_t used = 0;
	for (int i = 0; i < count && used < sizeof(list); i++) {
		if (!names[i])
			continue;
		int w = snprintf(list + used, sizeof(list) - used, "%s%s", used ? ", " : "", names[i]);
		used += w > 0 ? (size_t)w : 0;
	}
	char got[80];
	describe(n, got, sizeof(got));
	return gt__yr_fail(r, n, path, GT_E_SCHEMA, "expected %s (one of: %s), got %s", what, list,
	                   got);
}

enum gt_status gt__yr_iso2(struct yr *r, const yaml_node_t *n, const char *path, char out[3])
{
	const char *s = gt__yr_text(n);
	if (gt__yr_is_scalar(n) && strlen(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' &&
	    s[1] <= 'Z') {
		memcpy(out, s, 3);
		return GT_OK;
	}
	char got[80];
	describe(n, got, sizeof(got));
	return gt__yr_fail(r, n, path, GT_E_SCHEMA,
	                   "expected an ISO 3166-1 alpha-2 country code such as GB, got %s", got);
}

enum gt_status gt__yr_opt_number(struct yr *r, const yaml_node_t *map, const char *path,
                                 const char *key, double min, double max, double *out)
{
	yaml_node_t *n = gt__yr_get(r, map, key);
	if (!n)
		return GT_OK;
	char sub[YR_PATH_MAX];
	gt__yr_path_key(sub, path, key);
	return gt__yr_number(r, n, sub, min, max, out);
}

enum gt_status gt__yr_opt_string(struct yr *r, const yaml_node_t *map, const char *path,
                                 const char *key, char **out)
{
	yaml_node_t *n = gt__yr_get(r, map, key);
	if (!n)
		return GT_OK;
	char sub[YR_PATH_MAX];
	gt__yr_path_key(sub, path, key);
	char *s;
	enum gt_status st = gt__yr_string(r, n, sub, &s);
	if (st == GT_OK) {
		free(*out);
		*out = s;
	}
	return st;
}

enum gt_status gt__yr_req_number(struct yr *r, const yaml_node_t *map, const char *path,
                                 const char *key, double min, double max, double *out)
{
	yaml_node_t *n;
	enum gt_status st = gt__yr_need(r, map, path, key, &n);
	if (st != GT_OK)
		return st;
	char sub[YR_PATH_MAX];
	gt__yr_path_key(sub, path, key);
	return gt__yr_number(r, n, sub, min, max, out);
}

enum gt_status gt__yr_req_string(struct yr *r, const yaml_node_t *map, const char *path,
                                 const char *key, char **out)
{
	yaml_node_t *n;
	enum gt_status st = gt__yr_need(r, map, path, key, &n);
	if (st != GT_OK)
		return st;
	char sub[YR_PATH_MAX];
	gt__yr_path_key(sub, path, key);
	free(*out);
	*out = NULL;
	return gt__yr_string(r, n, sub, out);
}

enum gt_status gt__yr_strv(struct yr *r, const yaml_node_t *n, const char *path, bool iso,
                           char ***out, size_t *count)
{
	enum gt_status st = gt__yr_expect_seq(r, n, path);
	if (st != GT_OK)
		return st;
	size_t len = gt__yr_seq_len(n);
	*out = calloc(len ? len : 1, sizeof(**out));
	if (!*out)
		return GT_E_NOMEM;
	for (size_t i = 0; i < len; i++) {
		char sub[YR_PATH_MAX];
		yaml_node_t *e = gt__yr_seq_at(r, n, i);
		gt__yr_path_index(sub, path, i);
		char code[3];
		if (iso) {
			if ((st = gt__yr_iso2(r, e, sub, code)) != GT_OK)
				return st;
			(*out)[i] = strdup(code);
		} else if ((st = gt__yr_string(r, e, sub, &(*out)[i])) != GT_OK) {
			return st;
		}
		if (!(*out)[i])
			return GT_E_NOMEM;
		*count = i + 1;
		for (size_t j = 0; j < i; j++)
			if (strcmp((*out)[j], (*out)[i]) == 0)
				return gt__yr_fail(r, e, sub, GT_E_SCHEMA, "'%s' is listed twice",
				                   (*out)[i]);
	}
	return GT_OK;
}
