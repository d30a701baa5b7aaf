/* main.c: the guarantor executable: global options, and dispatch to one
 * subcommand from the table below, which also drives `--help`. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static const struct gt_cmd *const commands[] = {&gt_cmd_plan,     &gt_cmd_size,     &gt_cmd_generate,
                                                &gt_cmd_air,      &gt_cmd_simulate, &gt_cmd_sensitivity,
                                                &gt_cmd_serve,    &gt_cmd_users,
                                                &gt_cmd_correlate, &gt_cmd_daily,
                                                &gt_cmd_audit,    &gt_cmd_validate,
                                                &gt_cmd_scenario};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void usage(FILE *out)
{
	fputs("Usage: guarantor COMMAND [OPTIONS]\n"
	      "       guarantor COMMAND --help\n"
	      "       guarantor --version\n\n"
	      "Design, resource and test security guarantees for a ceasefire.\n\n"
	      "Commands:\n",
	      out);
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(out, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
	fputs("\nEvery command works on the built-in scenario '" GT_SCENARIO_DEFAULT
	      "' unless given --scenario FILE.\n"
	      "Data goes to standard output, diagnostics to standard error.\n\n"
	      "Exit status: 0 success; 1 runtime failure (out of memory, cannot write);\n"
	      "             2 bad usage or bad input, including an input file that cannot be\n"
	      "               read (the message names file, line, column and field).\n",
	      out);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return GT_EXIT_USAGE;
	}
	const char *name = argv[1];
	if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0 || strcmp(name, "help") == 0) {
		usage(stdout);
		return GT_EXIT_OK;
	}
	if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
		printf("guarantor %s\n", GT_VERSION);
		return GT_EXIT_OK;
	}
	for (size_t i = 0; i < NCOMMANDS; i++) {
		if (strcmp(commands[i]->name, name) != 0)
			continue;
		if (gt_cli_wants_help(argc - 1, argv + 1)) {
			fputs(commands[i]->help, stdout);
			if (commands[i]->help_more)
				fputs(commands[i]->help_more, stdout);
			return GT_EXIT_OK;
		}
		return commands[i]->run(argc - 1, argv + 1);
	}
	fprintf(stderr, "guarantor: unknown command '%s'\n\n", name);
	usage(stderr);
	return GT_EXIT_USAGE;
}
