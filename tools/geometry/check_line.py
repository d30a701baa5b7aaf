#!/usr/bin/env python3
"""Check the line-of-contact feature of data/ukraine-2025.geojson.

Standard library only.  Usage:

    python3 tools/geometry/check_line.py [path/to/file.geojson]

Checks (exit status 1 if any fails):
  * the file is one FeatureCollection written with one feature per line;
  * exactly one feature of kind "line_of_contact", a LineString;
  * properties kind, name, country, source, as_of, approximate, places are
    present; as_of is a date, approximate is true;
  * positions are [longitude, latitude] in range with at most 4 decimals;
  * at least 60 vertices, no repeated consecutive vertex;
  * "places" has exactly one string per vertex; the first is "Dnipro mouth",
    the last is "Vovchansk"; the named anchors used elsewhere keep their
    exact spelling; no named place appears twice;
  * the line does not cross or touch itself: every pair of non-adjacent
    segments is disjoint, and adjacent segments share only their common
    vertex (no folding back);
  * every vertex lies inside the feature of kind "outline" or within 5 km of
    its edge.

Prints the geodesic length (Vincenty inverse on WGS84 and haversine) and the
cumulative distance at each named vertex.
"""

import json
import math
import os
import re
import sys

MAX_EDGE_KM = 5.0
MIN_VERTICES = 60
REQUIRED_PROPS = ("kind", "name", "country", "source", "as_of", "approximate", "places")
FIRST_PLACE = "Dnipro mouth"
LAST_PLACE = "Vovchansk"
# Names that other data or code may refer to; if present they must be spelled
# exactly like this (checked below as "present").
KNOWN_ANCHORS = (
    "Dnipro mouth", "Kherson", "Nova Kakhovka (dam)", "Nikopol", "Enerhodar",
    "Stepnohirsk", "Orikhiv", "Huliaipole", "Pokrovsk", "Kostiantynivka",
    "Chasiv Yar", "Siversk", "Lyman", "Kupiansk", "Vovchansk",
)

R_MEAN_KM = 6371.0088


def haversine_km(a, b):
    lon1, lat1, lon2, lat2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * R_MEAN_KM * math.asin(math.sqrt(h))


def vincenty_km(a, b):
    """Vincenty inverse formula on the WGS84 ellipsoid (km)."""
    A = 6378137.0
    F = 1 / 298.257223563
    B = A * (1 - F)
    L = math.radians(b[0] - a[0])
    U1 = math.atan((1 - F) * math.tan(math.radians(a[1])))
    U2 = math.atan((1 - F) * math.tan(math.radians(b[1])))
    sU1, cU1, sU2, cU2 = math.sin(U1), math.cos(U1), math.sin(U2), math.cos(U2)
    lam = L
    for _ in range(200):
        sl, cl = math.sin(lam), math.cos(lam)
        ss = math.hypot(cU2 * sl, cU1 * sU2 - sU1 * cU2 * cl)
        if ss == 0:
            return 0.0
        cs = sU1 * sU2 + cU1 * cU2 * cl
        sig = math.atan2(ss, cs)
        sa = cU1 * cU2 * sl / ss
        c2a = 1 - sa * sa
        c2sm = cs - 2 * sU1 * sU2 / c2a if c2a else 0.0
        C = F / 16 * c2a * (4 + F * (4 - 3 * c2a))
        prev = lam
        lam = L + (1 - C) * F * sa * (sig + C * ss * (c2sm + C * cs * (-1 + 2 * c2sm * c2sm)))
        if abs(lam - prev) < 1e-12:
            break
    u2 = c2a * (A * A - B * B) / (B * B)
    kA = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)))
    kB = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)))
    ds = kB * ss * (c2sm + kB / 4 * (cs * (-1 + 2 * c2sm * c2sm)
                                     - kB / 6 * c2sm * (-3 + 4 * ss * ss) * (-3 + 4 * c2sm * c2sm)))
    return B * kA * (sig - ds) / 1000.0


def local_xy(p, origin):
    """Equirectangular projection (km) around origin; fine at <~50 km."""
    k = math.cos(math.radians(origin[1]))
    return ((p[0] - origin[0]) * 111.32 * k, (p[1] - origin[1]) * 110.574)


def point_segment_km(p, a, b):
    ax, ay = local_xy(a, p)
    bx, by = local_xy(b, p)
    dx, dy = bx - ax, by - ay
    L2 = dx * dx + dy * dy
    t = 0.0 if L2 == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / L2))
    return math.hypot(ax + t * dx, ay + t * dy)


def in_ring(p, ring):
    x, y = p
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y):
            if x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def orient(a, b, c):
    v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    return (v > 0) - (v < 0)


def on_segment(a, b, c):
    """c collinear with a-b: is it within the bounding box of a-b?"""
    return (min(a[0], b[0]) <= c[0] <= max(a[0], b[0])
            and min(a[1], b[1]) <= c[1] <= max(a[1], b[1]))


def segments_meet(p1, p2, q1, q2):
    """True if closed segments p1-p2 and q1-q2 share at least one point."""
    o1, o2 = orient(p1, p2, q1), orient(p1, p2, q2)
    o3, o4 = orient(q1, q2, p1), orient(q1, q2, p2)
    if o1 != o2 and o3 != o4:
        return True
    if o1 == 0 and on_segment(p1, p2, q1):
        return True
    if o2 == 0 and on_segment(p1, p2, q2):
        return True
    if o3 == 0 and on_segment(q1, q2, p1):
        return True
    if o4 == 0 and on_segment(q1, q2, p2):
        return True
    return False


def segment_gap_km(p1, p2, q1, q2):
    return min(point_segment_km(p1, q1, q2), point_segment_km(p2, q1, q2),
               point_segment_km(q1, p1, p2), point_segment_km(q2, p1, p2))


def decimals(x):
    s = repr(float(x))
    if "e" in s or "E" in s:
        return 99
    return len(s.split(".")[1]) if "." in s else 0


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    path = argv[1] if len(argv) > 1 else os.path.join(here, "..", "..", "data", "ukraine-2025.geojson")
    errors = []

    def err(msg):
        errors.append(msg)

    with open(path, encoding="utf-8") as fh:
        raw = fh.read()
    data = json.loads(raw)

    # Layout: header line, one feature per line, closing line.
    lines = raw.split("\n")
    body = [l for l in lines[1:] if l not in ("]}", "")]
    if lines[0] != '{"type":"FeatureCollection","features":[':
        err("first line is not the FeatureCollection header")
    if len(body) != len(data["features"]):
        err("file is not written one feature per line (%d feature lines, %d features)"
            % (len(body), len(data["features"])))
    else:
        for i, l in enumerate(body):
            try:
                json.loads(l.rstrip(","))
            except ValueError:
                err("line %d is not one complete feature" % (i + 2))

    lines_of_contact = [f for f in data["features"] if f["properties"].get("kind") == "line_of_contact"]
    outlines = [f for f in data["features"] if f["properties"].get("kind") == "outline"]
    if len(lines_of_contact) != 1 or len(outlines) != 1:
        print("FAIL: need exactly one line_of_contact and one outline feature")
        return 1
    feat, outline = lines_of_contact[0], outlines[0]
    props = feat["properties"]

    for k in REQUIRED_PROPS:
        if k not in props:
            err("property %r missing" % k)
    if props.get("kind") != "line_of_contact":
        err("kind is not line_of_contact")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(props.get("as_of", ""))):
        err("as_of is not a YYYY-MM-DD date")
    if props.get("approximate") is not True:
        err("approximate is not true")
    for k in ("name", "country", "source"):
        if not isinstance(props.get(k), str) or not props.get(k):
            err("property %r empty" % k)

    geom = feat["geometry"]
    if geom.get("type") != "LineString":
        err("geometry is not a LineString")
    pts = [tuple(c) for c in geom["coordinates"]]
    n = len(pts)
    if n < MIN_VERTICES:
        err("only %d vertices (need >= %d)" % (n, MIN_VERTICES))
    for i, c in enumerate(pts):
        if len(c) != 2:
            err("vertex %d is not [lon, lat]" % i)
            continue
        lon, lat = c
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            err("vertex %d out of range: %r" % (i, c))
        if not (20 < lon < 45 and 40 < lat < 55):
            err("vertex %d not in Ukraine's lon/lat box (swapped?): %r" % (i, c))
        if decimals(lon) > 4 or decimals(lat) > 4:
            err("vertex %d has more than 4 decimals: %r" % (i, c))
    for i in range(1, n):
        if pts[i] == pts[i - 1]:
            err("vertex %d repeats vertex %d" % (i, i - 1))

    places = props.get("places", [])
    if not isinstance(places, list) or len(places) != n:
        err("places has %s entries for %d vertices"
            % (len(places) if isinstance(places, list) else "no", n))
        places = (list(places) + [""] * n)[:n] if isinstance(places, list) else [""] * n
    if any(not isinstance(p, str) for p in places):
        err("places must all be strings")
    if places and places[0] != FIRST_PLACE:
        err("first place is %r, expected %r" % (places[0], FIRST_PLACE))
    if places and places[-1] != LAST_PLACE:
        err("last place is %r, expected %r" % (places[-1], LAST_PLACE))
    named = [p for p in places if p]
    dup = sorted({p for p in named if named.count(p) > 1})
    if dup:
        err("places named twice: %s" % ", ".join(dup))
    missing = [a for a in KNOWN_ANCHORS if a not in places]
    if missing:
        err("known anchors missing or respelled: %s" % ", ".join(missing))

    # Self-intersection / touching.
    segs = [(pts[i], pts[i + 1]) for i in range(n - 1)]
    min_gap = (float("inf"), None)
    for i in range(len(segs)):
        for j in range(i + 1, len(segs)):
            p1, p2 = segs[i]
            q1, q2 = segs[j]
            if j == i + 1:
                # Adjacent: may share only the common vertex p2 == q1.
                if (orient(p1, p2, q2) == 0 and on_segment(p1, p2, q2)) or \
                   (orient(q1, q2, p1) == 0 and on_segment(q1, q2, p1)):
                    err("segments %d and %d overlap (line folds back at vertex %d)" % (i, j, j))
                continue
            if segments_meet(p1, p2, q1, q2):
                err("segments %d (%s) and %d (%s) cross or touch"
                    % (i, places[i] or "-", j, places[j] or "-"))
            else:
                g = segment_gap_km(p1, p2, q1, q2)
                if g < min_gap[0]:
                    min_gap = (g, (i, j))

    # Inside the outline or within 5 km of its edge.
    polys = outline["geometry"]["coordinates"]
    if outline["geometry"]["type"] == "Polygon":
        polys = [polys]
    rings = [ring for poly in polys for ring in poly]

    def inside_outline(p):
        for poly in polys:
            if in_ring(p, poly[0]) and not any(in_ring(p, h) for h in poly[1:]):
                return True
        return False

    def edge_km(p):
        return min(point_segment_km(p, a, b) for ring in rings for a, b in zip(ring, ring[1:]))

    outside = []
    for i, p in enumerate(pts):
        if not inside_outline(p):
            d = edge_km(p)
            outside.append((d, i))
            if d > MAX_EDGE_KM:
                err("vertex %d (%s) %r is outside the outline by %.2f km (> %.0f km)"
                    % (i, places[i] or "-", p, d, MAX_EDGE_KM))

    # Length.
    L_v = L_h = 0.0
    cum = []
    for i in range(1, n):
        L_v += vincenty_km(pts[i - 1], pts[i])
        L_h += haversine_km(pts[i - 1], pts[i])
        if places[i]:
            cum.append((places[i], L_v))

    print("file: %s" % os.path.relpath(path))
    print("vertices: %d, named: %d, as_of: %s" % (n, len(named), props.get("as_of")))
    print("length: %.1f km (Vincenty, WGS84); %.1f km (haversine, R = %.4f km)" % (L_v, L_h, R_MEAN_KM))
    print("cumulative (Vincenty): " + "; ".join("%s %.0f" % c for c in cum))
    if min_gap[1]:
        print("closest non-adjacent segments: %d and %d, %.2f km apart" % (min_gap[1][0], min_gap[1][1], min_gap[0]))
    if outside:
        worst = max(outside)
        print("vertices outside the outline polygon: %d (limit %.1f km from its edge; farthest %.2f km, vertex %d)"
              % (len(outside), MAX_EDGE_KM, worst[0], worst[1]))
    else:
        print("vertices outside the outline polygon: 0")
    if errors:
        for e in errors:
            print("FAIL: " + e)
        print("%d check(s) failed" % len(errors))
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
