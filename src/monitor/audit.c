/* audit.c: the monitoring store's audit chain: appending an entry, with
 * the rows it wrote bound to it (rows.c); checking the key a store was
 * opened with against the chain; verifying the chain and, through it,
 * every row; the head a daily report publishes (docs/monitor.md, "The
 * audit chain").
 *
 * An entry's hash is BLAKE2b-256, keyed with the audit key when the store
 * has one, of a canonical encoding (canon.h) of the hash before it, its
 * number, time, actor, action, object and detail, the key's id, and the
 * digest of the rows it bound. Entries come in two forms: form 1, the
 * unkeyed hash of schema 4 and before, which covered no rows, and form 2.
 * A chain may begin unkeyed (form 1 entries from before schema 5, or
 * entries of a store used without a key) and become keyed; once keyed, it
 * stays keyed with the same key. The first keyed entry covers the hash of
 * the one before it, and so seals everything before. */
#include "monitor/canon.h"
#include "monitor/sql.h"
#include "monitor/store_priv.h"

#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Form 1 (schema 4): unkeyed BLAKE2b-256 of the previous hash, the number
 * and each field with its length before it. */
static void hash_form1(const unsigned char prev[32], int64_t seq, const char *const f[5],
                       unsigned char out[32])
{
	struct gt__canon c;
	crypto_generichash_init(&c.h, NULL, 0, 32);
	gt__canon_bytes(&c, prev, 32);
	gt__canon_u64(&c, (uint64_t)seq);
	for (int i = 0; i < 5; i++)
		gt__canon_text(&c, f[i]);
	gt__canon_final(&c, out);
}

/* Form 2: keyed with key when key_id is given, over the fields, the key's
 * id and the digest of the rows bound. */
static void hash_form2(const unsigned char *key, const unsigned char prev[32], int64_t seq,
                       const char *const f[5], const unsigned char *key_id,
                       const unsigned char rows[32], unsigned char out[32])
{
	struct gt__canon c;
	gt__canon_init(&c, key_id ? key : NULL, key_id ? 32 : 0, "guarantor audit v2");
	gt__canon_bytes(&c, prev, 32);
	gt__canon_u64(&c, (uint64_t)seq);
	for (int i = 0; i < 5; i++)
		gt__canon_text(&c, f[i]);
	gt__canon_u64(&c, key_id != NULL);
	if (key_id)
		gt__canon_bytes(&c, key_id, GT__KEY_ID_BYTES);
	gt__canon_bytes(&c, rows, 32);
	gt__canon_final(&c, out);
}

static void key_hex(const unsigned char *id, char out[GT_AUDIT_KEY_ID_SIZE])
{
	sodium_bin2hex(out, GT_AUDIT_KEY_ID_SIZE, id, (GT_AUDIT_KEY_ID_SIZE - 1) / 2);
}

/* The chain's last entry: OUT: *seq (0 for none), prev (its hash), *keyed
 * and key_id (the key it was made with). */
static enum gt_status last_entry(struct gt_store *st, int64_t *seq, unsigned char prev[32],
                                 bool *keyed, unsigned char key_id[GT__KEY_ID_BYTES],
                                 struct gt_err *err)
{
	struct gt__q *q;
	*seq = 0;
	*keyed = false;
	memset(prev, 0, 32);
	if (!gt__q_prepare(st, "SELECT seq, hash, key_id FROM audit ORDER BY seq DESC LIMIT 1", &q))
		return gt__store_fail(st, err, "cannot read the audit log");
	int rc = gt__q_step(q);
	if (rc == GT__ROW) {
		*seq = gt__q_int64(q, 0);
		if (gt__q_bytes(q, 1) == 32)
			memcpy(prev, gt__q_blob(q, 1), 32);
		*keyed = !gt__q_null(q, 2);
		memset(key_id, 0, GT__KEY_ID_BYTES);
		if (*keyed && gt__q_bytes(q, 2) == GT__KEY_ID_BYTES)
			memcpy(key_id, gt__q_blob(q, 2), GT__KEY_ID_BYTES);
	}
	gt__q_finalize(q);
	if (rc != GT__ROW && rc != GT__DONE)
		return gt__store_fail(st, err, "cannot read the audit log");
	return GT_OK;
}

/* GT_E_AUTH unless st's key may extend a chain whose last entry was made
 * with key_id (keyed) or without a key. */
static enum gt_status may_extend(struct gt_store *st, bool keyed,
                                 const unsigned char key_id[GT__KEY_ID_BYTES], struct gt_err *err)
{
	if (!keyed)
		return GT_OK;
	char theirs[GT_AUDIT_KEY_ID_SIZE], ours[GT_AUDIT_KEY_ID_SIZE];
	key_hex(key_id, theirs);
	if (!st->keyed)
		return gt_err_set(err, GT_E_AUTH, st->path, 0, 0, NULL,
		                  "the store's audit chain is keyed (key %s): give its key with "
		                  "--audit-key FILE",
		                  theirs);
	if (sodium_memcmp(key_id, st->key_id, GT__KEY_ID_BYTES) != 0) {
		key_hex(st->key_id, ours);
		return gt_err_set(err, GT_E_AUTH, st->path, 0, 0, NULL,
		                  "the audit key given (key %s) is not the one the store's chain is "
		                  "keyed with (key %s)",
		                  ours, theirs);
	}
	return GT_OK;
}

enum gt_status gt__audit_key_check(struct gt_store *st, struct gt_err *err)
{
	int64_t seq;
	unsigned char prev[32], key_id[GT__KEY_ID_BYTES];
	bool keyed;
	enum gt_status s = last_entry(st, &seq, prev, &keyed, key_id, err);
	return s == GT_OK ? may_extend(st, keyed, key_id, err) : s;
}

enum gt_status gt__store_audit(struct gt_store *st, const char *actor, const char *action,
                               const char *object, const char *detail, struct gt_err *err)
{
	int64_t last, bound;
	unsigned char prev[32], key_id[GT__KEY_ID_BYTES], rows[32], hash[32];
	bool keyed;
	enum gt_status s;
	if ((s = last_entry(st, &last, prev, &keyed, key_id, err)) != GT_OK ||
	    (s = may_extend(st, keyed, key_id, err)) != GT_OK ||
	    (s = gt__rows_bind(st, last + 1, rows, &bound, err)) != GT_OK) {
		gt__store_untouch(st);
		return s;
	}
	char at[32];
	gt__store_now(at);
	const char *const f[5] = {at, actor, action, object, detail};
	const unsigned char *kid = st->keyed ? st->key_id : NULL;
	hash_form2(st->key, prev, last + 1, f, kid, rows, hash);
	struct gt__q *q;
	if (!gt__q_prepare(st, "INSERT INTO audit (seq, at, actor, action, object, detail, prev, hash,"
	                       " form, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 2, ?)", &q))
		return gt__store_fail(st, err, "cannot write the audit log");
	gt__q_bind_int64(q, 1, last + 1);
	for (int i = 0; i < 5; i++)
		gt__q_bind_text(q, 2 + i, f[i]);
	gt__q_bind_blob(q, 7, prev, 32);
	gt__q_bind_blob(q, 8, hash, 32);
	if (kid)
		gt__q_bind_blob(q, 9, kid, GT__KEY_ID_BYTES);
	else
		gt__q_bind_null(q, 9);
	int rc = gt__q_step(q);
	gt__q_finalize(q);
	return rc == GT__DONE ? GT_OK : gt__store_fail(st, err, "cannot write the audit log");
}

/* --- verification -------------------------------------------------------- */

/* The log and its bindings are read in pages by sequence, so that
 * checking a long one takes little memory whatever the database. */
enum { AUDIT_PAGE = 5000, BIND_PAGE = 10000 };

/* audit_rows in (seq, tbl, id) order, a page at a time. */
struct bindings {
	struct gt_store *st;
	struct gt__q *q;
	bool row, done; /* row: the statement is on a row */
	int64_t seq, id;
	char tbl[32];
	size_t in_page;
};

static enum gt_status bindings_next(struct bindings *b, struct gt_err *err)
{
	for (;;) {
		if (b->done)
			return GT_OK;
		if (!b->q) {
			if (!gt__q_prepare(b->st, "SELECT seq, tbl, id, digest FROM audit_rows"
			                          " WHERE (seq, tbl, id) > (?, ?, ?)"
			                          " ORDER BY seq, tbl, id LIMIT ?", &b->q))
				return gt__store_fail(b->st, err, "cannot read the audit log's rows");
			gt__q_bind_int64(b->q, 1, b->seq);
			gt__q_bind_text(b->q, 2, b->tbl);
			gt__q_bind_int64(b->q, 3, b->id);
			gt__q_bind_int64(b->q, 4, BIND_PAGE);
			b->in_page = 0;
		}
		int rc = gt__q_step(b->q);
		if (rc == GT__ROW) {
			b->row = true;
			b->seq = gt__q_int64(b->q, 0);
			snprintf(b->tbl, sizeof(b->tbl), "%s", gt__q_text(b->q, 1) ? gt__q_text(b->q, 1) : "");
			b->id = gt__q_int64(b->q, 2);
			b->in_page++;
			return GT_OK;
		}
		gt__q_finalize(b->q);
		b->q = NULL;
		b->row = false;
		if (rc != GT__DONE)
			return gt__store_fail(b->st, err, "cannot read the audit log's rows");
		if (b->in_page < BIND_PAGE) {
			b->done = true;
			return GT_OK;
		}
	}
}

/* What is wrong with an entry. */
enum why_kind {
	WHY_NONE,
	WHY_HASH,      /* its hash is not that of its fields and rows */
	WHY_LINK,      /* it does not record the hash of the entry before it */
	WHY_OTHER_KEY, /* it was made with another key */
	WHY_UNKEYED,   /* unkeyed (or of the old form) after keyed ones */
	WHY_OLD_ROWS   /* of the old form, which covers no rows, yet rows are bound to it */
};

/* What the scan of the chain found. */
struct scan {
	int64_t entries, last;
	int64_t keyed_from;       /* the first keyed entry */
	unsigned char key_id[GT__KEY_ID_BYTES];
	int64_t first_bad;        /* the first entry wrong in itself, or whose link is */
	enum why_kind why;        /* what is wrong with it */
	char other_key[GT_AUDIT_KEY_ID_SIZE];
	int64_t bad_hashes;       /* entries whose hash fails, from first_bad on */
	bool links_after_ok;      /* every entry after first_bad follows the one before */
	int64_t missing;          /* the first number absent from the sequence */
	bool keyed_no_key;        /* a keyed entry, and no key to check it with */
};

/* One entry, read: checks it against the scan so far. */
static void check_entry(struct gt_store *st, struct scan *sc, int *state, int64_t seq,
                        const char *const f[5], const void *prev_col, int prev_len,
                        const void *hash_col, int hash_len, int form, const void *kid,
                        int kid_len, const unsigned char rows[32], int64_t nrows,
                        const unsigned char last_hash[32], enum why_kind *why)
{
	unsigned char prev[32] = {0}, want[32];
	bool prev_ok = prev_len == 32 && memcmp(prev_col, last_hash, 32) == 0;
	if (prev_len == 32)
		memcpy(prev, prev_col, 32);
	bool keyed = kid != NULL;
	*why = WHY_NONE;
	/* the order the forms may come in: form 1, then form 2 unkeyed, then
	 * keyed, each optional */
	int kind = form == 1 ? 0 : keyed ? 2 : 1;
	if (form != 1 && form != 2) {
		*why = WHY_HASH;
		return;
	}
	if (kind < *state) {
		*why = WHY_UNKEYED;
		return;
	}
	*state = kind;
	if (form == 1 && nrows > 0) {
		*why = WHY_OLD_ROWS;
		return;
	}
	if (keyed) {
		if (kid_len != GT__KEY_ID_BYTES) {
			*why = WHY_HASH;
			return;
		}
		if (!sc->keyed_from) {
			sc->keyed_from = seq;
			memcpy(sc->key_id, kid, GT__KEY_ID_BYTES);
		}
		if (!st->keyed) {
			sc->keyed_no_key = true;
			return;
		}
		if (memcmp(kid, st->key_id, GT__KEY_ID_BYTES) != 0) {
			key_hex(kid, sc->other_key);
			*why = WHY_OTHER_KEY;
			return;
		}
	}
	if (form == 1)
		hash_form1(prev, seq, f, want);
	else
		hash_form2(st->key, prev, seq, f, keyed ? kid : NULL, rows, want);
	bool hash_ok = hash_len == 32 && sodium_memcmp(hash_col, want, 32) == 0;
	if (!hash_ok)
		*why = WHY_HASH;
	else if (!prev_ok)
		*why = WHY_LINK;
}

/* A bytes column of at most 32 bytes, copied; n is its length (33 for a
 * longer one, which matches nothing). */
struct col {
	unsigned char b[32];
	int n;
};

static struct col take(struct gt__q *q, int i)
{
	struct col c = {{0}, gt__q_null(q, i) ? 0 : gt__q_bytes(q, i)};
	if (c.n > 32)
		c.n = 33;
	else if (c.n > 0)
		memcpy(c.b, gt__q_blob(q, i), (size_t)c.n);
	return c;
}

/* Reads the chain from the start, remaking each entry's hash from its
 * fields and its bindings. */
static enum gt_status scan_chain(struct gt_store *st, struct scan *sc, struct gt_err *err)
{
	unsigned char last_hash[32] = {0};
	int state = 0;
	int64_t after = 0, expect = 1;
	struct bindings b = {.st = st};
	enum gt_status s = bindings_next(&b, err);
	for (bool more = s == GT_OK; more;) {
		struct gt__q *q;
		if (!gt__q_prepare(st, "SELECT seq, at, actor, action, object, detail, prev, hash, form,"
		                       " key_id FROM audit WHERE seq > ? ORDER BY seq LIMIT ?", &q)) {
			s = gt__store_fail(st, err, "cannot read the audit log");
			break;
		}
		gt__q_bind_int64(q, 1, after);
		gt__q_bind_int64(q, 2, AUDIT_PAGE);
		int rc;
		int64_t rows = 0;
		while (s == GT_OK && (rc = gt__q_step(q)) == GT__ROW) {
			int64_t seq = gt__q_int64(q, 0);
			rows++;
			after = seq;
			if (seq != expect && !sc->missing)
				sc->missing = expect;
			expect = seq + 1;
			/* this entry's bindings; any before it belong to no entry read */
			struct gt__canon c;
			int64_t nrows = 0;
			gt__rows_hash_init(&c);
			while (s == GT_OK && b.row && b.seq <= seq) {
				if (b.seq == seq) {
					bool gone = gt__q_null(b.q, 3);
					gt__rows_hash_add(&c, b.tbl, b.id, gone ? "" : gt__q_blob(b.q, 3),
					                  gone ? 0 : gt__q_bytes(b.q, 3));
					nrows++;
				}
				s = bindings_next(&b, err);
			}
			unsigned char rowsd[32];
			gt__canon_final(&c, rowsd);
			const char *f[5];
			for (int i = 0; i < 5; i++) {
				const char *t = gt__q_text(q, 1 + i);
				f[i] = t ? t : "";
			}
			/* each bytes column copied out before the next is read (a
			 * database may keep one decoded column at a time) */
			struct col prev = take(q, 6), hash = take(q, 7), kid = take(q, 9);
			enum why_kind why;
			check_entry(st, sc, &state, seq, f, prev.b, prev.n, hash.b, hash.n,
			            (int)gt__q_int64(q, 8), gt__q_null(q, 9) ? NULL : kid.b, kid.n, rowsd,
			            nrows, last_hash, &why);
			if (sc->first_bad) {
				/* after the first bad entry: do the rest fail too, and
				 * still follow each other? */
				sc->bad_hashes += why == WHY_HASH;
				bool link = prev.n == 32 && memcmp(prev.b, last_hash, 32) == 0;
				sc->links_after_ok = sc->links_after_ok && link;
			}
			else if (why != WHY_NONE) {
				sc->first_bad = seq;
				sc->why = why;
				sc->bad_hashes = why == WHY_HASH;
				sc->links_after_ok = true;
			}
			memset(last_hash, 0, 32);
			if (hash.n == 32)
				memcpy(last_hash, hash.b, 32);
			sc->entries++;
			sc->last = seq;
		}
		gt__q_finalize(q);
		if (s != GT_OK)
			break;
		if (rc != GT__DONE) {
			s = gt__store_fail(st, err, "cannot read the audit log");
			break;
		}
		more = rows == AUDIT_PAGE;
	}
	gt__q_finalize(b.q);
	return s;
}

/* The verdict on a scan that found something wrong, said. */
static enum gt_status broken(struct gt_store *st, const struct scan *sc, struct gt_err *err)
{
	char ours[GT_AUDIT_KEY_ID_SIZE] = "";
	if (st->keyed)
		key_hex(st->key_id, ours);
	if (sc->missing && (!sc->first_bad || sc->missing <= sc->first_bad))
		return gt_err_set(err, GT_E_INTEGRITY, st->path, 0, 0, NULL,
		                  "audit entry %" PRId64 " is missing: entries were deleted from the "
		                  "log",
		                  sc->missing);
	int64_t n = sc->first_bad;
	if (sc->why == WHY_OTHER_KEY)
		return gt_err_set(err, GT_E_INTEGRITY, st->path, 0, 0, NULL,
		                  "audit entry %" PRId64 " was written with another key (key %s), not "
		                  "the one given (key %s): the wrong key file, or a chain rewritten "
		                  "with a key of someone else's",
		                  n, sc->other_key, ours);
	if (sc->why == WHY_UNKEYED)
		return gt_err_set(err, GT_E_INTEGRITY, st->path, 0, 0, NULL,
		                  "audit entry %" PRId64 " is not keyed, though the chain is keyed from "
		                  "entry %" PRId64 ": it was written or rewritten without the key",
		                  n, sc->keyed_from);
	if (sc->why == WHY_OLD_ROWS)
		return gt_err_set(err, GT_E_INTEGRITY, st->path, 0, 0, NULL,
		                  "audit entry %" PRId64 " is of schema 4, which bound no rows, yet rows "
		                  "are bound to it: the bindings were added behind guarantor's back",
		                  n);
	if (sc->why == WHY_LINK)
		return gt_err_set(err, GT_E_INTEGRITY, st->path, 0, 0, NULL,
		                  "audit entry %" PRId64 " does not follow entry %" PRId64 " (the hash "
		                  "it records of it differs): entries were removed, added or rewritten "
		                  "there",
		                  n, n - 1);
	int64_t after = sc->last - n; /* entries after the first bad one */
	if (after > 0 && sc->bad_hashes == after + 1 && sc->links_after_ok)
		return gt_err_set(err, GT_E_INTEGRITY, st->path, 0, 0, NULL,
		                  "audit entries %" PRId64 " to %" PRId64 " do not match their hashes, "
		                  "though each follows the one before: the chain was rewritten from "
		                  "entry %" PRId64 " by someone without %s",
		                  n, sc->last, n, st->keyed ? "the key" : "a key");
	if (sc->bad_hashes == 1)
		return gt_err_set(err, GT_E_INTEGRITY, st->path, 0, 0, NULL,
		                  "audit entry %" PRId64 " does not match its hash: the entry (or the "
		                  "rows it binds) was altered after it was written, or the store is "
		                  "damaged there; %s",
		                  n, after > 0 ? "the entries after it still follow it" : "it is the last entry");
	return gt_err_set(err, GT_E_INTEGRITY, st->path, 0, 0, NULL,
	                  "audit entry %" PRId64 " does not match its hash, nor do %" PRId64 " of the "
	                  "%" PRId64 " entries after it: the log was altered from there on",
	                  n, sc->bad_hashes - 1, after);
}

/* OUT: *n, the rows of every audited table. */
static enum gt_status count_rows(struct gt_store *st, int64_t *n, char *list, size_t size,
                                 struct gt_err *err)
{
	*n = 0;
	list[0] = '\0';
	size_t used = 0;
	for (int t = 0; t < GT__T_COUNT; t++) {
		char sql[96];
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", gt__rows_table((enum gt__tbl)t));
		struct gt__q *q;
		if (!gt__q_prepare(st, sql, &q))
			return gt__store_fail(st, err, "cannot read the store");
		int rc = gt__q_step(q);
		int64_t c = rc == GT__ROW ? gt__q_int64(q, 0) : 0;
		gt__q_finalize(q);
		if (rc != GT__ROW)
			return gt__store_fail(st, err, "cannot read the store");
		if (c > 0 && used < size) {
			int w = snprintf(list + used, size - used, "%s%s (%" PRId64 ")", used ? ", " : "",
			                 gt__rows_table((enum gt__tbl)t), c);
			used += w > 0 ? (size_t)w : 0;
		}
		*n += c;
	}
	return GT_OK;
}

enum gt_status gt__audit_verify_as(struct gt_store *st, int schema, bool key_used,
                                   struct gt_audit_summary *out, struct gt_err *err)
{
	memset(out, 0, sizeof(*out));
	struct scan sc = {0};
	enum gt_status s = scan_chain(st, &sc, err);
	if (s != GT_OK)
		return s;
	out->entries = sc.entries;
	out->keyed_from = sc.keyed_from;
	if (sc.keyed_from)
		key_hex(sc.key_id, out->key_id);
	if (sc.entries == 0) {
		int64_t n;
		char list[256];
		if ((s = count_rows(st, &n, list, sizeof(list), err)) != GT_OK)
			return s;
		if (n > 0)
			return gt_err_set(err, GT_E_INTEGRITY, st->path, 0, 0, NULL,
			                  "the audit log has no entries, yet the store holds rows of %s: "
			                  "the log was emptied behind guarantor's back",
			                  list);
		out->empty = true;
		return gt_err_set(err, GT_E_INTEGRITY, st->path, 0, 0, NULL,
		                  "the audit log has no entries and the store no data: nothing to "
		                  "verify (a store never used, or one emptied)");
	}
	if (sc.missing || sc.first_bad)
		return broken(st, &sc, err);
	if (sc.keyed_no_key)
		return gt_err_set(err, GT_E_AUTH, st->path, 0, 0, NULL,
		                  "the audit chain is keyed from entry %" PRId64 " (key %s): give its "
		                  "key with --audit-key FILE to verify it",
		                  sc.keyed_from, out->key_id);
	if (key_used && st->keyed && !sc.keyed_from) {
		char ours[GT_AUDIT_KEY_ID_SIZE];
		key_hex(st->key_id, ours);
		return gt_err_set(err, GT_E_INTEGRITY, st->path, 0, 0, NULL,
		                  "no audit entry was written with the key given (key %s): the chain "
		                  "is unkeyed, made without a key or rewritten by someone without one",
		                  ours);
	}
	return gt__rows_verify(st, sc.last, schema, &out->rows, err);
}

enum gt_status gt_store_audit_verify(struct gt_store *st, struct gt_audit_summary *out,
                                     struct gt_err *err)
{
	memset(out, 0, sizeof(*out));
	/* one snapshot: the chain and the rows as of one moment, whatever
	 * other servers write meanwhile */
	enum gt_status s = gt__store_begin_read(st, err);
	if (s != GT_OK)
		return s;
	s = gt__audit_verify_as(st, GT_STORE_SCHEMA, true, out, err);
	gt__store_end_read(st);
	return s;
}

enum gt_status gt_store_audit_hash(struct gt_store *st, int64_t seq, int64_t *found,
                                   char hex[65], struct gt_err *err)
{
	struct gt__q *q;
	hex[0] = '\0';
	*found = 0;
	if (!gt__q_prepare(st, seq > 0 ? "SELECT seq, hash FROM audit WHERE seq = ?"
	                               : "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", &q))
		return gt__store_fail(st, err, "cannot read the audit log");
	if (seq > 0)
		gt__q_bind_int64(q, 1, seq);
	int rc = gt__q_step(q);
	if (rc == GT__ROW && gt__q_bytes(q, 1) == 32) {
		*found = gt__q_int64(q, 0);
		sodium_bin2hex(hex, 65, gt__q_blob(q, 1), 32);
	}
	gt__q_finalize(q);
	if (rc != GT__ROW && rc != GT__DONE)
		return gt__store_fail(st, err, "cannot read the audit log");
	if (seq > 0 && !*found)
		return gt_err_set(err, GT_E_NOTFOUND, st->path, 0, 0, NULL,
		                  "audit entry %lld is missing", (long long)seq);
	return GT_OK;
}
