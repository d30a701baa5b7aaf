/* pdf.c: a page printed to PDF by headless Chromium (guarantor plan
 * --pdf): Chromium lays out the brief exactly as a reader's browser does,
 * which Cairo could only imitate. */
#define _XOPEN_SOURCE 700 /* nftw */
#define _DEFAULT_SOURCE  /* mkdtemp */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb, (void)flag, (void)ftw;
	remove(path);
	return 0;
}

/* A file:// URL for an absolute path: every byte but letters, digits,
 * "-._~" and "/" percent-encoded, so that no "%", "#" or "?" in a folder's
 * name changes which file the browser opens. */
static void file_url(const char *path, char *out, size_t size)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = (size_t)snprintf(out, size, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p && n + 4 < size; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~/", *p)) {
			out[n++] = (char)*p;
		} else {
			out[n++] = '%';
			out[n++] = hex[*p >> 4];
			out[n++] = hex[*p & 15];
		}
	}
	out[n] = '\0';
}

/* Waits up to `seconds` for the child, and for the signals in stop (held
 * blocked by the caller); kills the child after, or at once when one of
 * them comes (OUT: *caught, else 0). Returns its exit status, or -1 when it
 * had to be killed or did not exit normally. */
static int wait_for(pid_t pid, int seconds, const sigset_t *stop, int *caught)
{
	int status;
	*caught = 0;
	for (int tick = 0; tick < seconds * 10 && !*caught; tick++) {
		pid_t r = waitpid(pid, &status, WNOHANG);
		if (r == pid)
			return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
		if (r < 0 && errno != EINTR)
			return -1;
		struct timespec ts = {0, 100000000};
		int sig = sigtimedwait(stop, NULL, &ts);
		if (sig > 0)
			*caught = sig;
	}
	/* the browser and whatever it started: they share its process group */
	kill(-pid, SIGKILL);
	waitpid(pid, &status, 0);
	return -1;
}

int gt_cli_print_pdf(const char *html_path, const char *pdf_path)
{
	const char *browser = getenv("GT_CHROMIUM");
	if (!browser || !*browser)
		browser = "chromium";
	char html[PATH_MAX], url[3 * PATH_MAX + 16], tmp[PATH_MAX + 16], print[PATH_MAX + 32],
		profile[PATH_MAX], profile_arg[PATH_MAX + 32];
	const char *tmpdir = getenv("TMPDIR");
	snprintf(profile, sizeof(profile), "%s/gt-chromium-XXXXXX",
	         tmpdir && *tmpdir ? tmpdir : "/tmp");
	if (!realpath(html_path, html)) {
		fprintf(stderr, "guarantor: %s: %s\n", html_path, strerror(errno));
		return GT_EXIT_FAILURE;
	}
	file_url(html, url, sizeof(url));
	snprintf(tmp, sizeof(tmp), "%s.tmp", pdf_path);
	snprintf(print, sizeof(print), "--print-to-pdf=%s", tmp);
	if (!mkdtemp(profile)) {
		fprintf(stderr, "guarantor: cannot make a folder for Chromium: %s\n", strerror(errno));
		return GT_EXIT_FAILURE;
	}
	snprintf(profile_arg, sizeof(profile_arg), "--user-data-dir=%s", profile);
	/* Ctrl-C (or a TERM) while the browser works is held until it has been
	 * stopped and its folders removed, then takes its course; the browser,
	 * in a process group of its own, would not see it */
	sigset_t stop, old;
	sigemptyset(&stop);
	const int stoppers[] = {SIGINT, SIGTERM, SIGHUP};
	for (size_t i = 0; i < sizeof(stoppers) / sizeof(stoppers[0]); i++) {
		struct sigaction now;
		/* a signal this process ignores (nohup, a background job) stays ignored */
		if (sigaction(stoppers[i], NULL, &now) == 0 && now.sa_handler != SIG_IGN)
			sigaddset(&stop, stoppers[i]);
	}
	sigprocmask(SIG_BLOCK, &stop, &old);
	posix_spawnattr_t attr;
	posix_spawnattr_init(&attr);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK);
	posix_spawnattr_setpgroup(&attr, 0);
	posix_spawnattr_setsigmask(&attr, &old);
	char *args[] = {(char *)browser,
	                "--headless",
	                "--no-sandbox",
	                "--disable-gpu",
	                "--disable-quic",
	                "--no-first-run",
	                "--disable-background-networking",
	                "--disable-component-update",
	                "--disable-sync",
	                "--no-pdf-header-footer",
	                profile_arg,
	                print,
	                url,
	                NULL};
	posix_spawn_file_actions_t io;
	posix_spawn_file_actions_init(&io);
	/* Chromium talks on stderr and stdout; the user wants guarantor's words */
	posix_spawn_file_actions_addopen(&io, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&io, 2, "/dev/null", O_WRONLY, 0);
	pid_t pid;
	int err = posix_spawnp(&pid, browser, &io, &attr, args, environ);
	posix_spawn_file_actions_destroy(&io);
	posix_spawnattr_destroy(&attr);
	int rc = GT_EXIT_OK, caught = 0;
	struct stat st;
	if (err) {
		fprintf(stderr,
		        "guarantor: --pdf needs Chromium (%s: %s); on Debian: apt-get install chromium, "
		        "or name it in GT_CHROMIUM. The brief is written as HTML.\n",
		        browser, strerror(err));
		rc = GT_EXIT_FAILURE;
	} else if (wait_for(pid, 120, &stop, &caught) != 0 || stat(tmp, &st) != 0 ||
	           st.st_size == 0) {
		if (!caught)
			fprintf(stderr, "guarantor: %s could not print %s to PDF\n", browser, html_path);
		remove(tmp);
		rc = GT_EXIT_FAILURE;
	} else if (rename(tmp, pdf_path) != 0) {
		fprintf(stderr, "guarantor: %s: %s\n", pdf_path, strerror(errno));
		remove(tmp);
		rc = GT_EXIT_FAILURE;
	}
	nftw(profile, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (caught) /* the interruption takes its course, now that all is tidy */
		raise(caught);
	return rc;
}
