# Independent validity oracle for tests: GEOS (through Debian's python3-shapely) judges each geometry.
# stdin: a JSON list of GeoJSON geometries; stdout: a JSON list of {"valid": bool, "reason": str, "area": float}.
import json
import sys

from shapely.geometry import shape
from shapely.validation import explain_validity

out = []
for g in json.load(sys.stdin):
    try:
        s = shape(g)
        valid = bool(s.is_valid)
        out.append({"valid": valid, "reason": "" if valid else explain_validity(s), "area": s.area})
    except Exception as e:  # shapely cannot even build it: invalid
        out.append({"valid": False, "reason": "unbuildable: %s" % e, "area": 0.0})
json.dump(out, sys.stdout)
