/* rows.c: the rows the audit chain binds. Each audited table is described
 * once (its columns, in the order they are digested, and the rows of
 * another table that belong to a row, such as a proposal's votes); a
 * row's digest is of its canonical encoding (canon.h) as guarantor reads
 * it back. The entry that writes a row records the row's digest in
 * audit_rows, and verification holds every row to the digest of the last
 * entry that wrote it (docs/monitor.md, "The audit chain"). */
#include "monitor/canon.h"
#include "monitor/sql.h"
#include "monitor/store_priv.h"
#include "util/assert.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An audited table. kinds has a letter per column of cols: 'i' integer,
 * 'r' real, 't' text, 'b' bytes; any may be NULL. */
struct table {
	const char *name, *key;
	const char *cols, *kinds;
	int label;                /* a column that names a row besides its key, or -1 */
	const char *label_name;
	/* the rows of another table digested with each row: a query with one
	 * parameter, the row's key, and their kinds; NULL when none */
	const char *child, *child_kinds, *child_what;
	/* the child rows' table, and the first key of one whose parent is
	 * gone; NULL when none */
	const char *child_table, *orphans;
};

/* In the order of enum gt__tbl (by name). */
static const struct table tables[GT__T_COUNT] = {
	[GT__T_BREACHES] = {"breaches", "id",
	                    "id, threshold, sector, at, window_from, total, status, opened",
	                    "itiiiitt", -1, NULL,
	                    "SELECT event FROM breach_events WHERE breach = ? ORDER BY event", "i",
	                    "its evidence", "breach_events",
	                    "SELECT breach FROM breach_events WHERE breach NOT IN"
	                    " (SELECT id FROM breaches) ORDER BY breach LIMIT 1"},
	[GT__T_EVENTS] = {"events", "id",
	                  "id, status, merged_into, observed_from, observed_to, lon, lat, radius_km,"
	                  " triangulated, event, weapon, count, reports, observers, sources, grade,"
	                  " sector, side, line_km, offset_km, updated, accounts, held",
	                  "itiiirrrittiiiitiirrtii", -1, NULL, NULL, NULL, NULL, NULL, NULL},
	[GT__T_PROPOSALS] = {"proposals", "id",
	                     "id, breach, rung, proposed_by, proposed, deadline, rule, quorum, lead,"
	                     " voters, state, decided",
	                     "iittiitritti", -1, NULL,
	                     "SELECT member, approve, at, by_user FROM votes WHERE proposal = ?"
	                     " ORDER BY member",
	                     "tiit", "its votes", "votes",
	                     "SELECT proposal FROM votes WHERE proposal NOT IN"
	                     " (SELECT id FROM proposals) ORDER BY proposal LIMIT 1"},
	[GT__T_REPORTS] = {"reports", "seq",
	                   "seq, id, digest, observed_from, observed_to, reported, received,"
	                   " submitted_by, lon, lat, precision_m, observer, source, event, weapon,"
	                   " count, bearing_deg, distance_km, text, attachments, event_id",
	                   "itbiiitirrrttttirrtti", 1, "id", NULL, NULL, NULL, NULL, NULL},
	[GT__T_USERS] = {"users", "id",
	                 "id, name, role, member, token_hash, created, revoked, observers",
	                 "ittttttt", 1, "name", NULL, NULL, NULL, NULL, NULL},
};

const char *gt__rows_table(enum gt__tbl t)
{
	return tables[t].name;
}

/* Columns [from, from + strlen(kinds)) of q's current row into c. */
static void put_columns(struct gt__canon *c, struct gt__q *q, int from, const char *kinds)
{
	for (int i = 0; kinds[i]; i++) {
		int col = from + i;
		bool null = gt__q_null(q, col);
		gt__canon_u64(c, !null);
		if (null)
			continue;
		switch (kinds[i]) {
		case 'i': gt__canon_u64(c, (uint64_t)gt__q_int64(q, col)); break;
		case 'r': gt__canon_real(c, gt__q_double(q, col)); break;
		case 't': gt__canon_text(c, gt__q_text(q, col)); break;
		default: {
			int n = gt__q_bytes(q, col);
			gt__canon_u64(c, (uint64_t)n);
			gt__canon_bytes(c, gt__q_blob(q, col), (size_t)n);
		}
		}
	}
}

/* The digest of q's current row of t (its columns as tables[t] lists
 * them); child, when t has children, is their statement, prepared. */
static enum gt_status row_digest(struct gt_store *st, const struct table *t, struct gt__q *q,
                                 struct gt__q *child, unsigned char out[32], struct gt_err *err)
{
	struct gt__canon c;
	gt__canon_init(&c, NULL, 0, "guarantor row v1");
	gt__canon_text(&c, t->name);
	put_columns(&c, q, 0, t->kinds);
	if (child) {
		gt__q_reset(child);
		gt__q_bind_int64(child, 1, gt__q_int64(q, 0));
		int rc;
		while ((rc = gt__q_step(child)) == GT__ROW) {
			gt__canon_u64(&c, 1);
			put_columns(&c, child, 0, t->child_kinds);
		}
		if (rc != GT__DONE)
			return gt__store_fail(st, err, "cannot read the rows to audit");
		gt__canon_u64(&c, 0);
	}
	gt__canon_final(&c, out);
	return GT_OK;
}

static bool prepare_child(struct gt_store *st, const struct table *t, struct gt__q **child)
{
	*child = NULL;
	return !t->child || gt__q_prepare(st, t->child, child);
}

/* --- binding ------------------------------------------------------------- */

void gt__store_touch(struct gt_store *st, enum gt__tbl tbl, int64_t id)
{
	if (st->ntouched == st->touched_cap) {
		size_t cap = st->touched_cap ? 2 * st->touched_cap : 16;
		struct gt__touch *grown = realloc(st->touched, cap * sizeof(*grown));
		if (!grown) {
			st->touch_failed = true;
			return;
		}
		st->touched = grown;
		st->touched_cap = cap;
	}
	st->touched[st->ntouched++] = (struct gt__touch){(int)tbl, id};
}

void gt__store_untouch(struct gt_store *st)
{
	st->ntouched = 0;
	st->touch_failed = false;
}

static int by_table_id(const void *pa, const void *pb)
{
	const struct gt__touch *a = pa, *b = pb;
	if (a->tbl != b->tbl)
		return a->tbl < b->tbl ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* A binding: a row's digest, or none for a row that no longer exists. */
struct binding {
	int tbl;
	int64_t id;
	bool exists;
	unsigned char digest[32];
};

/* Ids per statement: few enough for every database's limit on
 * parameters, many enough that a correlation's thousands of rows take few
 * round trips. */
enum { CHUNK = 200 };

/* The digests of rows ids[0..n-1] (sorted, distinct, n <= CHUNK) of t into
 * out[0..n-1]. */
static enum gt_status digest_chunk(struct gt_store *st, enum gt__tbl tbl, const int64_t *ids,
                                   size_t n, struct binding *out, struct gt_err *err)
{
	const struct table *t = &tables[tbl];
	char sql[1024 + 2 * CHUNK];
	int used = snprintf(sql, sizeof(sql), "SELECT %s FROM %s WHERE %s IN (", t->cols, t->name,
	                    t->key);
	for (size_t i = 0; i < n; i++) {
		GT_ASSERT(used > 0 && (size_t)used < sizeof(sql));
		used += snprintf(sql + used, sizeof(sql) - (size_t)used, "%s?", i ? "," : "");
	}
	GT_ASSERT(used > 0 && (size_t)used < sizeof(sql));
	used += snprintf(sql + used, sizeof(sql) - (size_t)used, ") ORDER BY %s", t->key);
	GT_ASSERT((size_t)used < sizeof(sql));
	for (size_t i = 0; i < n; i++)
		out[i] = (struct binding){(int)tbl, ids[i], false, {0}};
	struct gt__q *q, *child;
	if (!gt__q_prepare(st, sql, &q))
		return gt__store_fail(st, err, "cannot read the rows to audit");
	if (!prepare_child(st, t, &child)) {
		gt__q_finalize(q);
		return gt__store_fail(st, err, "cannot read the rows to audit");
	}
	for (size_t i = 0; i < n; i++)
		gt__q_bind_int64(q, (int)i + 1, ids[i]);
	enum gt_status s = GT_OK;
	size_t k = 0;
	int rc;
	while (s == GT_OK && (rc = gt__q_step(q)) == GT__ROW) {
		int64_t id = gt__q_int64(q, 0);
		while (k < n && ids[k] < id)
			k++;
		if (k < n && ids[k] == id) {
			out[k].exists = true;
			s = row_digest(st, t, q, child, out[k].digest, err);
		}
	}
	if (s == GT_OK && rc != GT__DONE)
		s = gt__store_fail(st, err, "cannot read the rows to audit");
	gt__q_finalize(child);
	gt__q_finalize(q);
	return s;
}

/* Inserts b[0..n-1] (n <= CHUNK) as entry seq's. */
static enum gt_status insert_chunk(struct gt_store *st, int64_t seq, const struct binding *b,
                                   size_t n, struct gt_err *err)
{
	static const char head[] = "INSERT INTO audit_rows (seq, tbl, id, digest) VALUES ";
	char sql[sizeof(head) + CHUNK * sizeof(", (?,?,?,?)")];
	int used = snprintf(sql, sizeof(sql), "%s", head);
	for (size_t i = 0; i < n; i++) {
		GT_ASSERT(used > 0 && (size_t)used < sizeof(sql));
		used += snprintf(sql + used, sizeof(sql) - (size_t)used, "%s(?,?,?,?)", i ? ", " : "");
	}
	GT_ASSERT(used > 0 && (size_t)used < sizeof(sql));
	struct gt__q *q;
	if (!gt__q_prepare(st, sql, &q))
		return gt__store_fail(st, err, "cannot bind the rows to the audit log");
	for (size_t i = 0; i < n; i++) {
		int p = 4 * (int)i;
		gt__q_bind_int64(q, p + 1, seq);
		gt__q_bind_text(q, p + 2, tables[b[i].tbl].name);
		gt__q_bind_int64(q, p + 3, b[i].id);
		if (b[i].exists)
			gt__q_bind_blob(q, p + 4, b[i].digest, 32);
		else
			gt__q_bind_null(q, p + 4);
	}
	int rc = gt__q_step(q);
	gt__q_finalize(q);
	return rc == GT__DONE ? GT_OK
	                      : gt__store_fail(st, err, "cannot bind the rows to the audit log");
}

void gt__rows_hash_init(struct gt__canon *c)
{
	gt__canon_init(c, NULL, 0, "guarantor audit rows v1");
}

void gt__rows_hash_add(struct gt__canon *c, const char *tbl, int64_t id, const void *digest,
                       int len)
{
	gt__canon_text(c, tbl);
	gt__canon_u64(c, (uint64_t)id);
	gt__canon_u64(c, (uint64_t)len);
	gt__canon_bytes(c, digest, (size_t)len);
}

enum gt_status gt__rows_bind(struct gt_store *st, int64_t seq, unsigned char rows_digest[32],
                             int64_t *n, struct gt_err *err)
{
	*n = 0;
	if (st->touch_failed) {
		gt__store_untouch(st);
		return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	}
	qsort(st->touched, st->ntouched, sizeof(*st->touched), by_table_id);
	struct gt__canon c;
	gt__rows_hash_init(&c);
	struct binding *b = malloc(CHUNK * sizeof(*b));
	int64_t ids[CHUNK];
	enum gt_status s = b ? GT_OK : gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	/* by table, in chunks of distinct ids */
	for (size_t i = 0; s == GT_OK && i < st->ntouched;) {
		int tbl = st->touched[i].tbl;
		size_t k = 0;
		for (; i < st->ntouched && st->touched[i].tbl == tbl && k < CHUNK; i++) {
			int64_t id = st->touched[i].id;
			bool again = i > 0 && st->touched[i - 1].tbl == tbl && st->touched[i - 1].id == id;
			if (!again)
				ids[k++] = id;
		}
		if (k == 0)
			continue;
		if ((s = digest_chunk(st, (enum gt__tbl)tbl, ids, k, b, err)) != GT_OK ||
		    (s = insert_chunk(st, seq, b, k, err)) != GT_OK)
			break;
		for (size_t j = 0; j < k; j++)
			gt__rows_hash_add(&c, tables[tbl].name, b[j].id, b[j].digest,
			                  b[j].exists ? 32 : 0);
		*n += (int64_t)k;
	}
	free(b);
	gt__canon_final(&c, rows_digest);
	gt__store_untouch(st);
	return s;
}

enum gt_status gt__rows_touch_all(struct gt_store *st, int64_t *n, struct gt_err *err)
{
	*n = 0;
	for (int tbl = 0; tbl < GT__T_COUNT; tbl++) {
		char sql[128];
		snprintf(sql, sizeof(sql), "SELECT %s FROM %s ORDER BY %s", tables[tbl].key,
		         tables[tbl].name, tables[tbl].key);
		struct gt__q *q;
		if (!gt__q_prepare(st, sql, &q))
			return gt__store_fail(st, err, "cannot read the rows to audit");
		int rc;
		while ((rc = gt__q_step(q)) == GT__ROW) {
			gt__store_touch(st, (enum gt__tbl)tbl, gt__q_int64(q, 0));
			(*n)++;
		}
		gt__q_finalize(q);
		if (rc != GT__DONE)
			return gt__store_fail(st, err, "cannot read the rows to audit");
	}
	return GT_OK;
}

/* --- verification -------------------------------------------------------- */

/* What verification found wrong with the rows: the first, in full, and
 * how many. */
struct findings {
	int64_t count;
	char first[600];
};

static void found(struct findings *f, const char *fmt, ...) GT_PRINTF(2, 3);

static void found(struct findings *f, const char *fmt, ...)
{
	if (f->count++ > 0)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(f->first, sizeof(f->first), fmt, ap);
	va_end(ap);
}

/* "reports row seq=3 (id 'r3')", "proposals row id=2 (with its votes)". */
static void row_name(const struct table *t, int64_t id, const char *label, char *out,
                     size_t size)
{
	if (label && *label)
		snprintf(out, size, "%s row %s=%" PRId64 " (%s '%s')", t->name, t->key, id,
		         t->label_name, label);
	else if (t->child_what)
		snprintf(out, size, "%s row %s=%" PRId64 " (with %s)", t->name, t->key, id,
		         t->child_what);
	else
		snprintf(out, size, "%s row %s=%" PRId64, t->name, t->key, id);
}

/* A row of a page: its key, digest and label, and what in it no write of
 * guarantor's could have made ("" when nothing). */
struct seen {
	int64_t id;
	unsigned char digest[32];
	char label[72];
	char damage[96];
};

/* Whether s[0..n-1] is well-formed UTF-8 (no overlong forms, surrogates
 * or code points past U+10FFFF), as every text guarantor stores is. */
static bool utf8(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned c = s[i];
		size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
		                          : (c & 0xF8) == 0xF0 ? 4 : 0;
		if (len == 0 || i + len > n)
			return false;
		uint32_t cp = len == 1 ? c : c & (0x7F >> len);
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};
		if (cp < least[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0)
			return false;
		i += len;
	}
	return true;
}

/* The name of column i of a list "a, b, c". */
static void column_name(const char *cols, int i, char *out, size_t size)
{
	const char *p = cols;
	for (; i > 0 && p; i--)
		if ((p = strchr(p, ',')))
			p++;
	p = p ? p + strspn(p, " ") : "?";
	snprintf(out, size, "%.*s", (int)strcspn(p, ","), p);
}

/* What in q's current row of t no write of guarantor's could have made:
 * a cell of another kind than its column's (SQLite keeps whatever a cell
 * is given), or text that is not UTF-8. Bytes written over a cell by a
 * failing disk or a stray program look so; an edit by SQL rarely does.
 * OUT: out, "" when the row looks whole. */
static void damage_of(const struct table *t, struct gt__q *q, char *out, size_t size)
{
	out[0] = '\0';
	for (int i = 0; t->kinds[i]; i++) {
		char want = t->kinds[i], got = gt__q_kind(q, i), name[32];
		bool ok = got == 0 || got == want || (want == 'r' && got == 'i');
		if (ok && got == 't')
			ok = utf8((const unsigned char *)gt__q_text(q, i), (size_t)gt__q_bytes(q, i));
		if (ok)
			continue;
		column_name(t->cols, i, name, sizeof(name));
		snprintf(out, size, "its %s holds %d bytes that are %s", name, gt__q_bytes(q, i),
		         got == 't' ? "not UTF-8 text" : got == 'b' ? "not a value of its type"
		                                                    : "of another type than its column's");
		return;
	}
}

/* The latest binding of a row, as audit_rows holds it. */
struct bound {
	int64_t id, seq;
	int len; /* 32, or 0 for a row recorded as removed (or a damaged digest's length) */
	unsigned char digest[32];
};

/* Row id of t as it is (r, NULL when absent) against its latest binding
 * (b, NULL when none). */
static void judge(const struct table *t, int64_t id, const struct seen *r, const struct bound *b,
                  struct findings *f)
{
	char name[200];
	row_name(t, id, r ? r->label : NULL, name, sizeof(name));
	if (!b)
		found(f, "%s is in no audit entry: it was added behind guarantor's back", name);
	else if (!r && b->len > 0)
		found(f, "%s, written by audit entry %" PRId64 ", is gone: it was deleted behind "
		         "guarantor's back",
		      name, b->seq);
	else if (r && b->len == 0)
		found(f, "%s is in the store, but audit entry %" PRId64 " recorded it removed: it was "
		         "put back behind guarantor's back",
		      name, b->seq);
	else if (r && r->damage[0] && (b->len != 32 || sodium_memcmp(r->digest, b->digest, 32) != 0))
		found(f, "%s does not match what audit entry %" PRId64 " recorded, and %s: the store "
		         "is damaged there (a failing disk or a stray write more likely than an edit); "
		         "restore it from a backup (docs/operations.md)",
		      name, b->seq, r->damage);
	else if (r && (b->len != 32 || sodium_memcmp(r->digest, b->digest, 32) != 0))
		found(f, "%s does not match what audit entry %" PRId64 " recorded: it was changed "
		         "behind guarantor's back (an edit, or damage to the store)",
		      name, b->seq);
}

enum { PAGE = 1000 };

/* Reads a page of t's rows after key `after`. OUT: r[0..*n-1]. */
static enum gt_status read_page(struct gt_store *st, const struct table *t, struct gt__q *q,
                                struct gt__q *child, int64_t after, struct seen *r, size_t *n,
                                struct gt_err *err)
{
	*n = 0;
	gt__q_reset(q);
	gt__q_bind_int64(q, 1, after);
	gt__q_bind_int64(q, 2, PAGE);
	int rc;
	enum gt_status s = GT_OK;
	while (s == GT_OK && *n < PAGE && (rc = gt__q_step(q)) == GT__ROW) {
		struct seen *row = &r[(*n)++];
		row->id = gt__q_int64(q, 0);
		const char *label = t->label >= 0 ? gt__q_text(q, t->label) : NULL;
		snprintf(row->label, sizeof(row->label), "%s", label ? label : "");
		damage_of(t, q, row->damage, sizeof(row->damage));
		s = row_digest(st, t, q, child, row->digest, err);
	}
	if (s == GT_OK && *n < PAGE && rc != GT__DONE)
		s = gt__store_fail(st, err, "cannot read the store's rows");
	return s;
}

/* Holds each row of t to its latest binding, a page of rows at a time
 * with the bindings of the same keys. */
static enum gt_status verify_table(struct gt_store *st, const struct table *t,
                                   struct findings *f, int64_t *rows, struct gt_err *err)
{
	char sql[1024];
	snprintf(sql, sizeof(sql), "SELECT %s FROM %s WHERE %s > ? ORDER BY %s LIMIT ?", t->cols,
	         t->name, t->key, t->key);
	struct gt__q *q = NULL, *bq = NULL, *child = NULL;
	struct seen *r = malloc(PAGE * sizeof(*r));
	enum gt_status s = GT_OK;
	if (!r)
		return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	if (!gt__q_prepare(st, sql, &q) || !prepare_child(st, t, &child) ||
	    !gt__q_prepare(st, "SELECT id, seq, digest FROM audit_rows WHERE tbl = ? AND id > ?"
	                       " AND id <= ? ORDER BY id, seq", &bq)) {
		s = gt__store_fail(st, err, "cannot read the store's rows");
		goto out;
	}
	int64_t after = INT64_MIN;
	for (;;) {
		size_t n;
		if ((s = read_page(st, t, q, child, after, r, &n, err)) != GT_OK)
			break;
		*rows += (int64_t)n;
		bool full = n == PAGE;
		int64_t hi = full ? r[n - 1].id : INT64_MAX;
		gt__q_reset(bq);
		gt__q_bind_text(bq, 1, t->name);
		gt__q_bind_int64(bq, 2, after);
		gt__q_bind_int64(bq, 3, hi);
		/* the bindings of one key come together, the latest last */
		size_t k = 0;
		struct bound b = {0};
		bool have = false;
		int rc;
		for (;;) {
			rc = gt__q_step(bq);
			int64_t id = rc == GT__ROW ? gt__q_int64(bq, 0) : INT64_MAX;
			if (have && (rc != GT__ROW || id != b.id)) {
				for (; k < n && r[k].id < b.id; k++)
					judge(t, r[k].id, &r[k], NULL, f);
				bool match = k < n && r[k].id == b.id;
				judge(t, b.id, match ? &r[k] : NULL, &b, f);
				k += match;
				have = false;
			}
			if (rc != GT__ROW)
				break;
			b.id = id;
			b.seq = gt__q_int64(bq, 1);
			b.len = gt__q_null(bq, 2) ? 0 : gt__q_bytes(bq, 2);
			if (b.len == 32)
				memcpy(b.digest, gt__q_blob(bq, 2), 32);
			else if (b.len > 0)
				b.len = 1; /* not a digest: matches nothing */
			have = true;
		}
		if (rc != GT__DONE) {
			s = gt__store_fail(st, err, "cannot read the audit log's rows");
			break;
		}
		for (; k < n; k++)
			judge(t, r[k].id, &r[k], NULL, f);
		if (!full)
			break;
		after = hi;
	}
out:
	gt__q_finalize(bq);
	gt__q_finalize(child);
	gt__q_finalize(q);
	free(r);
	return s;
}

/* OUT: *v, the first column of sql's first row with parameter p, or
 * *none when there is no row. */
static enum gt_status first_int(struct gt_store *st, const char *sql, int64_t p, bool bind,
                                int64_t *v, bool *none, struct gt_err *err)
{
	struct gt__q *q;
	*v = 0;
	*none = true;
	if (!gt__q_prepare(st, sql, &q))
		return gt__store_fail(st, err, "cannot read the store's rows");
	if (bind)
		gt__q_bind_int64(q, 1, p);
	int rc = gt__q_step(q);
	if (rc == GT__ROW) {
		*none = false;
		*v = gt__q_int64(q, 0);
	}
	gt__q_finalize(q);
	return rc == GT__ROW || rc == GT__DONE ? GT_OK
	                                       : gt__store_fail(st, err, "cannot read the store's rows");
}

/* Table t as a store of that schema holds it: schema 6 added users'
 * observers and events' accounts and held. */
static struct table as_of(enum gt__tbl tbl, int schema)
{
	struct table t = tables[tbl];
	if (schema < 6 && tbl == GT__T_USERS) {
		t.cols = "id, name, role, member, token_hash, created, revoked";
		t.kinds = "itttttt";
	} else if (schema < 6 && tbl == GT__T_EVENTS) {
		t.cols = "id, status, merged_into, observed_from, observed_to, lon, lat, radius_km,"
		         " triangulated, event, weapon, count, reports, observers, sources, grade,"
		         " sector, side, line_km, offset_km, updated";
		t.kinds = "itiiirrrittiiiitiirrt";
	}
	return t;
}

enum gt_status gt__rows_verify(struct gt_store *st, int64_t last, int schema, int64_t *rows,
                               struct gt_err *err)
{
	*rows = 0;
	struct findings f = {0};
	int64_t v;
	bool none;
	enum gt_status s = first_int(st, "SELECT seq FROM audit_rows WHERE seq > ? ORDER BY seq LIMIT 1",
	                             last, true, &v, &none, err);
	if (s != GT_OK)
		return s;
	if (!none)
		found(&f, "audit_rows binds rows to audit entry %" PRId64 ", which is not in the "
		          "chain: bindings were added behind guarantor's back",
		      v);
	for (int tbl = 0; tbl < GT__T_COUNT && s == GT_OK; tbl++) {
		struct table as_then = as_of((enum gt__tbl)tbl, schema);
		const struct table *t = &as_then;
		if ((s = verify_table(st, t, &f, rows, err)) != GT_OK)
			break;
		if (t->orphans && (s = first_int(st, t->orphans, 0, false, &v, &none, err)) == GT_OK &&
		    !none)
			found(&f, "a row of %s belongs to %s row %s=%" PRId64 ", which does not exist: it "
			          "was added behind guarantor's back",
			      t->child_table, t->name, t->key, v);
	}
	if (s != GT_OK)
		return s;
	if (f.count == 0)
		return GT_OK;
	if (f.count == 1)
		return gt_err_set(err, GT_E_INTEGRITY, st->path, 0, 0, NULL, "%s", f.first);
	return gt_err_set(err, GT_E_INTEGRITY, st->path, 0, 0, NULL,
	                  "%s; and %" PRId64 " more row%s differ%s from the audit chain", f.first,
	                  f.count - 1, f.count > 2 ? "s" : "", f.count > 2 ? "" : "s");
}
