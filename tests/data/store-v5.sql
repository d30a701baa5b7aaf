-- A store of schema 5 (guarantor 5417629, unkeyed: --no-audit-key): monitor kt3
-- reporting as 'team 1' and 'team 2' (one account, two observers), analyst desk,
-- four reports correlated into two grade B events and a heavy-shelling breach.
-- sqlite3's .dump leaves out the schema version: it is the first statement.
-- tests/cli/cases/audit-migrate5.cmd moves it to schema 6.
PRAGMA user_version = 5;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE users (  id INTEGER PRIMARY KEY,  name TEXT NOT NULL UNIQUE,  role TEXT NOT NULL,  member TEXT NOT NULL DEFAULT '',  token_hash TEXT NOT NULL,  created TEXT NOT NULL,  revoked TEXT);
INSERT INTO users VALUES(1,'kt3','monitor','','$argon2id$v=19$m=65536,t=2,p=1$OtwL5pPbCLym2zlvUrkV8Q$xqgINAJux86HED5suVTrd3a3y1Qzx+yCLVdOnJB/kSY','2026-12-07T23:22:08Z',NULL);
INSERT INTO users VALUES(2,'desk','analyst','','$argon2id$v=19$m=65536,t=2,p=1$9C+jHAUTX704iPYIlXwAng$RtVwzQyeh56fRa2M6sWj4tR/bst8UKYPJuLcskmRa/4','2026-12-07T23:22:09Z',NULL);
CREATE TABLE audit (  seq INTEGER PRIMARY KEY,  at TEXT NOT NULL,  actor TEXT NOT NULL,  action TEXT NOT NULL,  object TEXT NOT NULL,  detail TEXT NOT NULL,  prev BLOB NOT NULL,  hash BLOB NOT NULL, form INTEGER NOT NULL DEFAULT 1, key_id BLOB);
INSERT INTO audit VALUES(1,'2026-12-07T23:22:09Z','cli','user.add','kt3','role=monitor member=',X'0000000000000000000000000000000000000000000000000000000000000000',X'f64cd777f44a9afa1de6c0b710e1c8ca8d3f1d60040e71fa5c4a1a066729d8db',2,NULL);
INSERT INTO audit VALUES(2,'2026-12-07T23:22:09Z','cli','user.add','desk','role=analyst member=',X'f64cd777f44a9afa1de6c0b710e1c8ca8d3f1d60040e71fa5c4a1a066729d8db',X'864fb905a0e507c310927c703eb8b8e04b1dc0c0778bd8b15acb2beece4b1c07',2,NULL);
INSERT INTO audit VALUES(3,'2026-12-07T23:22:10Z','kt3','report.submit','a1','blake2b=566892579dda071cee8b64f55eab9d245b54936447f120fd069a47e3be9e2322',X'864fb905a0e507c310927c703eb8b8e04b1dc0c0778bd8b15acb2beece4b1c07',X'39b90c246f5822003a323cf32d49e1da29585a3301506a316e68f6742b778c8b',2,NULL);
INSERT INTO audit VALUES(4,'2026-12-07T23:22:10Z','kt3','report.submit','a2','blake2b=2b010eac580d487d312aee79b9e17f4ff747c1beb09ea46f4fa8d7845a43a415',X'39b90c246f5822003a323cf32d49e1da29585a3301506a316e68f6742b778c8b',X'f5dba1e59a419cd19a26fac6d041897bbe4ab4a55ed6f3cd5d16bb695e759cee',2,NULL);
INSERT INTO audit VALUES(5,'2026-12-07T23:22:10Z','kt3','report.submit','b1','blake2b=746b00927b40b820f49573d9caf0c97851c5caaddd0d5747aa2d33e8c915214c',X'f5dba1e59a419cd19a26fac6d041897bbe4ab4a55ed6f3cd5d16bb695e759cee',X'1f94695543af377d28198e796a865cff33096d992da112ebdc1e37239ce70fa3',2,NULL);
INSERT INTO audit VALUES(6,'2026-12-07T23:22:10Z','kt3','report.submit','b2','blake2b=c9fdd0d1fa9e85ad1a263cfa478cf93733cf52b748c1e4c661bd698a1f2ac73a',X'1f94695543af377d28198e796a865cff33096d992da112ebdc1e37239ce70fa3',X'2ef4e36cf4e3ed2993511aade18815b74562c67b46e2f68ea94af5e55bba8a5e',2,NULL);
INSERT INTO audit VALUES(7,'2026-12-07T23:22:10Z','desk','events.correlate','reports','reports=4 new_events=2 joined_events=0 blake2b=cd5a173c83604779ecace507c46b231b3eeb1cf9e19374bf9954cedd15fb463e',X'2ef4e36cf4e3ed2993511aade18815b74562c67b46e2f68ea94af5e55bba8a5e',X'8f9c881a6b44b723a0237fcae86af094b7159e1d7c53ec4904fd36842f029e1f',2,NULL);
INSERT INTO audit VALUES(8,'2026-12-07T23:22:10Z','desk','breach.open','breach:1','threshold=heavy-shelling sector=11 total=55 events=1,2',X'8f9c881a6b44b723a0237fcae86af094b7159e1d7c53ec4904fd36842f029e1f',X'7768ff36825cab4dcd99faefe7771853edaf73dd7c05a83877b66c904f55f7b6',2,NULL);
CREATE TABLE reports (  seq INTEGER PRIMARY KEY,  id TEXT NOT NULL UNIQUE,  digest BLOB NOT NULL,  observed_from INTEGER NOT NULL,  observed_to INTEGER NOT NULL,  reported INTEGER NOT NULL,  received TEXT NOT NULL,  submitted_by INTEGER NOT NULL REFERENCES users(id),  lon REAL NOT NULL, lat REAL NOT NULL, precision_m REAL NOT NULL,  observer TEXT NOT NULL,  source TEXT NOT NULL, event TEXT NOT NULL, weapon TEXT NOT NULL,  count INTEGER NOT NULL,  bearing_deg REAL, distance_km REAL,  text TEXT NOT NULL,  attachments TEXT NOT NULL, event_id INTEGER REFERENCES events(id));
INSERT INTO reports VALUES(1,'a1',X'566892579dda071cee8b64f55eab9d245b54936447f120fd069a47e3be9e2322',1768039500,1768039530,1768042800,'2026-12-07T23:22:10Z',1,37.700000000000002842,48.0,200.0,'team 1','patrol','explosion','artillery',30,NULL,NULL,'','',1);
INSERT INTO reports VALUES(2,'a2',X'2b010eac580d487d312aee79b9e17f4ff747c1beb09ea46f4fa8d7845a43a415',1768039560,1768039590,1768042800,'2026-12-07T23:22:10Z',1,37.700000000000002842,48.0,200.0,'team 2','patrol','explosion','artillery',30,NULL,NULL,'','',1);
INSERT INTO reports VALUES(3,'b1',X'746b00927b40b820f49573d9caf0c97851c5caaddd0d5747aa2d33e8c915214c',1768041600,1768041630,1768042800,'2026-12-07T23:22:10Z',1,37.799999999999997156,48.049999999999997157,200.0,'team 1','patrol','explosion','artillery',25,NULL,NULL,'','',2);
INSERT INTO reports VALUES(4,'b2',X'c9fdd0d1fa9e85ad1a263cfa478cf93733cf52b748c1e4c661bd698a1f2ac73a',1768041660,1768041690,1768042800,'2026-12-07T23:22:10Z',1,37.799999999999997156,48.049999999999997157,200.0,'team 2','patrol','explosion','artillery',25,NULL,NULL,'','',2);
CREATE TABLE events (  id INTEGER PRIMARY KEY,  status TEXT NOT NULL,  merged_into INTEGER REFERENCES events(id),  observed_from INTEGER NOT NULL, observed_to INTEGER NOT NULL,  lon REAL NOT NULL, lat REAL NOT NULL, radius_km REAL NOT NULL,  triangulated INTEGER NOT NULL,  event TEXT NOT NULL, weapon TEXT NOT NULL, count INTEGER NOT NULL,  reports INTEGER NOT NULL, observers INTEGER NOT NULL, sources INTEGER NOT NULL,  grade TEXT NOT NULL, sector INTEGER NOT NULL, side INTEGER NOT NULL,  line_km REAL NOT NULL, offset_km REAL NOT NULL,  updated TEXT NOT NULL);
INSERT INTO events VALUES(1,'unverified',NULL,1768039500,1768039590,37.700000000000002842,48.0,0.1414213562373095312,0,'explosion','artillery',30,2,2,1,'B',11,-1,534.52785351847740004,41.981758905296565841,'2026-12-07T23:22:10Z');
INSERT INTO events VALUES(2,'unverified',NULL,1768041600,1768041690,37.799999999999997156,48.049999999999997157,0.1414213562373095312,0,'explosion','artillery',25,2,2,1,'B',11,-1,534.52785351847740004,43.644642050546785584,'2026-12-07T23:22:10Z');
CREATE TABLE breaches (  id INTEGER PRIMARY KEY,  threshold TEXT NOT NULL,  sector INTEGER NOT NULL,  at INTEGER NOT NULL, window_from INTEGER NOT NULL, total INTEGER NOT NULL,  status TEXT NOT NULL,  opened TEXT NOT NULL);
INSERT INTO breaches VALUES(1,'heavy-shelling',11,1768041600,1768039500,55,'open','2026-12-07T23:22:10Z');
CREATE TABLE breach_events (  breach INTEGER NOT NULL REFERENCES breaches(id),  event INTEGER NOT NULL REFERENCES events(id),  PRIMARY KEY (breach, event));
INSERT INTO breach_events VALUES(1,1);
INSERT INTO breach_events VALUES(1,2);
CREATE TABLE proposals (  id INTEGER PRIMARY KEY,  breach INTEGER NOT NULL REFERENCES breaches(id),  rung TEXT NOT NULL,  proposed_by TEXT NOT NULL,  proposed INTEGER NOT NULL, deadline INTEGER NOT NULL,  rule TEXT NOT NULL, quorum REAL NOT NULL, lead INTEGER NOT NULL,  voters TEXT NOT NULL,  state TEXT NOT NULL,  decided INTEGER);
CREATE TABLE votes (  proposal INTEGER NOT NULL REFERENCES proposals(id),  member TEXT NOT NULL,  approve INTEGER NOT NULL,  at INTEGER NOT NULL,  by_user TEXT NOT NULL,  PRIMARY KEY (proposal, member));
CREATE TABLE audit_rows (  seq INTEGER NOT NULL,  tbl TEXT NOT NULL,  id INTEGER NOT NULL,  digest BLOB,  PRIMARY KEY (seq, tbl, id));
INSERT INTO audit_rows VALUES(1,'users',1,X'6f0cc55624b89eccd1ef75425c6dd3249868ad72125d8dfdb9dd82712d7bbaa7');
INSERT INTO audit_rows VALUES(2,'users',2,X'd97eed7473d5ddd23dfb0e4f8fd4dfaee1ac0bb6898f24fcdd29c67539909519');
INSERT INTO audit_rows VALUES(3,'reports',1,X'845b274a6a235b40b0f8bdd9d00d4a934cea6d5ee17720fd20c3a93964d1d6b3');
INSERT INTO audit_rows VALUES(4,'reports',2,X'8572bef1eedc4ae32c0d0e1af21fe9f697723bcdcfab130e05b8a071f2153c66');
INSERT INTO audit_rows VALUES(5,'reports',3,X'74d55c64a62ed28a54edf2cabfd503e8a326e1efa9f49f29840195a02b6293fc');
INSERT INTO audit_rows VALUES(6,'reports',4,X'4fd8f215c98e1dad48ab66ff90290f593025e51cfaa4d00e8c76621e3c43d2bf');
INSERT INTO audit_rows VALUES(7,'events',1,X'deeb5f7fb9ba73457da8a98a7de9e4d31c2dfc18a0cb33ff8b0e2a250bbb7951');
INSERT INTO audit_rows VALUES(7,'events',2,X'4730284db29cd5a48b0ff46554ec519dad358cfc20e3cffce643d4d208137c6e');
INSERT INTO audit_rows VALUES(7,'reports',1,X'7674a8d54888e1ec13e958e186ba8a992413489f2729c7bf91045b689992247b');
INSERT INTO audit_rows VALUES(7,'reports',2,X'a36a491aa1da3990ac6ad6875523a690bb763f48e49a4e2279cd695e5ff040ae');
INSERT INTO audit_rows VALUES(7,'reports',3,X'8903d79aa4c532363d00d3a882d1ee2861f0f1199d32cbe5008d240ddb9ad184');
INSERT INTO audit_rows VALUES(7,'reports',4,X'7e0a4c65d900f6d8e3f8bdb194a016b34ae6bc60ce74f3cd98f95d2123b17bb5');
INSERT INTO audit_rows VALUES(8,'breaches',1,X'ce75ee6176307ba7f6220f76533714155bc3b94f93a708909298c5d6908007bb');
CREATE INDEX reports_time ON reports (observed_from);
CREATE INDEX events_time ON events (observed_from);
CREATE INDEX reports_event ON reports (event_id);
CREATE INDEX breaches_key ON breaches (threshold, sector, at);
CREATE INDEX proposals_breach ON proposals (breach);
CREATE INDEX audit_rows_row ON audit_rows (tbl, id, seq);
COMMIT;
