/* cli.h: the command table of the guarantor executable and the helpers
 * its subcommands share. Each cmd_*.c file exports one struct gt_cmd. */
#ifndef GT_CLI_H
#define GT_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "guarantor/audit.h"
#include "guarantor/err.h"
#include "guarantor/monitor.h"
#include "guarantor/render.h"
#include "guarantor/scenario.h"
#include "guarantor/sim.h"

/* Exit codes (documented in README and `guarantor --help`). */
/* 3: the output is complete for the options that can be planned, and
 * some cannot (each said on standard error). */
enum { GT_EXIT_OK = 0, GT_EXIT_FAILURE = 1, GT_EXIT_USAGE = 2, GT_EXIT_PARTIAL = 3 };

struct gt_cmd {
	const char *name;
	const char *summary; /* one line for `guarantor --help` */
	const char *help;    /* full text for `guarantor NAME --help` */
	const char *help_more; /* NULL, or more of it (C11 caps a literal at 4,095 bytes) */
	int (*run)(int argc, char **argv);
};

extern const struct gt_cmd gt_cmd_plan;
extern const struct gt_cmd gt_cmd_size;
extern const struct gt_cmd gt_cmd_generate;
extern const struct gt_cmd gt_cmd_air;
extern const struct gt_cmd gt_cmd_simulate;
extern const struct gt_cmd gt_cmd_sensitivity;
extern const struct gt_cmd gt_cmd_users;
extern const struct gt_cmd gt_cmd_serve;
extern const struct gt_cmd gt_cmd_correlate;
extern const struct gt_cmd gt_cmd_daily;
extern const struct gt_cmd gt_cmd_audit;
extern const struct gt_cmd gt_cmd_validate;
extern const struct gt_cmd gt_cmd_scenario;

/* Options shared by the subcommands; each accepts a subset. */
struct gt_cli_opts {
	const char *scenario; /* -s, --scenario FILE; NULL: the built-in one */
	enum gt_format format; /* -f, --format table|json|csv|md */
	const char *out;      /* -o, --out DIR */
	const char *missions; /* -m, --missions FILE */
	const char *option;   /* -O, --option NAME */
	double time_limit;    /* -t, --time-limit SECONDS; 0: default */
	bool pdf;             /* -P, --pdf */
	enum gt_sim_basis basis; /* -b, --basis raised|required */
	bool paper_letter;       /* -p, --paper a4|letter */
	long runs;               /* -n, --runs N; 0: the scenario's */
	/* repeatable "what if" switches: -w CODE, -l CODE[:CAVEAT], -c CODE:UNIT=N */
	const char *without[64], *lift[64], *cap[64];
	int nwithout, nlift, ncap;
	char **args;          /* positional arguments */
	int nargs;
};

/* Parses argv (argv[0] is the subcommand) accepting the options whose short
 * letters are in accept ("sf", "som") and at most max_args positional
 * arguments. Returns GT_EXIT_OK, or prints a usage error and returns
 * GT_EXIT_USAGE. */
int gt_cli_parse(const char *cmd, int argc, char **argv, const char *accept, int max_args,
                 struct gt_cli_opts *o);

/* Prints "guarantor: <formatted error>" to stderr and returns the exit code
 * for it: 2 for bad input, 1 for anything else. */
int gt_cli_fail(const struct gt_err *err);
/* The same for an error found in scenario s by an engine: an error that
 * names no file is given the scenario's. */
int gt_cli_fail_in(const struct gt_scenario *s, struct gt_err *err);

/* A whole number from lo to hi in text (an option's value). On a bad one
 * prints the usage error for cmd naming what and sets *ok false. */
long gt_cli_long(const char *cmd, const char *what, const char *text, long lo, long hi, bool *ok);

/* Prints "guarantor CMD: message" and a pointer to --help to stderr;
 * returns GT_EXIT_USAGE. */
int gt_cli_usage(const char *cmd, const char *fmt, ...) GT_PRINTF(2, 3);

/* Loads the scenario named by --scenario, or the built-in one when path is
 * NULL. On failure prints the error and returns its exit code; *out is NULL. */
int gt_cli_load_scenario(const char *path, struct gt_scenario **out);

/* True when argv[i] is -h or --help. */
bool gt_cli_wants_help(int argc, char **argv);

/* Writes text to path atomically (a temporary file renamed into place), so
 * a failed write never leaves a partial file. Returns 0 or prints why and
 * returns GT_EXIT_FAILURE. */
int gt_cli_write_file(const char *path, const char *text, size_t len);

/* Prints html_path to pdf_path with headless Chromium (cli/pdf.c): the
 * browser named by $GT_CHROMIUM, else chromium on the PATH; written to a
 * temporary file and renamed, so a failure leaves no partial PDF. Prints
 * any error; returns the exit code. */
int gt_cli_print_pdf(const char *html_path, const char *pdf_path);

/* The audit key as a command's options give it (cli/monitor_db.c):
 * --audit-key FILE, or --no-audit-key for an unkeyed chain. */
struct gt_cli_key {
	const char *file;
	bool none;
};
/* The long options every command that opens a store takes, and the codes
 * getopt gives them. */
#define GT_CLI_KEY_OPTIONS                                                                   \
	{"audit-key", required_argument, NULL, 'K'}, {"no-audit-key", no_argument, NULL, 'N'}
/* Finds the audit key: k's file, else the file $GT_AUDIT_KEY names; none
 * with --no-audit-key. required: a command that writes, which must be
 * given a key or --no-audit-key. Prints any error; returns the exit code.
 * OUT: *key (the caller wipes it) and *have. */
int gt_cli_audit_key(const char *cmd, const struct gt_cli_key *k, bool required,
                     struct gt_audit_key *key, bool *have);

/* How a command opens the store. */
enum gt_cli_access {
	GT_CLI_READ,   /* read only; it must exist, and is never written */
	GT_CLI_WRITE,  /* it must exist */
	GT_CLI_CREATE  /* created when missing */
};
/* Opens the monitoring store at path (cli/monitor_db.c) with key (NULL:
 * none); flag is the option that named it, for the message when it does
 * not exist. Writing without a key is warned of on standard error. Prints
 * any error; returns the exit code. OUT: *out. */
int gt_cli_open_store(const char *path, const char *flag, enum gt_cli_access access,
                      const struct gt_audit_key *key, struct gt_store **out);

/* Distribution of `simulate` over MPI processes (cli/mpi.c). begin
 * initialises MPI only when the process was started by mpirun, and says
 * whether it did; rank and size are 0 and 1 otherwise. reduce sums every
 * process's tallies into process 0's. end finalises (aborting every process
 * when rc is a failure). */
bool gt_cli_mpi_begin(int *rank, int *size);
int gt_cli_mpi_reduce(struct gt_sim_counts *c, int rank);
void gt_cli_mpi_end(bool started, int rc);

/* The library's pipeline (cli/pipeline.c). run prints any error as the
 * command's and returns the exit code; fail prints one the pipeline
 * gave. */
struct gt_plan;
struct gt_plan_settings;
int gt_cli_plan_run(const char *cmd, const struct gt_scenario *s,
                    const struct gt_plan_settings *set, struct gt_plan **out);
int gt_cli_plan_fail(const char *cmd, const struct gt_scenario *s, struct gt_err *err);
/* After a command has written its output (rc GT_EXIT_OK): says on standard
 * error which options of p cannot be planned and why, and returns
 * GT_EXIT_PARTIAL when there are any; otherwise returns rc. */
int gt_cli_plan_partial(const struct gt_scenario *s, const struct gt_plan *p, int rc);
/* "raised" or "required". */
bool gt_cli_basis_parse(const char *text, enum gt_sim_basis *out);

/* A plan's results laid out as the renderers read them (render.h),
 * pointing into the plan, which must outlive the view. */
struct gt_cli_plan_view {
	const struct gt_forcegen **forcegen;
	size_t nforcegen;
	struct gt_air_result *air;
	size_t nair;
	struct gt_sim_report *options, *other, baseline;
	struct gt_plan_force *raised;
	struct gt_sim_results sim;
	struct gt_results results; /* validation left NULL */
};
int gt_cli_plan_view(const struct gt_plan *p, struct gt_cli_plan_view *v);
void gt_cli_plan_view_fini(struct gt_cli_plan_view *v);

/* The monitoring record of the guarantee in place (sim_observed.c): the
 * breaches in [since, as_of) that were not dismissed, oldest first, and
 * what had become of each by as_of. */
struct gt_cli_observed {
	int64_t since, as_of;
	enum gt_sim_outcome *outcomes;
	size_t n, dismissed;
	char store[256];         /* the store's name, without any password */
};
/* Reads it from the store at db; since < 0: from the earliest report. A
 * breach with no proposal has deadline_hours to be answered. */
int gt_cli_observed_read(const char *db, double deadline_hours, int64_t since, int64_t as_of,
                         struct gt_cli_observed *out);
void gt_cli_observed_fini(struct gt_cli_observed *o);

/* Creates the folder dir unless it exists. Returns 0 or prints why and
 * returns GT_EXIT_FAILURE. */
int gt_cli_make_dir(const char *dir);

#endif
