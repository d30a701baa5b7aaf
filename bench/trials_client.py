#!/usr/bin/env python3
"""trials_client.py: one monitor's device for bench/trials.sh. Sends reports
NAME-0001 .. NAME-N to `guarantor serve`, one by one or in batches, and keeps
resending each until the server acknowledges it (201 or 200), through the
server being killed and PostgreSQL stopping under it, as a device that was
cut off would. Standard library only.

Writes, one line each, flushed before the next request:
  DIR/NAME.sent    the ids of a request, before it is sent
  DIR/NAME.acked   "ID STATUS": an acknowledgement (201 created, 200 already
                   stored), the moment the answer was read
  DIR/NAME.other   "ID STATUS": any other answer for one report (409 would
                   mean the store holds something else under that id)
The server's port is read from DIR/port before each request, so that a
restarted server may listen elsewhere. Exits 0 once all are acknowledged,
1 if the deadline came first."""
import argparse
import http.client
import json
import os
import random
import sys
import time


def report(rid, n):
    # the content depends on the id alone: a resent report is the same one
    minute = n % 50
    return {
        "id": rid,
        "observed": {"from": "2026-01-10T10:%02d:00Z" % minute,
                     "to": "2026-01-10T10:%02d:30Z" % minute},
        "reported": "2026-01-10T11:00:00Z",
        "position": {"lon": 37.5 + (n % 37) / 100, "lat": 48.1, "precision_m": 50},
        "observer": "team %d" % (n % 5),
        "source": "patrol",
        "event": "small_arms",
        "count": n % 9 + 1,
        "text": "trial report " + rid,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--name", required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--reports", type=int, default=200)
    ap.add_argument("--batch-share", type=float, default=0.3,
                    help="share of requests that are batches")
    ap.add_argument("--deadline", type=float, default=120, help="seconds")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    path = lambda ext: os.path.join(a.dir, a.name + ext)
    sent = open(path(".sent"), "a", buffering=1)
    acked = open(path(".acked"), "a", buffering=1)
    other = open(path(".other"), "a", buffering=1)
    todo = ["%s-%04d" % (a.name, i) for i in range(1, a.reports + 1)]
    num = {rid: i for i, rid in enumerate(todo, 1)}
    headers = {"Authorization": "Bearer " + a.token, "Content-Type": "application/json"}
    end = time.monotonic() + a.deadline
    while todo and time.monotonic() < end:
        if rng.random() < a.batch_share:
            ids = todo[:rng.randint(2, 20)]
            url, body = "/api/v1/reports/batch", [report(r, num[r]) for r in ids]
        else:
            ids = todo[:1]
            url, body = "/api/v1/reports", report(ids[0], num[ids[0]])
        data = json.dumps(body).encode()
        sent.write("".join(r + "\n" for r in ids))
        try:
            with open(os.path.join(a.dir, "port")) as f:
                port = int(f.read().strip())
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
            c.request("POST", url, body=data, headers=headers)
            resp = c.getresponse()
            status, text = resp.status, resp.read()
            c.close()
        except (OSError, ValueError, http.client.HTTPException):
            time.sleep(0.02)  # no server, or it died mid-answer: resend
            continue
        done = set()
        if isinstance(body, list):
            items = json.loads(text).get("items", []) if status == 200 else []
            for it in items:
                st = it.get("status")
                if st in (200, 201):
                    acked.write("%s %d\n" % (it["id"], st))
                    done.add(it["id"])
                elif st not in (500, 503, 507):
                    other.write("%s %s\n" % (it.get("id"), st))
                    done.add(it.get("id"))
        elif status in (200, 201):
            acked.write("%s %d\n" % (ids[0], status))
            done.add(ids[0])
        elif status not in (500, 503, 507):
            other.write("%s %d\n" % (ids[0], status))
            done.add(ids[0])
        if not done:
            time.sleep(0.02)  # the store is away (503): resend soon
        todo = [r for r in todo if r not in done]
    return 0 if not todo else 1


if __name__ == "__main__":
    sys.exit(main())
