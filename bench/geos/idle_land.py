#!/usr/bin/python3
"""The idle-land and coverage pipelines of src/lib/geo/{idle-land,coverage}.ts in shapely/GEOS,
timed on the same data file that bench/idle-land.ts writes.

Usage: /usr/bin/python3 bench/geos/idle_land.py DATA.json
DATA.json: { "lon0", "lat0", "compounds", "buildings", "roads", "facilities", "idleBuildings",
             "coverageCompounds"?, "coverageFacilities"?, "opts": {setbackM, minWidthM, minAreaM2},
             "radiusM": {type: metres}, "runs", "warmup", "withCoverage" }
Prints one JSON object: idle_land_ms (median), coverage_ms (median or null), pieces, candidateM2.

Projection (lon/lat → metres, equirectangular at the centre with WGS84 radii) is done once before
timing; the TypeScript side projects inside its timed calls, so this comparison favours GEOS.
Buffers use round joins with resolution 4 (≈ the 10 cm arc tolerance of the TypeScript side for the
radii involved). Usable width is a binary search to 0.5 m as in TypeScript; road distance likewise.
"""
import json
import math
import sys
import time

try:
    from shapely.geometry import shape, Point
    from shapely.ops import unary_union
    from shapely.strtree import STRtree
    from shapely.affinity import affine_transform
    import shapely
except Exception as e:  # no shapely: report nulls, as the caller expects
    print(json.dumps({"error": f"shapely unavailable: {e}", "idle_land_ms": None, "coverage_ms": None}))
    sys.exit(0)

RES = 4


def frame(lon0, lat0):
    a, e2 = 6378137.0, 0.0066943799901413165
    s = math.sin(math.radians(lat0))
    n = a / math.sqrt(1 - e2 * s * s)
    m = a * (1 - e2) / (1 - e2 * s * s) ** 1.5
    kx = n * math.cos(math.radians(lat0)) * math.pi / 180
    ky = m * math.pi / 180
    # x = kx (lon − lon0), y = ky (lat − lat0)
    return [kx, 0, 0, ky, -kx * lon0, -ky * lat0]


def load(fc, mat):
    out = []
    for f in fc["features"]:
        g = f.get("geometry")
        if not g:
            continue
        geom = affine_transform(shape(g), mat)
        if not geom.is_valid:
            geom = geom.buffer(0)
        out.append((geom, f.get("properties") or {}))
    return out


def usable_width(poly, lo):
    minx, miny, maxx, maxy = poly.bounds
    hi = min(maxx - minx, maxy - miny) + 0.5
    lo = max(0.0, min(lo, hi))
    if lo > 0 and poly.buffer(-lo / 2, RES).is_empty:
        lo = 0.0
    while hi - lo > 0.5:
        mid = (lo + hi) / 2
        if not poly.buffer(-mid / 2, RES).is_empty:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


class Index:
    def __init__(self, items):
        self.items = items
        self.tree = STRtree([g for g, _ in items]) if items else None

    def near(self, box):
        if not self.tree:
            return []
        return sorted(self.tree.query_items(box))


def idle_land(area, bidx, ridx, fidx, iidx, opts):
    setback, w, min_area = opts["setbackM"], opts["minWidthM"], opts["minAreaM2"]
    obst = []
    for i in bidx.near(area.buffer(setback + 1, 1).envelope):
        obst.append(bidx.items[i][0].buffer(setback, RES))
    for i in iidx.near(area.buffer(setback + 1, 1).envelope):
        obst.append(iidx.items[i][0].buffer(setback, RES))
    roads = []
    for i in ridx.near(area.envelope.buffer(51)):
        g, p = ridx.items[i]
        half = (p.get("width_m") or 6) / 2
        roads.append((g, half))
        obst.append(g.buffer(half, RES))
    for i in fidx.near(area.envelope.buffer(11)):
        g, _ = fidx.items[i]
        obst.append(g.buffer(10, RES) if g.geom_type == "Point" else g)
    free = area.difference(unary_union(obst)) if obst else area
    opened = free.buffer(-w / 2, RES).buffer(w / 2, RES).intersection(free)
    parts = getattr(opened, "geoms", [opened])
    kept = []
    for piece in parts:
        if piece.geom_type != "Polygon" or piece.area < min_area:
            continue
        width = usable_width(piece, w)
        road = min((max(0.0, piece.distance(g) - h) for g, h in roads), default=None)
        kept.append((piece.area, width, road))
    return kept


def coverage(compounds, facilities, radius_by_type):
    by_type = {}
    for g, p in facilities:
        by_type.setdefault(p.get("type"), []).append(g)
    trees = {t: (STRtree(gs), gs) for t, gs in by_type.items() if t in radius_by_type}
    covered = 0
    for cg, _ in compounds:
        for t, (tree, gs) in trees.items():
            r = radius_by_type[t]
            minx, miny, maxx, maxy = cg.bounds
            from shapely.geometry import box
            best = math.inf
            for i in tree.query_items(box(minx - r, miny - r, maxx + r, maxy + r)):
                d = cg.distance(gs[i])
                if d < best:
                    best = d
            if best <= r:
                covered += 1
    return covered


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2] if xs else None


def main():
    data = json.load(open(sys.argv[1]))
    mat = frame(data["lon0"], data["lat0"])
    compounds = load(data["compounds"], mat)
    bidx = Index(load(data["buildings"], mat))
    ridx = Index(load(data["roads"], mat))
    fidx = Index(load(data["facilities"], mat))
    iidx = Index(load(data.get("idleBuildings") or {"features": []}, mat))
    opts = data["opts"]
    runs, warmup = data.get("runs", 3), data.get("warmup", 1)
    times = []
    pieces = 0
    total = 0.0
    # withIdleLand false: coverage only (China scale, where the bench generates no buildings)
    for k in range(warmup + runs if data.get("withIdleLand", True) else 0):
        t0 = time.perf_counter()
        pieces, total = 0, 0.0
        for g, _ in compounds:
            kept = idle_land(g, bidx, ridx, fidx, iidx, opts)
            pieces += len(kept)
            total += sum(a for a, _, _ in kept)
        if k >= warmup:
            times.append((time.perf_counter() - t0) * 1000)
    cov_ms = None
    covered = None
    if data.get("withCoverage"):
        cc = load(data["coverageCompounds"], mat) if data.get("coverageCompounds") else compounds
        ff = load(data["coverageFacilities"], mat) if data.get("coverageFacilities") else fidx.items
        ct = []
        for k in range(warmup + runs):
            t0 = time.perf_counter()
            covered = coverage(cc, ff, data["radiusM"])
            if k >= warmup:
                ct.append((time.perf_counter() - t0) * 1000)
        cov_ms = median(ct)
    print(json.dumps({
        "idle_land_ms": median(times) if times else None,
        "coverage_ms": cov_ms,
        "pieces": pieces,
        "candidateM2": round(total, 1),
        "coveredPairs": covered,
        "geos": shapely.geos.geos_version_string,
        "shapely": shapely.__version__,
    }))


if __name__ == "__main__":
    main()
