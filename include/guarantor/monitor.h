/* monitor.h: the monitoring mission's store (docs/monitor.md): users and
 * their roles, bearer tokens kept only as argon2id hashes, and the keyed,
 * hash-chained audit log every change goes into, which binds every row
 * of the store (audit.h has its key). A SQLite file in WAL
 * mode with full synchronisation, or a PostgreSQL database that several
 * servers share; either way a change acknowledged is on disk.
 *
 * A store is used from one thread at a time. gt_store_open allocates it;
 * gt_store_close releases it. */
#ifndef GUARANTOR_MONITOR_H
#define GUARANTOR_MONITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "guarantor/audit.h"
#include "guarantor/err.h"
#include "guarantor/scenario.h"
#include "guarantor/violation.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The schema this build knows. A store with a newer one is refused. */
#define GT_STORE_SCHEMA 6

struct gt_store;

/* How a store is opened. */
struct gt_store_options {
	/* The audit key the chain's new entries are made with (copied; the
	 * store clears its copy when closed). NULL: entries are unkeyed,
	 * which proves nothing against anyone who can write the store, and a
	 * store whose chain is keyed is refused (GT_E_AUTH), as is one keyed
	 * with another key. Verification checks the chain with this key. */
	const struct gt_audit_key *audit_key;
	/* Opened to read only: never created, migrated or written. A missing
	 * or empty file, one that is not a store, or a store of another
	 * schema is refused. */
	bool read_only;
};

/* Opens the store at path as o says (NULL: read-write, no key). To write,
 * it is created when missing and its schema brought up to
 * GT_STORE_SCHEMA; moving a store with data to schema 5 binds every row
 * to one audit entry, "audit.rebind", made with o's key (docs/monitor.md,
 * "The audit chain"). path is a SQLite file, or a PostgreSQL database as
 * a libpq URL ("postgresql://user@host:port/db?..."). GT_E_IO when the
 * file cannot be opened or is not a store; GT_E_UNAVAILABLE when the
 * database cannot be reached; GT_E_SCHEMA when it was written by a newer
 * guarantor (or, to read only, an older one); GT_E_AUTH when the key does
 * not fit the chain. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_open_with(const char *path,
                                                          const struct gt_store_options *o,
                                                          struct gt_store **out,
                                                          struct gt_err *err);
/* gt_store_open_with, read-write and without a key: for tests, fuzzing
 * and throwaway stores. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_open(const char *path, struct gt_store **out,
                                                     struct gt_err *err);
GT_EXPORT void gt_store_close(struct gt_store *st);
/* "SQLite" or "PostgreSQL". */
GT_EXPORT const char *gt_store_kind(const struct gt_store *st);
/* The store's address as messages and logs may show it: the file, or the
 * database's URL without its password. */
GT_EXPORT const char *gt_store_name(const struct gt_store *st);
/* What answers spatial queries (gt_event_filter's near): "PostGIS 3.3.2"
 * when the PostgreSQL database has the extension, else "guarantor". */
GT_EXPORT const char *gt_store_spatial(const struct gt_store *st);
/* GT_OK when the store can be written; GT_E_IO saying why not (a file or
 * folder this user cannot write, a read-only disk, a standby database). */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_writable(struct gt_store *st, struct gt_err *err);
/* Caps a SQLite store's file at about max_bytes (its write-ahead log
 * aside): a change that would pass it fails with GT_E_FULL and writes
 * nothing, as a full disk does. GT_E_FULL when the store is already
 * larger; GT_E_UNSUPPORTED for PostgreSQL, whose disk is the cluster's. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_limit(struct gt_store *st, int64_t max_bytes,
                                                      struct gt_err *err);

/* --- users and roles --------------------------------------------------- */

enum gt_role {
	GT_ROLE_MONITOR,   /* submits reports */
	GT_ROLE_ANALYST,   /* correlates and verifies */
	GT_ROLE_COMMANDER, /* proposes responses */
	GT_ROLE_MEMBER,    /* a member government's representative: approves or vetoes */
	GT_ROLE_OBSERVER,  /* reads published reports */
	GT_ROLE_COUNT
};
GT_EXPORT const char *gt_role_name(enum gt_role r);
GT_EXPORT bool gt_role_parse(const char *s, enum gt_role *out);

/* The observers a monitor account reports as: teams, posts, cameras or
 * feeds, at most GT_OBSERVERS_MAX names of up to GT_OBSERVER_MAX - 1
 * bytes each. Both assumptions: 16 is a field office's patrols and posts
 * with room to spare (an account for many more is a feed, one source
 * whatever its names); 63 bytes is the report's own limit on `observer`. */
#define GT_OBSERVERS_MAX 16
#define GT_OBSERVER_MAX 64
#define GT_OBSERVERS_SIZE (GT_OBSERVERS_MAX * GT_OBSERVER_MAX)

struct gt_user {
	int64_t id;
	char name[64];
	enum gt_role role;
	char member[3];   /* members: the government they speak for; "" otherwise */
	char created[32]; /* UTC, ISO 8601 */
	bool revoked;
	char observers[GT_OBSERVERS_SIZE]; /* monitors: the observers it reports as, one a line */
};

/* A bearer token: "gt1.<id>.<secret>", printed once when the user is added
 * and never stored; the store keeps an argon2id hash of it. */
#define GT_TOKEN_MAX 96

/* Adds a user. name: 1-63 characters of letters, digits, '.', '-', '_';
 * member: the ISO code a member representative speaks for (required for
 * GT_ROLE_MEMBER, refused otherwise). OUT: token. GT_E_SCHEMA for a bad or
 * taken name or member code. Audited with actor "cli". */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_user_add(struct gt_store *st, const char *name,
                                                         enum gt_role role, const char *member,
                                                         char token[GT_TOKEN_MAX],
                                                         struct gt_err *err);
/* Sets the observers the named monitor reports as (a report names one of
 * them as its observer; corroboration counts accounts, not names):
 * observers[0..n-1], 1 to GT_OBSERVERS_MAX distinct names, each 1 to
 * GT_OBSERVER_MAX - 1 bytes without control characters or spaces at
 * either end. A monitor is added reporting as itself. GT_E_SCHEMA for a
 * bad list, or when the user is not a monitor with a live token.
 * Audited. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_user_observe(struct gt_store *st,
                                                             const char *name,
                                                             const char *const *observers,
                                                             size_t n, struct gt_err *err);
/* Whether name is a valid observer's name; whether it is one of list's
 * (names one a line, as gt_user's observers). */
GT_EXPORT bool gt_observer_name_valid(const char *name);
GT_EXPORT bool gt_observers_include(const char *list, const char *name);
/* list (names one a line) as people read it: "team 1, team 2" ("" for
 * none), cut to fit out. Returns out. */
#define GT_OBSERVERS_SHOWN (GT_OBSERVERS_SIZE + GT_OBSERVERS_MAX)
GT_EXPORT char *gt_observers_join(const char *list, char *out, size_t size);
/* Revokes the named user's token. GT_E_SCHEMA when there is no such user
 * or it is already revoked. Audited. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_user_revoke(struct gt_store *st,
                                                            const char *name,
                                                            struct gt_err *err);
/* Every user, in the order they were added. OUT: *users (caller frees),
 * *n. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_users(struct gt_store *st, struct gt_user **users,
                                                      size_t *n, struct gt_err *err);
/* The user a bearer token belongs to. GT_E_AUTH for a malformed, unknown,
 * wrong or revoked token (the message does not say which). */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_authenticate(struct gt_store *st,
                                                             const char *token,
                                                             struct gt_user *out,
                                                             struct gt_err *err);

/* A server's memory of tokens it has verified, so that each request does
 * not pay argon2id again (about 70 ms): a token is remembered by its keyed
 * BLAKE2b hash (the key random per cache, the token itself never kept),
 * and a remembered token is still checked against the store for
 * revocation on every request. Safe from several threads at once (each
 * with its own store); argon2id runs outside its lock. */
struct gt_auth_cache;
GT_EXPORT GT_MUST_CHECK enum gt_status gt_auth_cache_new(struct gt_auth_cache **out);
GT_EXPORT void gt_auth_cache_free(struct gt_auth_cache *c);
/* True when token was accepted before and is remembered (so checking it
 * again costs no argon2id); says nothing of whether it is still good. */
GT_EXPORT bool gt_auth_cache_knows(struct gt_auth_cache *c, const char *token);
/* The user a token claims to be, its secret unchecked: GT_OK (OUT: *id)
 * when checking it would take argon2id, a well-formed token that names a
 * user who is not revoked; GT_E_AUTH, "invalid token", when it can be
 * refused without. For limits charged before the cost, not after. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_token_claim(struct gt_store *st, const char *token,
                                                            int64_t *id, struct gt_err *err);
/* A token the cache remembers, checked against the store for revocation,
 * with one keyed hash and no argon2id: as gt_store_authenticate, or
 * GT_E_NOTFOUND when the cache does not remember it (the caller checks
 * it as a new token, at argon2id's cost). */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_authenticate_known(struct gt_store *st,
                                                                   struct gt_auth_cache *c,
                                                                   const char *token,
                                                                   struct gt_user *out,
                                                                   struct gt_err *err);
/* gt_store_authenticate through the cache. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_authenticate_cached(struct gt_store *st,
                                                                    struct gt_auth_cache *c,
                                                                    const char *token,
                                                                    struct gt_user *out,
                                                                    struct gt_err *err);

/* --- reports (docs/monitor.md, "Reports") ------------------------------- */


#define GT_REPORT_ID_MAX 65
#define GT_REPORT_TEXT_MAX 4000
#define GT_REPORT_ATTACHMENTS_MAX 16

/* One report from a monitor, sensor or partner. Times are seconds since
 * the Unix epoch, UTC. */
struct gt_report {
	char id[GT_REPORT_ID_MAX]; /* the client's: resubmission is idempotent */
	int64_t observed_from, observed_to, reported;
	double lon, lat, precision_m;
	char observer[64];
	enum gt_source_kind source;
	enum gt_event_type event;
	enum gt_weapon weapon;
	long count;
	bool heard;                /* heard rather than seen: bearing and distance */
	double bearing_deg, distance_km;
	char text[GT_REPORT_TEXT_MAX];
	char attachments[GT_REPORT_ATTACHMENTS_MAX][72]; /* "sha256:<64 hex>" */
	size_t nattachments;
	char account[64]; /* read from the store: the account that submitted it */
};

/* When a report's times may fall, epoch seconds: observed from `since`
 * on (the mission's start, the scenario's monitoring.start), and nothing
 * observed or reported more than 5 minutes after `now`. */
struct gt_report_window {
	int64_t since, now;
};

/* Reads a report from its JSON (docs/monitor.md): every field checked, no
 * unknown field accepted, its times within w. GT_E_SYNTAX for malformed
 * JSON, GT_E_SCHEMA or GT_E_RANGE naming the field (err.path) and what was
 * expected. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_report_parse(const char *json, size_t len,
                                                       const struct gt_report_window *w,
                                                       struct gt_report *out, struct gt_err *err);

/* Stores a report submitted by user, audited. Its id is the account's: a
 * report whose id the account already gave, with the same content, is
 * acknowledged again (*created false); with different content it is
 * refused, GT_E_CONFLICT. Other accounts' ids are neither seen nor
 * taken. A new report's observer must be one the account reports as
 * (gt_store_user_observe), else GT_E_SCHEMA on "observer". */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_report_submit(struct gt_store *st,
                                                              const struct gt_user *by,
                                                              const struct gt_report *r,
                                                              bool *created, struct gt_err *err);

/* "2026-11-27T10:00:00Z" exactly (UTC, to the second, a real date). OUT:
 * seconds since the epoch. */
GT_EXPORT bool gt_time_parse_utc(const char *s, int64_t *out);
/* The other way: t (seconds since the epoch) as "2026-11-27T10:00:00Z",
 * or as its number of seconds when it has no such form. Returns out. */
#define GT_TIME_UTC_SIZE 24
GT_EXPORT char *gt_time_format_utc(int64_t t, char out[GT_TIME_UTC_SIZE]);

/* Stored reports observed in [from, to) (epoch seconds), in the order they
 * were stored, at most limit of them, after the report with sequence number `after` (0
 * from the start): the page's last seq is the next page's `after`. OUT:
 * *reports (caller frees) with their sequence numbers in *seqs. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_reports(struct gt_store *st, int64_t from,
                                                        int64_t to, int64_t after, size_t limit,
                                                        struct gt_report **reports,
                                                        int64_t **seqs, size_t *n,
                                                        struct gt_err *err);

/* One item of a batch: its id (when readable), and what became of it. */
struct gt_batch_item {
	char id[GT_REPORT_ID_MAX];
	enum gt_status status; /* GT_OK stored or already stored; otherwise why not */
	bool created;
	char field[64];
	char message[256];
};

/* A batch from a field device that was offline: a JSON array of at most
 * GT_BATCH_MAX reports, each read and stored on its own (in its own
 * transaction), so one bad item refuses only itself. OUT: *items (caller
 * frees), *n, in the array's order. GT_E_SYNTAX or GT_E_SCHEMA when the
 * batch itself is not a readable array. */
#define GT_BATCH_MAX 10000
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_report_batch(struct gt_store *st,
                                                             const struct gt_user *by,
                                                             const char *json, size_t len,
                                                             const struct gt_report_window *w,
                                                             struct gt_batch_item **items,
                                                             size_t *n, struct gt_err *err);

/* --- correlation: reports into events (docs/monitor.md, "Events") ------- */

/* A report as correlation sees it, small enough that millions fit. For a
 * report heard rather than seen, lon/lat is where the observer was and the
 * event lies along bearing_deg at distance_km; otherwise lon/lat is where
 * the event was seen. */
struct gt_sighting {
	int64_t from, to; /* observed window, epoch seconds */
	double lon, lat, precision_km;
	bool heard;
	double bearing_deg, distance_km;
	uint32_t observer; /* equal for reports by the same observer, else distinct */
	int64_t account;   /* the account that submitted it: corroboration counts accounts */
	enum gt_source_kind source;
	enum gt_event_type event;
	enum gt_weapon weapon;
	long count;
	int64_t event_id; /* IN: the event it already belongs to, 0 for none; OUT: its event */
};

/* Correlates the sightings that belong to no event (event_id 0) with each
 * other and with those that do, by the rules of the scenario's monitoring
 * section m: the same type, compatible weapons, time windows within
 * m->window_min, estimated positions within their uncertainties plus
 * m->radius_km. Linked new sightings form one event, except that no event
 * is made of two different specific weapon classes (an "undetermined"
 * report agrees with either, but joins only one). A group that links to an
 * existing event of a class it does not contradict joins it (the one with
 * most links, then the lowest id); existing events are never joined to
 * each other. New events are numbered from *next_id up, in order of their
 * earliest sighting. A sighting observed over more than m->max_span_hours
 * becomes an event of its own. Deterministic: the same sightings in the
 * same order give the same events. GT_E_NOMEM when memory or GEOS fails. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_correlate(const struct gt_monitoring *m,
                                                    struct gt_sighting *s, size_t n,
                                                    int64_t *next_id, struct gt_err *err);

/* Where a sighting puts its event: OUT: *lon, *lat and the radius of its
 * uncertainty, km. */
GT_EXPORT void gt_sighting_estimate(const struct gt_monitoring *m, const struct gt_sighting *s,
                                    double *lon, double *lat, double *radius_km);

enum gt_event_status {
	GT_EVENT_UNVERIFIED,
	GT_EVENT_VERIFIED,
	GT_EVENT_REJECTED,
	GT_EVENT_MERGED, /* merged into another event */
	GT_EVENT_STATUS_COUNT
};
GT_EXPORT const char *gt_event_status_name(enum gt_event_status s);
GT_EXPORT bool gt_event_status_parse(const char *s, enum gt_event_status *out);

/* An event: what its sightings say together. */
struct gt_event {
	int64_t id;
	int64_t from, to;        /* the union of the sightings' windows */
	double lon, lat, radius_km;
	bool triangulated;       /* placed where heard bearings cross */
	enum gt_event_type event;
	enum gt_weapon weapon;   /* the most specific any sighting gives */
	long count;              /* the most any one observer counted (their reports added up) */
	int reports, observers, sources; /* sources: distinct source kinds */
	int accounts;            /* distinct accounts its reports came from */
	int held;                /* its observers whose reports add up to more than the
	                          * scenario's review_count_above: while it is unverified,
	                          * the event counts towards no breach or daily total */
	char grade;              /* 'A', 'B' or 'C' (docs/monitor.md, "Confidence"), by accounts */
	int sector;              /* the sector of the line it is nearest to */
	int side;                /* +1 the line's left, -1 its right */
	double line_km;          /* km along the line to its nearest point */
	double offset_km;        /* distance from the line, km */
	enum gt_event_status status;
	int64_t merged_into;     /* GT_EVENT_MERGED: the event it went into */
};

/* The event that sightings s[idx[0..k-1]] make (k >= 1), placed on the
 * line with lc and the scenario's sectors. OUT: *out (id and status are
 * left for the caller). GT_E_NOMEM when memory fails. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_event_summarise(const struct gt_scenario *sc,
                                  const struct gt_geo_line_locator *lc,
                                  const struct gt_sighting *s, const size_t *idx, size_t k,
                                  struct gt_event *out);

/* --- breaches of the agreement's thresholds (docs/monitor.md, "Breaches") */

/* True when event e counts towards threshold t: its type, weapon class,
 * distance from the line and grade fit, and it is unverified or verified. */
GT_EXPORT bool gt_threshold_counts(const struct gt_threshold *t, const struct gt_event *e);

/* A moment a threshold is crossed: the events ev[first..last] began in the
 * window (at - hours, at] and their counts add up to total. */
struct gt_crossing {
	int64_t at, from;
	long total;
	size_t first, last;
};
/* The breaches that the events ev[0..n-1] (all counting towards t, in one
 * sector or along the line, sorted by start) call for: at each moment an
 * event (with every other that began at the same second) brings the counts
 * of the events that began within t->hours up to it over t->more_than,
 * unless a breach already open (open[0..nopen-1]) or one found earlier in
 * this call lies less than t->hours before or after. OUT: out (room for n).
 * Returns how many. */
GT_EXPORT size_t gt_threshold_crossings(const struct gt_threshold *t, const struct gt_event *ev,
                                        size_t n, const int64_t *open, size_t nopen,
                                        struct gt_crossing *out);

/* --- events in the store ------------------------------------------------ */

struct gt_correlation {
	size_t reports;       /* reports placed in events */
	size_t new_events;    /* events made of them */
	size_t joined_events; /* unverified events that some of them joined */
};

/* Correlates every stored report that is in no event yet (gt_correlate,
 * with the rules of sc's monitoring section) with each other and with the
 * reports of unverified events; verified, rejected and merged events are
 * closed to new reports. One transaction, audited as one entry with a
 * digest of every assignment. OUT: *out. GT_E_SCHEMA when sc has no
 * monitoring section. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_correlate(struct gt_store *st,
                                                          const struct gt_scenario *sc,
                                                          const struct gt_user *by,
                                                          struct gt_correlation *out,
                                                          struct gt_err *err);

/* One event. GT_E_NOTFOUND when there is none with that id. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_event(struct gt_store *st, int64_t id,
                                                      struct gt_event *out, struct gt_err *err);
/* The reports of an event, in the order stored. OUT: *reports and *seqs
 * (caller frees both), *n. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_event_reports(struct gt_store *st, int64_t id,
                                                              struct gt_report **reports,
                                                              int64_t **seqs, size_t *n,
                                                              struct gt_err *err);

struct gt_event_filter {
	int64_t from, to;  /* events that began in [from, to), epoch seconds */
	unsigned statuses; /* bit (1 << enum gt_event_status) for each wanted; 0: all but merged */
	int sector;        /* a sector id, 0: any */
	int event;         /* an enum gt_event_type, -1: any */
	char grade;        /* the least grade, 'A', 'B' or 'C'; 0: any */
	/* near_km > 0: only events whose position is within near_km of
	 * (near_lon, near_lat), geodesic distance on WGS84; by PostGIS's
	 * index when the store has it (gt_store_spatial), by the service
	 * otherwise. */
	double near_lon, near_lat, near_km;
};
/* Events that pass the filter, by id, after the event `after` (0 from the
 * start), at most limit. OUT: *events (caller frees), *n. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_events(struct gt_store *st,
                                                       const struct gt_event_filter *f,
                                                       int64_t after, size_t limit,
                                                       struct gt_event **events, size_t *n,
                                                       struct gt_err *err);

/* An analyst's judgement of an event: GT_EVENT_VERIFIED or
 * GT_EVENT_REJECTED from unverified, GT_EVENT_UNVERIFIED (reopen) from
 * either. GT_E_NOTFOUND, or GT_E_CONFLICT when the event is not in a state
 * that allows it. note: why, up to 1,000 bytes, may be "". Audited; the
 * breaches the change makes are opened with it (sc's thresholds). */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_event_review(struct gt_store *st,
                                                             const struct gt_scenario *sc,
                                                             const struct gt_user *by,
                                                             int64_t id,
                                                             enum gt_event_status to,
                                                             const char *note,
                                                             struct gt_err *err);
/* Merges n >= 2 unverified events of one type into the lowest-numbered;
 * the others become GT_EVENT_MERGED. OUT: *into. GT_E_NOTFOUND,
 * GT_E_CONFLICT (not unverified, or of different types) or GT_E_USAGE
 * (fewer than two, or an id twice). Audited. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_event_merge(struct gt_store *st,
                                                            const struct gt_scenario *sc,
                                                            const struct gt_user *by,
                                                            const int64_t *ids, size_t n,
                                                            const char *note, int64_t *into,
                                                            struct gt_err *err);
/* Moves the reports named by their clients' ids out of an unverified
 * event into a new one; at least one report must stay. OUT: *new_id.
 * GT_E_NOTFOUND (no such event, or a report not in it), GT_E_CONFLICT
 * (not unverified) or GT_E_USAGE (none, all, or one twice). Audited. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_event_split(struct gt_store *st,
                                                            const struct gt_scenario *sc,
                                                            const struct gt_user *by,
                                                            int64_t id,
                                                            const char *const *report_ids,
                                                            size_t n, const char *note,
                                                            int64_t *new_id,
                                                            struct gt_err *err);

/* A breach: a threshold crossed, with the events that crossed it. */
enum gt_breach_status {
	GT_BREACH_OPEN,      /* waiting for a response */
	GT_BREACH_ANSWERED,  /* a response was approved */
	GT_BREACH_DISMISSED, /* a commander judged that it needs none */
	GT_BREACH_STATUS_COUNT
};
GT_EXPORT const char *gt_breach_status_name(enum gt_breach_status s);
GT_EXPORT bool gt_breach_status_parse(const char *s, enum gt_breach_status *out);

struct gt_breach {
	int64_t id;
	char threshold[64];  /* the threshold's name in the scenario */
	int sector;          /* 0 for a threshold counted along the whole line */
	int64_t at, from;    /* crossed at `at`, counting events that began since `from` */
	long total;          /* what they added up to */
	enum gt_breach_status status;
};

/* Breaches, by id, after `after`, at most limit; statuses: bits (1 <<
 * enum gt_breach_status), 0 for all. OUT: *breaches (caller frees), *n. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_breaches(struct gt_store *st, unsigned statuses,
                                                         int64_t after, size_t limit,
                                                         struct gt_breach **breaches, size_t *n,
                                                         struct gt_err *err);
/* One breach and the ids of its evidence. OUT: *out, *events (caller
 * frees), *nevents; events may be NULL for the breach alone.
 * GT_E_NOTFOUND when there is none. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_breach(struct gt_store *st, int64_t id,
                                                       struct gt_breach *out, int64_t **events,
                                                       size_t *nevents, struct gt_err *err);
/* A commander's judgement, at time now, that an open breach with no
 * pending proposal needs no response (proposals past their deadline are
 * settled first). GT_E_NOTFOUND, GT_E_CONFLICT. Audited. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_breach_dismiss(struct gt_store *st,
                                                               const struct gt_user *by,
                                                               int64_t id, const char *note,
                                                               int64_t now,
                                                               struct gt_err *err);

/* --- decisions on responses (docs/monitor.md, "Decisions") -------------- */

#define GT_VOTERS_MAX GT_VOTERS_MAX_SCENARIO

/* One voter's part in a decision. */
struct gt_ballot {
	char member[3];
	double weight;
	bool cast, approve;
	int64_t at;
};

/* A response proposed for a breach, with the rule and voters as they were
 * when it was proposed, the votes so far, and the outcome. */
struct gt_proposal {
	int64_t id, breach;
	char rung[64];      /* the escalation ladder's rung */
	char by[64];        /* the commander who proposed it */
	int64_t proposed, deadline, decided; /* epoch seconds; decided 0 while pending */
	enum gt_decide_rule rule;
	double quorum;
	size_t lead;
	enum gt_decide_state state;
	size_t nvoters;
	struct gt_ballot ballots[GT_VOTERS_MAX];
};

/* A commander proposes the ladder's rung `rung` in response to an open
 * breach, at time now (epoch seconds); the deadline is now plus the
 * scenario's deadline_hours. At most one pending proposal per breach
 * (proposals past their deadline are settled first).
 * OUT: *out. GT_E_NOTFOUND (breach), GT_E_SCHEMA (no such rung, field
 * "rung"), GT_E_CONFLICT (not open, or a proposal pending). Audited. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_propose(struct gt_store *st,
                                                        const struct gt_scenario *sc,
                                                        const struct gt_user *by,
                                                        int64_t breach, const char *rung,
                                                        const char *note, int64_t now,
                                                        struct gt_proposal *out,
                                                        struct gt_err *err);
/* A member representative's vote for the government it speaks for, at
 * time now; the decide rule then settles the proposal when it can (an
 * approved response answers the breach). OUT: *out, as it now stands.
 * GT_E_NOTFOUND, GT_E_AUTH (not a voter in this decision), GT_E_CONFLICT
 * (already voted, or no longer pending). Audited, and so is the outcome. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_vote(struct gt_store *st,
                                                     const struct gt_user *by, int64_t proposal,
                                                     bool approve, const char *note,
                                                     int64_t now, struct gt_proposal *out,
                                                     struct gt_err *err);
/* Settles every pending proposal whose deadline has passed by now, as the
 * rule settles it at the deadline; audited with actor "clock". OUT:
 * *settled (may be NULL). */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_settle(struct gt_store *st, int64_t now,
                                                       size_t *settled, struct gt_err *err);
/* One proposal; when its deadline has passed by now and the store has not
 * settled it yet, with the outcome gt_store_settle will record (nothing
 * is written). */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_proposal(struct gt_store *st, int64_t id,
                                                         int64_t now, struct gt_proposal *out,
                                                         struct gt_err *err);
/* A breach's proposals, oldest first, each as gt_store_proposal gives it
 * at now. OUT: *out (caller frees), *n. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_proposals(struct gt_store *st, int64_t breach,
                                                          int64_t now,
                                                          struct gt_proposal **out, size_t *n,
                                                          struct gt_err *err);

/* --- the daily report (docs/monitor.md, "Daily report") ---------------- */

/* Counts of events and of violations (their counts added up, as the OSCE
 * SMM counted), recorded (unverified or verified) and verified. */
struct gt_tally {
	long events, violations;
	long verified_events, verified_violations;
};

/* One reporting day: the period that ends at the scenario's day_ends on
 * `day`, UTC, and begins 24 hours before ("00:00" is the midnight at the
 * end of `day`, so that the period is the day itself). */
struct gt_daily {
	char day[11];                     /* "2026-01-10" */
	int number;                       /* the report's number in its year: the day of the year */
	int64_t from, to;                 /* the period, [from, to) */
	size_t nsectors;
	struct gt_tally *cells;           /* per sector (by index) and type: [s * GT_EVENT_COUNT + t] */
	struct gt_tally by_type[GT_EVENT_COUNT];
	struct gt_tally sides[2];         /* [0] the line's left, [1] its right */
	struct gt_tally total, previous;  /* this period; the one before */
	struct gt_tally held;             /* unverified events held for review, counted in
	                                   * nothing above */
	struct gt_event *events;          /* the period's verified events, by start */
	size_t nevents;
	struct gt_breach *breaches;       /* breaches crossed in the period */
	size_t nbreaches;
	int64_t audit_entries;            /* the audit chain when the report was made: */
	char audit_head[65];              /* its length and the hash of its last entry */
};

/* The period of a reporting day "YYYY-MM-DD". False for a malformed day
 * or a scenario without a monitoring section. */
GT_EXPORT bool gt_daily_period(const struct gt_scenario *sc, const char *day, int64_t *from,
                               int64_t *to);
/* The reporting day that ends next after time t (epoch seconds). OUT: day. */
GT_EXPORT void gt_daily_day_of(const struct gt_scenario *sc, int64_t t, char day[11]);
/* The daily report for a day. OUT: *out (gt_daily_fini frees what it
 * holds). GT_E_USAGE for a malformed day. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_daily(struct gt_store *st,
                                                      const struct gt_scenario *sc,
                                                      const char *day, struct gt_daily *out,
                                                      struct gt_err *err);
GT_EXPORT void gt_daily_fini(struct gt_daily *d);

/* --- audit --------------------------------------------------------------- */

/* What a verification found intact. */
struct gt_audit_summary {
	int64_t entries;    /* entries in the chain */
	int64_t rows;       /* rows of the store held to it */
	int64_t keyed_from; /* the first entry made with the key; 0: the chain is unkeyed */
	char key_id[GT_AUDIT_KEY_ID_SIZE]; /* that key's id; "" when unkeyed */
	bool empty;         /* no entries and no rows: a store never used */
};

/* Checks the audit chain and every row of the store against it, in one
 * read snapshot, with the key the store was opened with: each entry's
 * hash is remade from the hash before it, its fields and the digests of
 * the rows it wrote, and each row of users, reports, events, breaches
 * (with their evidence) and proposals (with their votes) must have the
 * digest the last entry that wrote it recorded. Never writes.
 *
 * GT_OK when all is intact; then out->keyed_from 0 says the chain is
 * unkeyed, which proves nothing against anyone who could write the
 * store. GT_E_INTEGRITY, with the first entry or row (table and key) that
 * is wrong and what that suggests, when an entry is missing, altered,
 * made with another key or unkeyed after keyed ones; when a row was
 * changed, added or deleted behind the store's back; when the key given
 * made no entry; or when there are no entries at all (an empty store,
 * out->empty, or one whose log was emptied). A changed row whose cells
 * no write of guarantor's could have made (a cell of another type than
 * its column's, text that is not UTF-8: bytes written over it by a
 * failing disk) is called damage rather than an edit. GT_E_AUTH when the
 * chain is keyed and the store was opened without a key. OUT: *out. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_audit_verify(struct gt_store *st,
                                                             struct gt_audit_summary *out,
                                                             struct gt_err *err);

/* The hash of audit entry seq, or with seq 0 of the last entry (the
 * chain's head). Published (the daily report prints the head), it lets a
 * later check prove the chain was not rewritten or cut short up to there.
 * OUT: *found (the entry's number; 0 for an empty chain), hex (64 hex
 * digits, "" when none). GT_E_NOTFOUND when entry seq is not there. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_store_audit_hash(struct gt_store *st, int64_t seq,
                                                           int64_t *found, char hex[65],
                                                           struct gt_err *err);

#ifdef __cplusplus
}
#endif
#endif
