/* audit.h: the key of the monitoring store's audit chain (docs/monitor.md,
 * "The audit chain"; keeping it: docs/operations.md, "The audit key").
 *
 * Each audit entry is a keyed BLAKE2b-256 (a MAC) of the entry before it,
 * its own fields and the rows it wrote, so that only a holder of the key
 * can write an entry that verifies. The key is 32 random bytes kept in a
 * file of its own, outside the store and its backups: someone who can
 * rewrite the store cannot rewrite the chain without it.
 *
 * A key file holds 64 lower-case hex digits and a newline, and only its
 * owner may read or write it (mode 0600 or 0400). A struct gt_audit_key
 * is the caller's; gt_audit_key_wipe clears it. */
#ifndef GUARANTOR_AUDIT_H
#define GUARANTOR_AUDIT_H

#include "guarantor/err.h"

#ifdef __cplusplus
extern "C" {
#endif

#define GT_AUDIT_KEY_BYTES 32
/* The key's id as messages show it: 16 hex digits and a NUL. */
#define GT_AUDIT_KEY_ID_SIZE 17

struct gt_audit_key {
	unsigned char bytes[GT_AUDIT_KEY_BYTES];
};

/* Makes a new random key and writes it to path, which must not exist,
 * with mode 0600. OUT: *out. GT_E_CONFLICT when path exists (a key is
 * never overwritten: the chain made with it could no longer be
 * verified); GT_E_IO when it cannot be written. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_audit_key_create(const char *path,
                                                           struct gt_audit_key *out,
                                                           struct gt_err *err);
/* Reads the key at path. GT_E_IO when the file is missing, unreadable,
 * not a regular file, or open to its group or others (chmod 600 it);
 * GT_E_SCHEMA when it is not 64 hex digits (its size is said). */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_audit_key_load(const char *path,
                                                         struct gt_audit_key *out,
                                                         struct gt_err *err);
/* The key's public id: a keyed hash of a constant, which names the key
 * without revealing it. OUT: id. */
GT_EXPORT void gt_audit_key_id(const struct gt_audit_key *k, char id[GT_AUDIT_KEY_ID_SIZE]);
/* Clears the key from memory. NULL-safe. */
GT_EXPORT void gt_audit_key_wipe(struct gt_audit_key *k);

#ifdef __cplusplus
}
#endif
#endif
