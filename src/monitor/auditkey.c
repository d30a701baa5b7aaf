/* auditkey.c: the audit chain's key file (audit.h): made with libsodium's
 * random bytes, written once with mode 0600, read back with its size,
 * digits and permissions checked. */
#define _POSIX_C_SOURCE 200809L
#include "guarantor/audit.h"
#include "monitor/store_priv.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* 64 hex digits and a newline */
enum { KEY_TEXT = 2 * GT_AUDIT_KEY_BYTES, KEY_FILE = KEY_TEXT + 1 };

void gt__audit_key_id_raw(const unsigned char key[GT_AUDIT_KEY_BYTES],
                          unsigned char id[GT__KEY_ID_BYTES])
{
	static const char what[] = "guarantor audit key id v1";
	crypto_generichash(id, GT__KEY_ID_BYTES, (const unsigned char *)what, sizeof(what) - 1, key,
	                   GT_AUDIT_KEY_BYTES);
}

void gt_audit_key_id(const struct gt_audit_key *k, char id[GT_AUDIT_KEY_ID_SIZE])
{
	unsigned char raw[GT__KEY_ID_BYTES];
	gt__audit_key_id_raw(k->bytes, raw);
	sodium_bin2hex(id, GT_AUDIT_KEY_ID_SIZE, raw, (GT_AUDIT_KEY_ID_SIZE - 1) / 2);
}

void gt_audit_key_wipe(struct gt_audit_key *k)
{
	if (k)
		sodium_memzero(k, sizeof(*k));
}

enum gt_status gt_audit_key_create(const char *path, struct gt_audit_key *out,
                                   struct gt_err *err)
{
	memset(out, 0, sizeof(*out));
	if (sodium_init() < 0)
		return gt_err_set(err, GT_E_INTERNAL, NULL, 0, 0, NULL, "libsodium cannot start");
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			return gt_err_set(err, GT_E_CONFLICT, path, 0, 0, NULL,
			                  "already exists; an audit key is never overwritten (the chain "
			                  "made with it could no longer be verified)");
		return gt_err_set(err, GT_E_IO, path, 0, 0, NULL, "cannot create the key file: %s",
		                  strerror(errno));
	}
	char text[KEY_FILE + 1];
	randombytes_buf(out->bytes, sizeof(out->bytes));
	sodium_bin2hex(text, sizeof(text), out->bytes, sizeof(out->bytes));
	text[KEY_TEXT] = '\n';
	/* fchmod too: a umask may have taken bits from 0600, never added them */
	bool ok = fchmod(fd, 0600) == 0 && write(fd, text, KEY_FILE) == KEY_FILE && fsync(fd) == 0;
	int saved = errno;
	sodium_memzero(text, sizeof(text));
	if (close(fd) != 0 && ok) {
		ok = false;
		saved = errno;
	}
	if (!ok) {
		unlink(path);
		gt_audit_key_wipe(out);
		return gt_err_set(err, GT_E_IO, path, 0, 0, NULL, "cannot write the key file: %s",
		                  strerror(saved));
	}
	return GT_OK;
}

enum gt_status gt_audit_key_load(const char *path, struct gt_audit_key *out, struct gt_err *err)
{
	memset(out, 0, sizeof(*out));
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return gt_err_set(err, GT_E_IO, path, 0, 0, NULL, "cannot read the audit key: %s%s",
		                  strerror(errno),
		                  errno == ENOENT ? " (guarantor audit keygen --audit-key FILE makes one)"
		                                  : "");
	struct stat sb;
	enum gt_status s = GT_OK;
	char text[KEY_FILE + 2];
	ssize_t got = 0;
	if (fstat(fd, &sb) != 0)
		s = gt_err_set(err, GT_E_IO, path, 0, 0, NULL, "cannot read the audit key: %s",
		               strerror(errno));
	else if (!S_ISREG(sb.st_mode))
		s = gt_err_set(err, GT_E_IO, path, 0, 0, NULL,
		               "the audit key must be a regular file");
	else if (sb.st_mode & 077)
		s = gt_err_set(err, GT_E_IO, path, 0, 0, NULL,
		               "the audit key is open to others (mode %04o); only its owner may read "
		               "it: chmod 600 %s",
		               (unsigned)(sb.st_mode & 07777), path);
	else if (sb.st_size != KEY_TEXT && sb.st_size != KEY_FILE)
		s = gt_err_set(err, GT_E_SCHEMA, path, 0, 0, NULL,
		               "%lld bytes; an audit key file holds 64 hex digits and a newline "
		               "(guarantor audit keygen)",
		               (long long)sb.st_size);
	else if ((got = read(fd, text, sizeof(text))) < 0)
		s = gt_err_set(err, GT_E_IO, path, 0, 0, NULL, "cannot read the audit key: %s",
		               strerror(errno));
	close(fd);
	if (s == GT_OK) {
		size_t bin = 0;
		const char *end = NULL;
		bool ok = (got == KEY_TEXT || (got == KEY_FILE && text[KEY_TEXT] == '\n')) &&
		          sodium_hex2bin(out->bytes, sizeof(out->bytes), text, KEY_TEXT, NULL, &bin,
		                         &end) == 0 &&
		          bin == sizeof(out->bytes) && end == text + KEY_TEXT;
		if (!ok) {
			gt_audit_key_wipe(out);
			s = gt_err_set(err, GT_E_SCHEMA, path, 0, 0, NULL,
			               "not an audit key: expected 64 hex digits and a newline "
			               "(guarantor audit keygen)");
		}
	}
	sodium_memzero(text, sizeof(text));
	return s;
}
