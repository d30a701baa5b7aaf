/* jsonpos.c: locate a value in JSON text by its path (see jsonpos.h). The
 * text has already been accepted by jansson, so the scanner only needs to
 * skip values correctly; it still checks bounds at every step. */
#include "jsonpos.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct scan {
	const char *p, *end;
};

static void skip_ws(struct scan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
		s->p++;
}

/* Skips a string starting at its opening quote; copies up to size-1 bytes
 * of its raw content into out when out is not NULL. */
static bool skip_string(struct scan *s, char *out, size_t size)
{
	size_t n = 0;
	if (s->p >= s->end || *s->p != '"')
		return false;
	for (s->p++; s->p < s->end; s->p++) {
		if (*s->p == '\\') {
			s->p++;
			continue;
		}
		if (*s->p == '"') {
			s->p++;
			if (out)
				out[n] = '\0';
			return true;
		}
		if (out && n + 1 < size)
			out[n++] = *s->p;
	}
	return false;
}

static bool skip_value(struct scan *s, int depth)
{
	skip_ws(s);
	if (s->p >= s->end || depth > 512)
		return false;
	char c = *s->p;
	if (c == '"')
		return skip_string(s, NULL, 0);
	if (c == '{' || c == '[') {
		char close = c == '{' ? '}' : ']';
		s->p++;
		skip_ws(s);
		if (s->p < s->end && *s->p == close) {
			s->p++;
			return true;
		}
		for (;;) {
			if (c == '{') {
				skip_ws(s);
				if (!skip_string(s, NULL, 0))
					return false;
				skip_ws(s);
				if (s->p >= s->end || *s->p != ':')
					return false;
				s->p++;
			}
			if (!skip_value(s, depth + 1))
				return false;
			skip_ws(s);
			if (s->p >= s->end)
				return false;
			if (*s->p == ',') {
				s->p++;
				continue;
			}
			if (*s->p == close) {
				s->p++;
				return true;
			}
			return false;
		}
	}
	/* number, true, false, null */
	while (s->p < s->end && (isalnum((unsigned char)*s->p) || strchr("+-.", *s->p)))
		s->p++;
	return true;
}

/* Moves s to the value under key in the object at s. */
static bool enter_key(struct scan *s, const char *key)
{
	skip_ws(s);
	if (s->p >= s->end || *s->p != '{')
		return false;
	s->p++;
	for (;;) {
		char name[128];
		skip_ws(s);
		if (!skip_string(s, name, sizeof(name)))
			return false;
		skip_ws(s);
		if (s->p >= s->end || *s->p != ':')
			return false;
		s->p++;
		skip_ws(s);
		if (strcmp(name, key) == 0)
			return true;
		if (!skip_value(s, 0))
			return false;
		skip_ws(s);
		if (s->p >= s->end || *s->p != ',')
			return false;
		s->p++;
	}
}

/* Moves s to element i of the array at s. */
static bool enter_index(struct scan *s, size_t i)
{
	skip_ws(s);
	if (s->p >= s->end || *s->p != '[')
		return false;
	s->p++;
	for (size_t k = 0;; k++) {
		skip_ws(s);
		if (k == i)
			return s->p < s->end && *s->p != ']';
		if (!skip_value(s, 0))
			return false;
		skip_ws(s);
		if (s->p >= s->end || *s->p != ',')
			return false;
		s->p++;
	}
}

bool gt__json_locate(const char *text, size_t len, const char *path, int *line, int *column)
{
	struct scan s = {text, text + len};
	const char *at = NULL;
	const char *q = path;
	while (*q) {
		const char *save = s.p;
		bool ok;
		if (*q == '[') {
			char *endp;
			size_t i = strtoul(q + 1, &endp, 10);
			if (*endp != ']')
				break;
			ok = enter_index(&s, i);
			q = endp + 1;
		} else {
			char key[128];
			size_t n = strcspn(q, ".[");
			if (n == 0 || n >= sizeof(key))
				break;
			memcpy(key, q, n);
			key[n] = '\0';
			ok = enter_key(&s, key);
			q += n;
		}
		if (!ok) {
			s.p = save;
			break;
		}
		at = s.p;
		if (*q == '.')
			q++;
	}
	if (!at)
		return false;
	*line = 1;
	*column = 1;
	for (const char *c = text; c < at; c++) {
		if (*c == '\n') {
			(*line)++;
			*column = 1;
		} else if (((unsigned char)*c & 0xC0) != 0x80) {
			(*column)++; /* count characters, not UTF-8 continuation bytes */
		}
	}
	return true;
}
