#!/usr/bin/env python3
"""Writes the seeds of the http fuzz target (tests/fuzz/corpus/http/): raw
HTTP/1.1 requests, one a file, with "@ROLE@" where fuzz_http.c puts a
user's token; "flow" pipelines the whole decision flow in one input (two
teams report heavy weapons on the line, an analyst correlates and
verifies, a breach opens, a commander proposes, a member approves)."""
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, 'corpus', 'http')
seen = open(os.path.join(here, 'corpus', 'report', 'seen.json')).read().strip()
heard = open(os.path.join(here, 'corpus', 'report', 'heard.json')).read().strip()


def request(method, path, token=None, body=None, extra=()):
    lines = [f'{method} {path} HTTP/1.1', 'Host: 127.0.0.1']
    if token:
        lines.append(f'Authorization: Bearer @{token}@')
    lines += list(extra)
    data = b''
    if body is not None:
        data = body.encode()
        lines += ['Content-Type: application/json', f'Content-Length: {len(data)}']
    return ('\r\n'.join(lines) + '\r\n\r\n').encode() + data


def movement(rid, observer):
    # near Huliaipole on the built-in line: within the 25 km zone
    return ('{"id": "%s", "observed": {"from": "2026-11-27T06:00:00Z", "to": "2026-11-27T06:10:00Z"}, '
            '"reported": "2026-11-27T07:00:00Z", "position": {"lon": 36.14, "lat": 47.60, '
            '"precision_m": 200}, "observer": "%s", "source": "patrol", '
            '"event": "heavy_weapons_movement", "count": 4, "text": "four tanks moving east"}'
            % (rid, observer))


seeds = {
    'health': request('GET', '/api/v1/health'),
    'me': request('GET', '/api/v1/me', 'ANALYST'),
    'scenario': request('GET', '/api/v1/scenario', 'OBSERVER'),
    'report': request('POST', '/api/v1/reports', 'MONITOR', seen),
    'report-heard': request('POST', '/api/v1/reports', 'MONITOR', heard),
    'batch': request('POST', '/api/v1/reports/batch', 'MONITOR', '[' + seen + ', ' + heard + ']'),
    'reports': request('GET', '/api/v1/reports?from=2026-11-27T00:00:00Z&to=2026-11-28T00:00:00Z'
                       '&after=0&limit=5', 'ANALYST'),
    'correlate': request('POST', '/api/v1/events/correlate', 'ANALYST'),
    'events': request('GET', '/api/v1/events?status=unverified,verified&sector=11&event=explosion'
                      '&grade=B&near=37.6,48.1&km=20&after=0&limit=10', 'ANALYST'),
    'event': request('GET', '/api/v1/events/1', 'COMMANDER'),
    'verify': request('POST', '/api/v1/events/1/verify', 'ANALYST', '{"note": "two teams"}'),
    'reject': request('POST', '/api/v1/events/2/reject', 'ANALYST'),
    'reopen': request('POST', '/api/v1/events/1/reopen', 'ANALYST'),
    'merge': request('POST', '/api/v1/events/merge', 'ANALYST', '{"events": [1, 2], "note": "one barrage"}'),
    'split': request('POST', '/api/v1/events/1/split', 'ANALYST', '{"reports": ["kt3-0002"], "note": "apart"}'),
    'breaches': request('GET', '/api/v1/breaches?status=open&after=0&limit=5', 'COMMANDER'),
    'breach': request('GET', '/api/v1/breaches/1', 'MEMBER'),
    'dismiss': request('POST', '/api/v1/breaches/1/dismiss', 'COMMANDER', '{"note": "no"}'),
    'propose': request('POST', '/api/v1/breaches/1/proposals', 'COMMANDER', '{"rung": "protest"}'),
    'proposal': request('GET', '/api/v1/proposals/1', 'MEMBER'),
    'approve': request('POST', '/api/v1/proposals/1/approve', 'MEMBER', '{}'),
    'veto': request('POST', '/api/v1/proposals/1/veto', 'MEMBER', '{"note": "not yet"}'),
    'daily': request('GET', '/api/v1/daily?day=2026-11-27&format=csv', 'OBSERVER'),
    'daily-html': request('GET', '/api/v1/daily?day=2026-11-27&format=html', 'OBSERVER'),
    'counts': request('GET', '/api/v1/counts?from=2026-11-20&to=2026-11-27', 'OBSERVER'),
    'head': request('HEAD', '/api/v1/events', 'ANALYST'),
    'page': request('GET', '/'),
    'bad-method': request('DELETE', '/api/v1/reports', 'MONITOR'),
    'bad-token': request('GET', '/api/v1/events', None, extra=['Authorization: Bearer gt1.1.AAAA']),
    'chunked': request('POST', '/api/v1/reports', 'MONITOR', None, extra=['Transfer-Encoding: chunked'])
    + b'%x\r\n' % len(seen.encode()) + seen.encode() + b'\r\n0\r\n\r\n',
    'flow': b''.join([
        request('POST', '/api/v1/reports/batch', 'MONITOR',
                '[' + movement('hw-1', 'team 1') + ', ' + movement('hw-2', 'team 2') + ']'),
        request('POST', '/api/v1/events/correlate', 'ANALYST'),
        request('POST', '/api/v1/events/1/verify', 'ANALYST', '{"note": "two teams"}'),
        request('GET', '/api/v1/breaches', 'COMMANDER'),
        request('POST', '/api/v1/breaches/1/proposals', 'COMMANDER', '{"rung": "protest"}'),
        request('POST', '/api/v1/proposals/1/approve', 'MEMBER', '{}'),
        request('GET', '/api/v1/proposals/1', 'COMMANDER'),
    ]),
}
os.makedirs(out, exist_ok=True)
for name, data in seeds.items():
    with open(os.path.join(out, name), 'wb') as f:
        f.write(data)
print(f'{len(seeds)} seeds in {out}', file=sys.stderr)
