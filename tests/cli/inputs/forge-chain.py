#!/usr/bin/env python3
"""forge-chain.py DB KEY [--keep-key-id]: an attacker's tool for the audit
tests. After the rows of a SQLite store were edited by hand, it makes the
audit chain agree with them again, as guarantor would have written it:
every row's digest is recomputed and put in its latest binding in
audit_rows (a row that has none is bound to the last entry; a row that
is gone is bound as removed), and every entry's hash is remade, each on
the one before.

KEY is an audit key file: the chain is rewritten keyed with it. With the
store's own key the result verifies, which shows this tool writes what
guarantor writes; with any other key, or with "none" (unkeyed entries, the
only thing someone without the key can make), it must not.
--keep-key-id leaves each entry's record of the key it was made with as
it was, while hashing without the key.

It follows docs/monitor.md ("The audit chain") and the encodings of
src/monitor/canon.c, rows.c and audit.c."""
import hashlib
import sqlite3
import struct
import sys

TABLES = [  # name, key, columns, kinds, children's query, their kinds
    ("breaches", "id", "id, threshold, sector, at, window_from, total, status, opened",
     "itiiiitt", "SELECT event FROM breach_events WHERE breach = ? ORDER BY event", "i"),
    ("events", "id",
     "id, status, merged_into, observed_from, observed_to, lon, lat, radius_km, triangulated,"
     " event, weapon, count, reports, observers, sources, grade, sector, side, line_km,"
     " offset_km, updated", "itiiirrrittiiiitiirrt", None, None),
    ("proposals", "id",
     "id, breach, rung, proposed_by, proposed, deadline, rule, quorum, lead, voters, state,"
     " decided", "iittiitritti",
     "SELECT member, approve, at, by_user FROM votes WHERE proposal = ? ORDER BY member",
     "tiit"),
    ("reports", "seq",
     "seq, id, digest, observed_from, observed_to, reported, received, submitted_by, lon, lat,"
     " precision_m, observer, source, event, weapon, count, bearing_deg, distance_km, text,"
     " attachments, event_id", "itbiiitirrrttttirrtti", None, None),
    ("users", "id", "id, name, role, member, token_hash, created, revoked", "itttttt", None, None),
]


def u64(v):
    return struct.pack("<Q", v & 0xFFFFFFFFFFFFFFFF)


def text(v):
    b = v.encode() if isinstance(v, str) else bytes(v)
    return u64(len(b)) + b


def canon(tag, key=None):
    h = hashlib.blake2b(digest_size=32, key=key or b"")
    h.update(text(tag))
    return h


def columns(h, row, kinds):
    for v, k in zip(row, kinds):
        h.update(u64(v is not None))
        if v is None:
            continue
        if k == "i":
            h.update(u64(int(v)))
        elif k == "r":
            h.update(struct.pack("<d", float(v) if v != 0 else 0.0))
        elif k == "t":
            h.update(text(v))
        else:
            h.update(u64(len(v)) + bytes(v))


def row_digest(db, table, row):
    name, _, _, kinds, child, child_kinds = table
    h = canon("guarantor row v1")
    h.update(text(name))
    columns(h, row, kinds)
    if child:
        for c in db.execute(child, (row[0],)):
            h.update(u64(1))
            columns(h, c, child_kinds)
        h.update(u64(0))
    return h.digest()


def rebind(db):
    last = db.execute("SELECT max(seq) FROM audit").fetchone()[0] or 0
    for table in TABLES:
        name, key, cols = table[:3]
        present = set()
        for row in db.execute(f"SELECT {cols} FROM {name} ORDER BY {key}").fetchall():
            present.add(row[0])
            d = row_digest(db, table, row)
            got = db.execute("SELECT max(seq) FROM audit_rows WHERE tbl = ? AND id = ?",
                             (name, row[0])).fetchone()[0]
            if got is None:
                db.execute("INSERT INTO audit_rows VALUES (?, ?, ?, ?)", (last, name, row[0], d))
            else:
                db.execute("UPDATE audit_rows SET digest = ? WHERE seq = ? AND tbl = ? AND id = ?",
                           (d, got, name, row[0]))
        for (rid,) in db.execute("SELECT DISTINCT id FROM audit_rows WHERE tbl = ?", (name,)).fetchall():
            if rid not in present:
                db.execute("UPDATE audit_rows SET digest = NULL WHERE tbl = ? AND id = ? AND seq ="
                           " (SELECT max(seq) FROM audit_rows WHERE tbl = ? AND id = ?)",
                           (name, rid, name, rid))


def rehash(db, key, keep_key_id):
    key_id = hashlib.blake2b(b"guarantor audit key id v1", digest_size=16, key=key).digest() if key else None
    prev = bytes(32)
    entries = db.execute("SELECT seq, at, actor, action, object, detail, form, key_id FROM audit"
                         " ORDER BY seq").fetchall()
    for seq, at, actor, action, obj, detail, form, old_id in entries:
        fields = b"".join(text(f) for f in (at, actor, action, obj, detail))
        if form == 1:
            h = hashlib.blake2b(digest_size=32)
            h.update(prev + u64(seq) + fields)
            kid = None
        else:
            rows = canon("guarantor audit rows v1")
            for tbl, rid, d in db.execute("SELECT tbl, id, digest FROM audit_rows WHERE seq = ?"
                                          " ORDER BY tbl, id", (seq,)):
                d = bytes(d) if d is not None else b""
                rows.update(text(tbl) + u64(rid) + u64(len(d)) + d)
            kid = old_id if keep_key_id else key_id
            h = canon("guarantor audit v2", key)
            h.update(prev + u64(seq) + fields + u64(kid is not None) + (bytes(kid) if kid else b"")
                     + rows.digest())
        new = h.digest()
        db.execute("UPDATE audit SET prev = ?, hash = ?, key_id = ? WHERE seq = ?",
                   (prev, new, kid, seq))
        prev = new


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    db = sqlite3.connect(sys.argv[1])
    key = None if sys.argv[2] == "none" else bytes.fromhex(open(sys.argv[2]).read().strip())
    rebind(db)
    rehash(db, key, "--keep-key-id" in sys.argv[3:])
    db.commit()
    db.close()


main()
