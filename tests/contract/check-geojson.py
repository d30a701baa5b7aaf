#!/usr/bin/python3
"""check-geojson.py FILE...: each GeoJSON file as RFC 7946 and the tools
that read it want it, checked with Shapely (Debian's python3-shapely) and
GDAL (gdal-bin):

- a FeatureCollection of Features, each with a geometry and properties;
- every polygon ring closed, of 4 positions or more, the outer ring
  counter-clockwise and every hole clockwise (3.1.6; Shapely's is_ccw);
- every position longitude, latitude, within range, with at most 6
  decimals (11.2: about 0.1 m);
- written compact: no line indented (guarantor writes one line; the
  built-in theatre's file, one feature a line);
- and ogr2ogr -lco RFC7946=YES, which rewinds whatever it finds wound the
  wrong way, gives back every ring as it was.

Exit 1 naming each fault, 0 when there is none.
"""
import json
import os
import subprocess
import sys
import tempfile
from decimal import Decimal

from shapely.geometry import LinearRing

FAULTS = []


def fault(name, what):
    FAULTS.append(f"{name}: {what}")


def positions(coords, depth):
    """The positions of a coordinates array nested depth deep."""
    if depth == 0:
        yield coords
    else:
        for c in coords:
            yield from positions(c, depth - 1)


DEPTH = {"Point": 0, "LineString": 1, "MultiPoint": 1, "Polygon": 2, "MultiLineString": 2,
         "MultiPolygon": 3}


def polygons(g):
    return [g["coordinates"]] if g["type"] == "Polygon" else \
        g["coordinates"] if g["type"] == "MultiPolygon" else []


def check_file(name, text):
    if any(line[:1] in (" ", "\t") for line in text.split("\n")):
        fault(name, "not compact: indented")
    # numbers kept as written, to count their decimals
    doc = json.loads(text, parse_float=lambda s: s, parse_int=lambda s: s)
    if doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        fault(name, "not a FeatureCollection with features")
        return []
    rings = []
    for i, f in enumerate(doc["features"]):
        where = f"feature {i} ({(f.get('properties') or {}).get('kind', '?')})"
        if f.get("type") != "Feature" or "properties" not in f or "geometry" not in f:
            fault(name, f"{where}: not a Feature with geometry and properties")
            continue
        g = f["geometry"]
        if g["type"] not in DEPTH:
            fault(name, f"{where}: geometry type {g['type']}")
            continue
        for p in positions(g["coordinates"], DEPTH[g["type"]]):
            if len(p) != 2:
                fault(name, f"{where}: a position of {len(p)} numbers")
                continue
            lon, lat = float(p[0]), float(p[1])
            if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                fault(name, f"{where}: position {p} out of range")
            for x in p:
                # 5e-05 is 0.00005: the decimals of the number, however written
                exponent = Decimal(x).normalize().as_tuple().exponent
                if isinstance(exponent, int) and -exponent > 6:
                    fault(name, f"{where}: {x} has more than 6 decimals")
        for k, poly in enumerate(polygons(g)):
            for r, ring in enumerate(poly):
                xy = [(float(a), float(b)) for a, b in ring]
                rings.append(xy)
                if len(xy) < 4 or xy[0] != xy[-1]:
                    fault(name, f"{where}: polygon {k} ring {r} is not closed or has under 4 positions")
                    continue
                ccw = LinearRing(xy).is_ccw
                if r == 0 and not ccw:
                    fault(name, f"{where}: polygon {k}'s outer ring runs clockwise")
                if r > 0 and ccw:
                    fault(name, f"{where}: polygon {k}'s hole {r} runs counter-clockwise")
    return rings


def gdal_rings(name, path):
    """The rings of path as ogr2ogr -lco RFC7946=YES writes them."""
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "rfc7946.geojson")
        p = subprocess.run(["ogr2ogr", "-f", "GeoJSON", "-lco", "RFC7946=YES",
                            "-lco", "COORDINATE_PRECISION=6", out, path],
                           capture_output=True, text=True)
        if p.returncode != 0:
            fault(name, f"ogr2ogr cannot read it: {p.stderr.strip()}")
            return None
        with open(out) as f:
            doc = json.load(f)
    rings = []
    for f in doc["features"]:
        g = f.get("geometry")
        for poly in polygons(g) if g else []:
            rings.extend([[(a, b) for a, b in ring] for ring in poly])
    return rings


def main(paths):
    for path in paths:
        name = os.path.basename(path)
        before = len(FAULTS)
        with open(path) as f:
            text = f.read()
        ours = check_file(name, text)
        theirs = gdal_rings(name, path)
        if theirs is None:
            continue
        if len(theirs) != len(ours):
            fault(name, f"ogr2ogr -lco RFC7946=YES gives {len(theirs)} rings for {len(ours)}")
            continue
        changed = sum(1 for a, b in zip(ours, theirs)
                      if len(a) != len(b) or any(abs(p[0] - q[0]) > 1e-9 or abs(p[1] - q[1]) > 1e-9
                                                 for p, q in zip(a, b)))
        if changed:
            fault(name, f"ogr2ogr -lco RFC7946=YES changes {changed} of {len(ours)} rings")
        if len(FAULTS) == before:
            print(f"check-geojson: {name}: {len(ours)} rings, RFC 7946 as written")
    for f in FAULTS[:40]:
        print("check-geojson: " + f, file=sys.stderr)
    return 1 if FAULTS else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1:]))
