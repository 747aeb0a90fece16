#!/usr/bin/env python3
"""GEOS baseline for bench/merge.ts: the same cluster + merge as src/lib/geo, in shapely.

usage: merge.py <compounds.geojson> <tolerance_m> [runs]
prints one JSON line: {"ms_median", "ms_runs", "groups", "singletons", "shapely"}

Same steps as clusterAdjacent + mergeAdjacent: project to metres around the data's centre
(affine, equirectangular on WGS84 radii; done once, outside the timing, like reading the file),
STRtree on boxes grown by the tolerance, exact distance per candidate pair (skipped when the
pair is already joined), union-find; per group of 2+: union, closing by +tol/2 / -tol/2 with
mitre joins (limit 2), members added back, holes below max(1, tol^2/2) m^2 filled.
Works with shapely 1.8 and 2.x.
"""
import json
import math
import statistics
import sys
import time

import shapely
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.ops import unary_union
from shapely.strtree import STRtree

A = 6378137.0
E2 = 0.0066943799901413165


def project(features):
    xs, ys = [], []
    for f in features:
        g = f["geometry"]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        for rings in polys:
            for p in rings[0]:
                xs.append(p[0])
                ys.append(p[1])
    lon0 = (min(xs) + max(xs)) / 2
    lat0 = (min(ys) + max(ys)) / 2
    phi = math.radians(lat0)
    w = 1 - E2 * math.sin(phi) ** 2
    kx = A / math.sqrt(w) * math.cos(phi) * math.pi / 180
    ky = A * (1 - E2) / (w * math.sqrt(w)) * math.pi / 180

    def ring(r):
        return [((p[0] - lon0) * kx, (p[1] - lat0) * ky) for p in r]

    out = []
    for f in features:
        g = f["geometry"]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        parts = [Polygon(ring(rs[0]), [ring(h) for h in rs[1:]]) for rs in polys]
        out.append(parts[0] if len(parts) == 1 else MultiPolygon(parts))
    return out


def cluster(geoms, tol):
    n = len(geoms)
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    boxes = [g.envelope.buffer(tol / 2 + 0.001, join_style=2) for g in geoms]
    if shapely.__version__.startswith("1."):
        import warnings

        warnings.filterwarnings("ignore", category=DeprecationWarning)
        warnings.filterwarnings("ignore", message=".*STRtree.*")
        tree = STRtree(boxes, items=range(n))
        query = tree.query_items
    else:
        tree = STRtree(boxes)
        query = tree.query
    for i in range(n):
        for j in query(boxes[i]):
            j = int(j)
            if j <= i:
                continue
            ri, rj = find(i), find(j)
            if ri == rj:
                continue
            if geoms[i].distance(geoms[j]) <= tol + 0.001:
                parent[max(ri, rj)] = min(ri, rj)
    groups = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def fill_small_holes(g, min_hole):
    polys = [g] if g.geom_type == "Polygon" else [p for p in getattr(g, "geoms", []) if p.geom_type == "Polygon"]
    out = []
    for p in polys:
        keep = [h for h in p.interiors if Polygon(h).area >= min_hole]
        out.append(Polygon(p.exterior, keep))
    return out[0] if len(out) == 1 else MultiPolygon(out)


def merge(geoms, groups, tol):
    r = tol / 2 + 0.005
    min_hole = max(1.0, tol * tol / 2)
    zones = []
    for g in groups:
        if len(g) == 1:
            zones.append(geoms[g[0]])
            continue
        u = unary_union([geoms[i] for i in g])
        if tol > 0:
            closed = u.buffer(r, join_style=2, mitre_limit=2).buffer(-r, join_style=2, mitre_limit=2)
            u = closed.union(u)
        zones.append(fill_small_holes(u, min_hole))
    return zones


def main():
    path, tol = sys.argv[1], float(sys.argv[2])
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    with open(path, encoding="utf-8") as fh:
        features = json.load(fh)["features"]
    geoms = project(features)
    times = []
    groups = []
    for _ in range(runs):
        t0 = time.perf_counter()
        groups = cluster(geoms, tol)
        merge(geoms, groups, tol)
        times.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({
        "ms_median": round(statistics.median(times), 1),
        "ms_runs": [round(t, 1) for t in times],
        "groups": len(groups),
        "singletons": sum(1 for g in groups if len(g) == 1),
        "shapely": shapely.__version__,
    }))


if __name__ == "__main__":
    main()
