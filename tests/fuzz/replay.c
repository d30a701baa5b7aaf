/* replay.c: a fuzz target's main without libFuzzer: runs the target once on
 * each file named, or on each file of each folder named (sorted, so that a
 * failure reproduces), and says how many. The first argument (the seeds)
 * must be there; later ones (regressions) may not be yet. A crash is the
 * sanitizers' to report; a clean run exits 0. */
#include "fuzz.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	return 0;
}

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "replay: %s: cannot open\n", path);
		return -1;
	}
	size_t cap = 1 << 16, n = 0;
	uint8_t *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			uint8_t *grown = realloc(buf, cap *= 2);
			if (!grown)
				free(buf);
			buf = grown;
		}
	}
	fclose(f);
	if (!buf) {
		fprintf(stderr, "replay: %s: out of memory\n", path);
		return -1;
	}
	LLVMFuzzerTestOneInput(buf, n);
	free(buf);
	return 1;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

int main(int argc, char **argv)
{
	LLVMFuzzerInitialize(&argc, &argv);
	long runs = 0;
	for (int i = 1; i < argc; i++) {
		struct stat sb;
		if (stat(argv[i], &sb) != 0) {
			if (i > 1)
				continue; /* a target with no regressions yet has no folder */
			fprintf(stderr, "replay: %s: no such file or folder\n", argv[i]);
			return 1;
		}
		if (!S_ISDIR(sb.st_mode)) {
			int r = run_file(argv[i]);
			if (r < 0)
				return 1;
			runs += r;
			continue;
		}
		struct dirent **names = NULL;
		int n = scandir(argv[i], &names, NULL, by_name);
		if (n < 0) {
			fprintf(stderr, "replay: %s: cannot read the folder\n", argv[i]);
			return 1;
		}
		for (int k = 0; k < n; k++) {
			char path[4096];
			snprintf(path, sizeof(path), "%s/%s", argv[i], names[k]->d_name);
			int r = 0;
			if (names[k]->d_name[0] != '.' && stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
				r = run_file(path);
			free(names[k]);
			if (r < 0)
				return 1;
			runs += r;
		}
		free(names);
	}
	printf("replayed %ld inputs\n", runs);
	return 0;
}
