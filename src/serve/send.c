/* send.c: every answer of `guarantor serve` leaves through gt_srv_send,
 * which adds what HTTP asks of some statuses (WWW-Authenticate on a 401,
 * RFC 6750 3 and RFC 9110 11.6.1) and, under --trace FILE, writes the
 * exchange to the trace: one JSON line per answer, with the method, the
 * path, the status, the headers and the body, which tests/contract checks
 * against docs/api.yaml. */
#include "serve/serve.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* The request this thread is answering: libmicrohttpd calls the handler
 * of a connection on one thread, and every answer is queued from within
 * it, so the answer finds its request here (set by the dispatch). */
static _Thread_local struct {
	struct gt_srv_daemon *d;
	const char *method, *url;
} current;

void gt_srv_send_for(struct gt_srv_daemon *d, const char *method, const char *url)
{
	current.d = d;
	current.method = method;
	current.url = url;
}

static enum MHD_Result add_header(void *cls, enum MHD_ValueKind kind, const char *key,
                                  const char *value)
{
	(void)kind;
	json_object_set_new(cls, key, json_string(value ? value : ""));
	return MHD_YES;
}

const char *gt_srv_shown(const char *in, char *out, size_t size)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t k = 0;
	for (const unsigned char *p = (const unsigned char *)in; *p; p++) {
		bool plain = *p > 0x20 && *p < 0x7f && *p != '%';
		if (k + (plain ? 1 : 3) + 4 > size) { /* room for "..." and the NUL */
			memcpy(out + k, "...", 3);
			k += 3;
			break;
		}
		if (plain) {
			out[k++] = (char)*p;
		} else {
			out[k++] = '%';
			out[k++] = hex[*p >> 4];
			out[k++] = hex[*p & 15];
		}
	}
	out[k] = '\0';
	return out;
}

/* One line of the trace, written with one write(2) on a file opened to
 * append, so that servers sharing the file never interleave their lines. */
static void trace(unsigned status, struct MHD_Response *r, const char *body, size_t len)
{
	struct gt_srv_daemon *d = current.d;
	if (!d || !d->cfg->trace)
		return;
	char url[1024];
	json_t *line = json_object(), *headers = json_object();
	json_object_set_new(line, "method", json_string(current.method));
	json_object_set_new(line, "url", json_string(gt_srv_shown(current.url, url, sizeof(url))));
	json_object_set_new(line, "status", json_integer(status));
	MHD_get_response_headers(r, add_header, headers);
	json_object_set_new(line, "headers", headers);
	bool head = strcmp(current.method, "HEAD") == 0;
	/* a body that is not UTF-8 goes in as false: the checker says so */
	json_t *b = body && !head ? json_stringn(body, len) : json_null();
	json_object_set_new(line, "body", b ? b : json_false());
	char *text = json_dumps(line, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(line);
	size_t n = text ? strlen(text) : 0;
	char *with_newline = text ? realloc(text, n + 2) : NULL;
	if (!with_newline) {
		free(text);
		return;
	}
	with_newline[n] = '\n';
	pthread_mutex_lock(&d->trace_lock);
	for (size_t at = 0; at < n + 1;) { /* one write, but for a signal's interruption */
		ssize_t w = write(fileno(d->cfg->trace), with_newline + at, n + 1 - at);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		at += (size_t)w;
	}
	pthread_mutex_unlock(&d->trace_lock);
	free(with_newline);
}

enum MHD_Result gt_srv_send(struct MHD_Connection *c, unsigned status, struct MHD_Response *r,
                            const char *body, size_t len)
{
	if (status == MHD_HTTP_UNAUTHORIZED) {
		/* with the error only when a token was given and refused */
		const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
		bool tried = h && strncasecmp(h, "Bearer ", 7) == 0;
		MHD_add_response_header(r, "WWW-Authenticate",
		                        tried ? "Bearer realm=\"guarantor\", error=\"invalid_token\""
		                              : "Bearer realm=\"guarantor\"");
	}
	trace(status, r, body, len);
	enum MHD_Result ok = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ok;
}
