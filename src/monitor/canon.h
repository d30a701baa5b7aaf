/* canon.h: a canonical, length-prefixed encoding hashed with BLAKE2b-256,
 * private to src/monitor. What the store digests (a report for its
 * idempotency, a row for the audit chain, an audit entry) is fed through
 * these, so that no two different contents share one encoding: text comes
 * with its length before it, integers as 8 little-endian bytes, doubles by
 * their bits (-0 taken as 0, which compares equal to it). */
#ifndef GT_MONITOR_CANON_H
#define GT_MONITOR_CANON_H

#include <sodium.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct gt__canon {
	crypto_generichash_state h;
};

/* Begins a digest; key (keylen bytes) makes it a MAC, NULL a plain hash.
 * tag names the encoding and its version ("guarantor report v2"), so
 * that digests of different kinds never meet. */
void gt__canon_init(struct gt__canon *c, const unsigned char *key, size_t keylen,
                    const char *tag);
void gt__canon_bytes(struct gt__canon *c, const void *p, size_t n); /* as they are */
void gt__canon_u64(struct gt__canon *c, uint64_t v);
void gt__canon_text(struct gt__canon *c, const char *s); /* NULL as "" */
void gt__canon_real(struct gt__canon *c, double v);
/* OUT: the 32-byte digest. */
void gt__canon_final(struct gt__canon *c, unsigned char out[32]);

#endif
