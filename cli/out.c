/* out.c: error reporting, scenario loading and safe file writing shared by
 * the subcommands. */
#include "cli.h"

#include <errno.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int gt_cli_fail(const struct gt_err *err)
{
	char buf[1400];
	fprintf(stderr, "guarantor: %s\n", gt_err_format(err, buf, sizeof(buf)));
	/* The library reads only the user's inputs, so an unreadable file is
	 * bad input too; failures to write are reported by the CLI itself. */
	bool input = gt_status_is_input_error(err->status) || err->status == GT_E_IO;
	return input ? GT_EXIT_USAGE : GT_EXIT_FAILURE;
}

int gt_cli_fail_in(const struct gt_scenario *s, struct gt_err *err)
{
	if (!err->file[0] && err->path[0])
		snprintf(err->file, sizeof(err->file), "%s", s->file);
	return gt_cli_fail(err);
}

int gt_cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "guarantor %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'guarantor %s --help'.\n", cmd);
	return GT_EXIT_USAGE;
}

long gt_cli_long(const char *cmd, const char *what, const char *text, long lo, long hi, bool *ok)
{
	char *end;
	long v = strtol(text, &end, 10);
	*ok = *end == '\0' && end != text && v >= lo && v <= hi;
	if (!*ok)
		gt_cli_usage(cmd, "%s '%s': expected a whole number from %ld to %ld", what, text, lo, hi);
	return v;
}

int gt_cli_load_scenario(const char *path, struct gt_scenario **out)
{
	struct gt_err err;
	enum gt_status st = path ? gt_scenario_load_file(path, out, &err)
	                         : gt_scenario_load_builtin(out, &err);
	return st == GT_OK ? GT_EXIT_OK : gt_cli_fail(&err);
}

bool gt_cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return false;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
			return true;
	}
	return false;
}

int gt_cli_write_file(const char *path, const char *text, size_t len)
{
	char tmp[4200];
	int n = snprintf(tmp, sizeof(tmp), "%s.tmp.%ld", path, (long)getpid());
	if (n < 0 || (size_t)n >= sizeof(tmp)) {
		fprintf(stderr, "guarantor: %s: path too long\n", path);
		return GT_EXIT_FAILURE;
	}
	FILE *f = fopen(tmp, "wb");
	if (!f) {
		fprintf(stderr, "guarantor: %s: cannot write: %s\n", path, strerror(errno));
		return GT_EXIT_FAILURE;
	}
	/* errno is read right after the call that failed */
	int saved = 0;
	if (fwrite(text, 1, len, f) != len || fflush(f) != 0 || fsync(fileno(f)) != 0)
		saved = errno ? errno : EIO;
	if (fclose(f) != 0 && !saved)
		saved = errno ? errno : EIO;
	if (!saved && rename(tmp, path) != 0)
		saved = errno;
	if (saved) {
		fprintf(stderr, "guarantor: %s: cannot write: %s\n", path, strerror(saved));
		remove(tmp);
		return GT_EXIT_FAILURE;
	}
	return GT_EXIT_OK;
}

int gt_cli_make_dir(const char *dir)
{
	if (mkdir(dir, 0777) == 0 || errno == EEXIST) {
		struct stat st;
		if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
			return GT_EXIT_OK;
		fprintf(stderr, "guarantor: %s exists and is not a folder\n", dir);
		return GT_EXIT_FAILURE;
	}
	fprintf(stderr, "guarantor: cannot create %s: %s\n", dir, strerror(errno));
	return GT_EXIT_FAILURE;
}

