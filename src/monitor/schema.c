/* schema.c: the monitoring store's schema, one migration per version,
 * written once and instantiated in each database's dialect. The words
 * that differ are parameters:
 *   ID    a key the database assigns (a new row's id comes back through
 *         RETURNING);
 *   KEY   a key the store assigns itself (audit sequence, event ids);
 *   INT   a 64-bit integer; REAL a double; BLOB bytes;
 *   TEXT  text compared byte by byte, as SQLite does, so that ordering
 *         and ranking are the same whatever the PostgreSQL locale. */
#include "monitor/sql_impl.h"
#include "guarantor/monitor.h"

#define GT__MIGRATIONS(ID, KEY, INT, REAL, TEXT, BLOB, RESCOPE)                                     \
	{                                                                                      \
		/* 1: users, the audit chain */                                                    \
		"CREATE TABLE users ("                                                             \
		"  id " ID ","                                                                     \
		"  name " TEXT " NOT NULL UNIQUE,"                                                 \
		"  role " TEXT " NOT NULL,"                                                        \
		"  member " TEXT " NOT NULL DEFAULT '',"                                           \
		"  token_hash " TEXT " NOT NULL,"                                                  \
		"  created " TEXT " NOT NULL,"                                                     \
		"  revoked " TEXT ");"                                                             \
		"CREATE TABLE audit ("                                                             \
		"  seq " KEY ","                                                                   \
		"  at " TEXT " NOT NULL,"                                                          \
		"  actor " TEXT " NOT NULL,"                                                       \
		"  action " TEXT " NOT NULL,"                                                      \
		"  object " TEXT " NOT NULL,"                                                      \
		"  detail " TEXT " NOT NULL,"                                                      \
		"  prev " BLOB " NOT NULL,"                                                        \
		"  hash " BLOB " NOT NULL);",                                                      \
		/* 2: reports, as received; `digest` is of their canonical form, for               \
		 * idempotent resubmission */                                                      \
		"CREATE TABLE reports ("                                                           \
		"  seq " ID ","                                                                    \
		"  id " TEXT " NOT NULL UNIQUE,"                                                   \
		"  digest " BLOB " NOT NULL,"                                                      \
		"  observed_from " INT " NOT NULL,"                                                \
		"  observed_to " INT " NOT NULL,"                                                  \
		"  reported " INT " NOT NULL,"                                                     \
		"  received " TEXT " NOT NULL,"                                                    \
		"  submitted_by " INT " NOT NULL REFERENCES users(id),"                            \
		"  lon " REAL " NOT NULL, lat " REAL " NOT NULL, precision_m " REAL " NOT NULL,"   \
		"  observer " TEXT " NOT NULL,"                                                    \
		"  source " TEXT " NOT NULL, event " TEXT " NOT NULL, weapon " TEXT " NOT NULL,"   \
		"  count " INT " NOT NULL,"                                                        \
		"  bearing_deg " REAL ", distance_km " REAL ","                                    \
		"  text " TEXT " NOT NULL,"                                                        \
		"  attachments " TEXT " NOT NULL);"                                                \
		"CREATE INDEX reports_time ON reports (observed_from);",                           \
		/* 3: events, each report's event, and the state analysts give them */            \
		"CREATE TABLE events ("                                                            \
		"  id " KEY ","                                                                    \
		"  status " TEXT " NOT NULL,"                                                      \
		"  merged_into " INT " REFERENCES events(id),"                                     \
		"  observed_from " INT " NOT NULL, observed_to " INT " NOT NULL,"                  \
		"  lon " REAL " NOT NULL, lat " REAL " NOT NULL, radius_km " REAL " NOT NULL,"     \
		"  triangulated " INT " NOT NULL,"                                                 \
		"  event " TEXT " NOT NULL, weapon " TEXT " NOT NULL, count " INT " NOT NULL,"     \
		"  reports " INT " NOT NULL, observers " INT " NOT NULL, sources " INT " NOT NULL," \
		"  grade " TEXT " NOT NULL, sector " INT " NOT NULL, side " INT " NOT NULL,"       \
		"  line_km " REAL " NOT NULL, offset_km " REAL " NOT NULL,"                        \
		"  updated " TEXT " NOT NULL);"                                                    \
		"CREATE INDEX events_time ON events (observed_from);"                              \
		"ALTER TABLE reports ADD COLUMN event_id " INT " REFERENCES events(id);"           \
		"CREATE INDEX reports_event ON reports (event_id);",                               \
		/* 4: breaches and their evidence; proposed responses, with the decision           \
		 * rule as it was when proposed, and the votes on them */                          \
		"CREATE TABLE breaches ("                                                          \
		"  id " ID ","                                                                     \
		"  threshold " TEXT " NOT NULL,"                                                   \
		"  sector " INT " NOT NULL,"                                                       \
		"  at " INT " NOT NULL, window_from " INT " NOT NULL, total " INT " NOT NULL,"     \
		"  status " TEXT " NOT NULL,"                                                      \
		"  opened " TEXT " NOT NULL);"                                                     \
		"CREATE INDEX breaches_key ON breaches (threshold, sector, at);"                   \
		"CREATE TABLE breach_events ("                                                     \
		"  breach " INT " NOT NULL REFERENCES breaches(id),"                               \
		"  event " INT " NOT NULL REFERENCES events(id),"                                  \
		"  PRIMARY KEY (breach, event));"                                                  \
		"CREATE TABLE proposals ("                                                         \
		"  id " ID ","                                                                     \
		"  breach " INT " NOT NULL REFERENCES breaches(id),"                               \
		"  rung " TEXT " NOT NULL,"                                                        \
		"  proposed_by " TEXT " NOT NULL,"                                                 \
		"  proposed " INT " NOT NULL, deadline " INT " NOT NULL,"                          \
		"  rule " TEXT " NOT NULL, quorum " REAL " NOT NULL, lead " INT " NOT NULL,"       \
		"  voters " TEXT " NOT NULL,"                                                      \
		"  state " TEXT " NOT NULL,"                                                       \
		"  decided " INT ");"                                                              \
		"CREATE INDEX proposals_breach ON proposals (breach);"                             \
		"CREATE TABLE votes ("                                                             \
		"  proposal " INT " NOT NULL REFERENCES proposals(id),"                            \
		"  member " TEXT " NOT NULL,"                                                      \
		"  approve " INT " NOT NULL,"                                                      \
		"  at " INT " NOT NULL,"                                                           \
		"  by_user " TEXT " NOT NULL,"                                                     \
		"  PRIMARY KEY (proposal, member));",                                              \
		/* 5: the chain binds the rows: each entry's form (1: schema 4's                   \
		 * unkeyed hash of its fields; 2: keyed or not, with its rows) and                 \
		 * the id of the key it was made with (NULL: unkeyed); the digest of               \
		 * each row an entry wrote (NULL: the row was removed). store.c binds              \
		 * every existing row to one entry in the same transaction. */                     \
		"ALTER TABLE audit ADD COLUMN form " INT " NOT NULL DEFAULT 1;"                    \
		"ALTER TABLE audit ADD COLUMN key_id " BLOB ";"                                    \
		"CREATE TABLE audit_rows ("                                                        \
		"  seq " INT " NOT NULL,"                                                          \
		"  tbl " TEXT " NOT NULL,"                                                         \
		"  id " INT " NOT NULL,"                                                           \
		"  digest " BLOB ","                                                               \
		"  PRIMARY KEY (seq, tbl, id));"                                                   \
		"CREATE INDEX audit_rows_row ON audit_rows (tbl, id, seq);",                       \
		/* 6: who observed. The observers an account reports as, one name a               \
		 * line (store.c registers those its reports already name); a report's             \
		 * id is its account's, not the mission's; an event's distinct                     \
		 * accounts, which corroboration counts, and how many of its reports               \
		 * are held for review */                                                          \
		"ALTER TABLE users ADD COLUMN observers " TEXT " NOT NULL DEFAULT '';"             \
		RESCOPE                                                                            \
		"ALTER TABLE events ADD COLUMN accounts " INT " NOT NULL DEFAULT 0;"               \
		"ALTER TABLE events ADD COLUMN held " INT " NOT NULL DEFAULT 0;"                   \
		"UPDATE events SET accounts = (SELECT COUNT(DISTINCT submitted_by) FROM reports"   \
		"  WHERE reports.event_id = events.id);"                                           \
		/* grades by accounts, as event.c now gives them; breaches opened                  \
		 * before stand */                                                                 \
		"UPDATE events SET grade = 'C' WHERE accounts < 2;"                                \
		"UPDATE events SET grade = 'B' WHERE accounts = 2 AND grade = 'A' AND NOT"         \
		"  (sources >= 2 AND EXISTS (SELECT 1 FROM reports WHERE"                          \
		"  reports.event_id = events.id AND reports.bearing_deg IS NULL));",               \
	}

/* Schema 6 scopes a report's id to its account. SQLite cannot drop a
 * UNIQUE constraint, so the table is made again, rows and all; the
 * columns are schema 3's, in order. */
#define RESCOPE_SQLITE                                                                     \
	"CREATE TABLE reports6 ("                                                              \
	"  seq INTEGER PRIMARY KEY,"                                                           \
	"  id TEXT NOT NULL,"                                                                  \
	"  digest BLOB NOT NULL,"                                                              \
	"  observed_from INTEGER NOT NULL, observed_to INTEGER NOT NULL,"                      \
	"  reported INTEGER NOT NULL, received TEXT NOT NULL,"                                 \
	"  submitted_by INTEGER NOT NULL REFERENCES users(id),"                                \
	"  lon REAL NOT NULL, lat REAL NOT NULL, precision_m REAL NOT NULL,"                   \
	"  observer TEXT NOT NULL,"                                                            \
	"  source TEXT NOT NULL, event TEXT NOT NULL, weapon TEXT NOT NULL,"                   \
	"  count INTEGER NOT NULL,"                                                            \
	"  bearing_deg REAL, distance_km REAL,"                                                \
	"  text TEXT NOT NULL,"                                                                \
	"  attachments TEXT NOT NULL,"                                                         \
	"  event_id INTEGER REFERENCES events(id),"                                            \
	"  UNIQUE (submitted_by, id));"                                                        \
	"INSERT INTO reports6 SELECT seq, id, digest, observed_from, observed_to, reported,"   \
	"  received, submitted_by, lon, lat, precision_m, observer, source, event, weapon,"    \
	"  count, bearing_deg, distance_km, text, attachments, event_id FROM reports;"         \
	"DROP TABLE reports;"                                                                  \
	"ALTER TABLE reports6 RENAME TO reports;"                                              \
	"CREATE INDEX reports_time ON reports (observed_from);"                                \
	"CREATE INDEX reports_event ON reports (event_id);"
/* PostgreSQL names schema 2's constraint after its table and column. */
#define RESCOPE_PG                                                                         \
	"ALTER TABLE reports DROP CONSTRAINT reports_id_key;"                                  \
	"ALTER TABLE reports ADD CONSTRAINT reports_account_id_key UNIQUE (submitted_by, id);"


const char *const gt__schema_sqlite[] = GT__MIGRATIONS("INTEGER PRIMARY KEY", "INTEGER PRIMARY KEY",
                                                       "INTEGER", "REAL", "TEXT", "BLOB",
                                                       RESCOPE_SQLITE);
const char *const gt__schema_pg[] =
	GT__MIGRATIONS("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", "BIGINT PRIMARY KEY",
	               "BIGINT", "DOUBLE PRECISION", "TEXT COLLATE \"C\"", "BYTEA", RESCOPE_PG);

_Static_assert(sizeof(gt__schema_sqlite) / sizeof(gt__schema_sqlite[0]) == GT_STORE_SCHEMA,
               "one migration per schema version");
_Static_assert(sizeof(gt__schema_pg) / sizeof(gt__schema_pg[0]) == GT_STORE_SCHEMA,
               "one migration per schema version");
