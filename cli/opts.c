/* opts.c: the options every subcommand shares, parsed in one place. */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const struct option all[] = {
	{"scenario", required_argument, NULL, 's'},
	{"format", required_argument, NULL, 'f'},
	{"out", required_argument, NULL, 'o'},
	{"missions", required_argument, NULL, 'm'},
	{"option", required_argument, NULL, 'O'},
	{"without", required_argument, NULL, 'w'},
	{"lift", required_argument, NULL, 'l'},
	{"cap", required_argument, NULL, 'c'},
	{"time-limit", required_argument, NULL, 't'},
	{"pdf", no_argument, NULL, 'P'},
	{"basis", required_argument, NULL, 'b'},
	{"paper", required_argument, NULL, 'p'},
	{"runs", required_argument, NULL, 'n'},
};
#define NALL (sizeof(all) / sizeof(all[0]))

int gt_cli_parse(const char *cmd, int argc, char **argv, const char *accept, int max_args,
                 struct gt_cli_opts *o)
{
	struct option longopts[NALL + 1];
	char shortopts[2 * NALL + 2] = ":";
	/* 'O' is --option's short form; -o is --out */
	size_t n = 0;
	for (size_t i = 0; i < NALL; i++) {
		if (!strchr(accept, all[i].val))
			continue;
		longopts[n++] = all[i];
		size_t len = strlen(shortopts);
		shortopts[len] = (char)all[i].val;
		shortopts[len + 1] = all[i].has_arg == required_argument ? ':' : '\0';
		shortopts[len + 2] = '\0';
	}
	longopts[n] = (struct option){NULL, 0, NULL, 0};
	*o = (struct gt_cli_opts){.format = GT_FORMAT_TABLE};
	opterr = 0;
	optind = 1;
	int c;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		switch (c) {
		case 's': o->scenario = optarg; break;
		case 'o': o->out = optarg; break;
		case 'm': o->missions = optarg; break;
		case 'P': o->pdf = true; break;
		case 'n': {
			bool ok = true;
			o->runs = gt_cli_long(cmd, "--runs", optarg, 1, 100000000, &ok);
			if (!ok)
				return GT_EXIT_USAGE;
			break;
		}
		case 'p':
			if (strcmp(optarg, "a4") != 0 && strcmp(optarg, "A4") != 0 &&
			    strcmp(optarg, "letter") != 0)
				return gt_cli_usage(cmd, "--paper '%s': expected a4 or letter", optarg);
			o->paper_letter = strcmp(optarg, "letter") == 0;
			break;
		case 'b':
			if (!gt_cli_basis_parse(optarg, &o->basis))
				return gt_cli_usage(cmd, "--basis '%s': expected raised or required", optarg);
			break;
		case 'O': o->option = optarg; break;
		case 'w':
		case 'l':
		case 'c': {
			const char **list = c == 'w' ? o->without : c == 'l' ? o->lift : o->cap;
			int *count = c == 'w' ? &o->nwithout : c == 'l' ? &o->nlift : &o->ncap;
			if (*count >= 64)
				return gt_cli_usage(cmd, "too many '%s' switches (at most 64)",
				                    argv[optind - 1]);
			list[(*count)++] = optarg;
			break;
		}
		case 't': {
			char *end;
			o->time_limit = strtod(optarg, &end);
			if (*end || !(o->time_limit > 0) || o->time_limit > 86400)
				return gt_cli_usage(cmd, "--time-limit '%s': expected seconds, above 0 and "
				                         "at most 86400", optarg);
			break;
		}
		case 'f':
			if (!gt_format_parse(optarg, &o->format))
				return gt_cli_usage(cmd, "unknown format '%s'; expected table, json, csv or md",
				                    optarg);
			break;
		case ':': return gt_cli_usage(cmd, "option '%s' needs a value", argv[optind - 1]);
		default: return gt_cli_usage(cmd, "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (argc - optind > max_args)
		return gt_cli_usage(cmd, "unexpected argument '%s'", argv[optind + max_args]);
	o->args = argv + optind;
	o->nargs = argc - optind;
	return GT_EXIT_OK;
}
