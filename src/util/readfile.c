/* readfile.c: reads a whole input file into memory, with errors that
 * name the file. Shared by the scenario and mission loaders. */
#include "util/readfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum gt_status gt__read_file(const char *path, char **text, size_t *len, struct gt_err *err)
{
	*text = NULL;
	*len = 0;
	if (!path[0])
		return gt_err_set(err, GT_E_IO, "''", 0, 0, NULL, "an empty file name was given");
	FILE *f = fopen(path, "rb");
	if (!f)
		return gt_err_set(err, GT_E_IO, path, 0, 0, NULL, "cannot open: %s", strerror(errno));
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap + 1);
	enum gt_status st = GT_OK;
	while (buf) {
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (n < cap)
			break;
		if (cap >= (size_t)1 << 30) {
			st = gt_err_set(err, GT_E_IO, path, 0, 0, NULL, "file is larger than 1 GiB");
			break;
		}
		char *grown = realloc(buf, cap * 2 + 1);
		if (!grown) {
			free(buf);
			buf = NULL;
			break;
		}
		buf = grown;
		cap *= 2;
	}
	if (!buf) {
		fclose(f);
		return gt_err_set(err, GT_E_NOMEM, path, 0, 0, NULL, "out of memory reading the file");
	}
	if (st == GT_OK && ferror(f))
		st = gt_err_set(err, GT_E_IO, path, 0, 0, NULL, "read error: %s", strerror(errno));
	fclose(f);
	if (st != GT_OK) {
		free(buf);
		return st;
	}
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return GT_OK;
}

