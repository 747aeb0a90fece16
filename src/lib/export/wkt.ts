// Well-Known Text for Point, LineString, Polygon, MultiPolygon (and MultiPoint, MultiLineString).
// Kept rather than @terraformer/wkt 2.2, which was tried: it refuses EWKT (`SRID=4326;…`, what PostGIS exports give)
// and lower-case keywords, keeps M values as a third ordinate, adds a `properties` member to the geometries it parses,
// and writes every digit of a double (no rounding) — the importer and the CSV export need all four the other way.
import type { Geometry, Position } from 'geojson';

function num(n: number): string {
  // Up to 9 decimals (~0.1 mm in degrees), no trailing zeros, no exponent for ordinary values.
  return String(Number(n.toFixed(9)));
}
const pos = (p: Position) => p.map(num).join(' ');
const ring = (r: Position[]) => `(${r.map(pos).join(', ')})`;
const poly = (p: Position[][]) => `(${p.map(ring).join(', ')})`;

/**
 * Write a geometry as WKT (2D or 3D as given; up to 9 decimals).
 * @example toWKT({ type: 'Point', coordinates: [111.78, 37.27] }) // 'POINT (111.78 37.27)'
 */
export function toWKT(geom: Geometry | null): string {
  if (!geom) return 'GEOMETRYCOLLECTION EMPTY';
  switch (geom.type) {
    case 'Point':
      return geom.coordinates.length ? `POINT (${pos(geom.coordinates)})` : 'POINT EMPTY';
    case 'MultiPoint':
      return geom.coordinates.length ? `MULTIPOINT (${geom.coordinates.map((p) => `(${pos(p)})`).join(', ')})` : 'MULTIPOINT EMPTY';
    case 'LineString':
      return geom.coordinates.length ? `LINESTRING ${ring(geom.coordinates)}` : 'LINESTRING EMPTY';
    case 'MultiLineString':
      return geom.coordinates.length ? `MULTILINESTRING (${geom.coordinates.map(ring).join(', ')})` : 'MULTILINESTRING EMPTY';
    case 'Polygon':
      return geom.coordinates.length ? `POLYGON ${poly(geom.coordinates)}` : 'POLYGON EMPTY';
    case 'MultiPolygon':
      return geom.coordinates.length ? `MULTIPOLYGON (${geom.coordinates.map(poly).join(', ')})` : 'MULTIPOLYGON EMPTY';
    case 'GeometryCollection':
      return geom.geometries.length ? `GEOMETRYCOLLECTION (${geom.geometries.map(toWKT).join(', ')})` : 'GEOMETRYCOLLECTION EMPTY';
  }
}

type Nested = number[] | Nested[];

/**
 * Parse WKT (or EWKT with an `SRID=…;` prefix, which is dropped) into a GeoJSON geometry.
 * Z / M / ZM markers are accepted; M values are dropped. Throws an Error with a readable message
 * on malformed input.
 * @example parseWKT('POLYGON ((0 0, 1 0, 1 1, 0 0))').type // 'Polygon'
 */
export function parseWKT(text: string): Geometry {
  let s = text.trim().replace(/^SRID=\d+;/i, '');
  const head = /^([A-Za-z]+)\s*(ZM|Z|M)?\s*/.exec(s);
  if (!head) throw new Error(`Not WKT: ${text.slice(0, 40)}`);
  const type = head[1].toUpperCase();
  const dims = (head[2] ?? '').toUpperCase();
  s = s.slice(head[0].length).trim();
  const empty = /^EMPTY$/i.test(s);

  if (type === 'GEOMETRYCOLLECTION') {
    if (empty) return { type: 'GeometryCollection', geometries: [] };
    const inner = s.replace(/^\(/, '').replace(/\)$/, '');
    const parts: string[] = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < inner.length; i++) {
      const ch = inner[i];
      if (ch === '(') depth++;
      else if (ch === ')') depth--;
      else if (ch === ',' && depth === 0) {
        parts.push(inner.slice(start, i));
        start = i + 1;
      }
    }
    parts.push(inner.slice(start));
    return { type: 'GeometryCollection', geometries: parts.map((p) => parseWKT(p)) };
  }

  const nested = empty ? [] : parseNested(s);
  const dropM = (p: number[]): Position => (dims === 'M' ? p.slice(0, 2) : dims === 'ZM' ? p.slice(0, 3) : p);
  const asPos = (n: Nested): Position => {
    if (!Array.isArray(n) || n.length < 2 || typeof n[0] !== 'number') throw new Error('WKT position needs at least two numbers');
    return dropM(n as number[]);
  };
  const list = (n: Nested): Nested[] => n as Nested[];
  // MULTIPOINT may be written with or without parentheses around each point.
  const mpoint = (n: Nested[]): Position[] => n.map((x) => (Array.isArray(x) && Array.isArray(x[0]) ? asPos((x as Nested[])[0]) : asPos(x)));
  switch (type) {
    case 'POINT':
      return { type: 'Point', coordinates: empty ? [] : asPos(list(nested)[0]) };
    case 'MULTIPOINT':
      return { type: 'MultiPoint', coordinates: mpoint(list(nested)) };
    case 'LINESTRING':
      return { type: 'LineString', coordinates: list(nested).map(asPos) };
    case 'MULTILINESTRING':
      return { type: 'MultiLineString', coordinates: list(nested).map((l) => list(l).map(asPos)) };
    case 'POLYGON':
      return { type: 'Polygon', coordinates: list(nested).map((r) => list(r).map(asPos)) };
    case 'MULTIPOLYGON':
      return { type: 'MultiPolygon', coordinates: list(nested).map((p) => list(p).map((r) => list(r).map(asPos))) };
    default:
      throw new Error(`Unsupported WKT type: ${type}`);
  }
}

/** Parse '((1 2, 3 4), (5 6))' into nested arrays; the innermost arrays are positions. */
function parseNested(s: string): Nested[] {
  let i = 0;
  const skip = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  function group(): Nested[] {
    skip();
    if (s[i] !== '(') throw new Error(`WKT: expected "(" at ${i}`);
    i++;
    const items: Nested[] = [];
    for (;;) {
      skip();
      if (s[i] === '(') items.push(group() as Nested);
      else {
        const m = /^[-+0-9.eE]+(?:\s+[-+0-9.eE]+)*/.exec(s.slice(i));
        if (!m) throw new Error(`WKT: expected a number at ${i}`);
        const nums = m[0].split(/\s+/).map(Number);
        if (nums.some((x) => !Number.isFinite(x))) throw new Error(`WKT: bad number near ${i}`);
        items.push(nums);
        i += m[0].length;
      }
      skip();
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s[i] === ')') {
        i++;
        return items;
      }
      throw new Error(`WKT: expected "," or ")" at ${i}`);
    }
  }
  const out = group();
  skip();
  if (i !== s.length) throw new Error(`WKT: unexpected text at ${i}`);
  return out;
}
