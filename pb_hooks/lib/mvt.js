// A Mapbox Vector Tile (MVT 2.1) encoder for polygons, small enough for PocketBase's JS VM: GeoJSON features in
// WGS84 → one tile's protobuf bytes. Positions are projected to Web Mercator tile coordinates (extent 4096), rounded,
// and repeated points dropped; rings that collapse below 3 points are left out (a polygon whose exterior collapses
// is left out whole: sub-pixel at that zoom). MVT wants exteriors with a positive surveyor's area in tile coordinates
// (y down): the reverse of RFC 7946's counter-clockwise exteriors, so every stored ring is written backwards. Features are not clipped to
// the tile: MapLibre clips when drawing, and a compound or building spans few tiles.
// Plain JS, loadable from Node (tests decode its output with an independent reader).

var EXTENT = 4096;

function Writer() {
  this.bytes = [];
}
Writer.prototype.varint = function (n) {
  // n ≥ 0, below 2^53
  while (n > 127) {
    this.bytes.push((n % 128) | 128);
    n = Math.floor(n / 128);
  }
  this.bytes.push(n);
};
Writer.prototype.tag = function (field, wire) {
  this.varint(field * 8 + wire);
};
Writer.prototype.raw = function (bytes) {
  for (var i = 0; i < bytes.length; i++) this.bytes.push(bytes[i]);
};
Writer.prototype.message = function (field, inner) {
  this.tag(field, 2);
  this.varint(inner.length);
  this.raw(inner);
};
Writer.prototype.string = function (field, s) {
  this.message(field, utf8(s));
};
Writer.prototype.packed = function (field, ints) {
  var w = new Writer();
  for (var i = 0; i < ints.length; i++) w.varint(ints[i]);
  this.message(field, w.bytes);
};

function utf8(s) {
  var out = [];
  for (var i = 0; i < s.length; i++) {
    var c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      var d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

function zigzag(n) {
  return n < 0 ? -2 * n - 1 : 2 * n;
}

function doubleBytes(v) {
  var view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v, true);
  var out = [];
  for (var i = 0; i < 8; i++) out.push(view.getUint8(i));
  return out;
}

/** A property value as an MVT Value message (strings, booleans, integers as sint, other numbers as double). */
function valueBytes(v) {
  var w = new Writer();
  if (typeof v === "boolean") {
    w.tag(7, 0);
    w.varint(v ? 1 : 0);
  } else if (typeof v === "number" && isFinite(v)) {
    if (Math.floor(v) === v && Math.abs(v) < 9e15) {
      w.tag(6, 0);
      w.varint(zigzag(v));
    } else {
      w.tag(3, 1);
      w.raw(doubleBytes(v));
    }
  } else {
    w.string(1, String(v));
  }
  return w.bytes;
}

/** Tile-pixel position (extent units) of a WGS84 position in tile z/x/y. */
function project(p, z, x, y) {
  var n = Math.pow(2, z);
  var lat = Math.max(-85.05112878, Math.min(85.05112878, p[1]));
  var s = Math.sin((lat * Math.PI) / 180);
  var px = ((p[0] + 180) / 360) * n - x;
  var py = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n - y;
  return [Math.round(px * EXTENT), Math.round(py * EXTENT)];
}

/** Geometry commands of one polygon's rings (already projected), appended to `cmds`; false when the exterior collapsed. */
function ringCommands(rings, cmds, cursor) {
  for (var r = 0; r < rings.length; r++) {
    var ring = rings[r];
    var pts = [];
    for (var i = 0; i < ring.length; i++) {
      var q = ring[i];
      var last = pts[pts.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) pts.push(q);
    }
    if (pts.length > 1 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1]) pts.pop();
    if (pts.length < 3) {
      if (r === 0) return false;
      continue;
    }
    cmds.push(1 | (1 << 3), zigzag(pts[0][0] - cursor[0]), zigzag(pts[0][1] - cursor[1]));
    cursor[0] = pts[0][0];
    cursor[1] = pts[0][1];
    cmds.push(2 | ((pts.length - 1) << 3));
    for (var k = 1; k < pts.length; k++) {
      cmds.push(zigzag(pts[k][0] - cursor[0]), zigzag(pts[k][1] - cursor[1]));
      cursor[0] = pts[k][0];
      cursor[1] = pts[k][1];
    }
    cmds.push(7 | (1 << 3));
  }
  return true;
}

/**
 * One layer's features in tile z/x/y as MVT bytes (an array of byte values).
 * `features`: [{geometry: Polygon|MultiPolygon (WGS84), properties: {...}}]; null and undefined properties are left out.
 * @example tileBytes("buildings", [{geometry: {type: "Polygon", coordinates: [...]}, properties: {id: "abc", floors: 6}}], 16, 53110, 25070)
 */
function tileBytes(layerName, features, z, x, y) {
  var keys = [], keyIndex = {}, values = [], valueIndex = {};
  var layer = new Writer();
  layer.tag(15, 0);
  layer.varint(2);
  layer.string(1, layerName);
  for (var f = 0; f < features.length; f++) {
    var g = features[f].geometry;
    if (!g) continue;
    var polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    var cmds = [];
    var cursor = [0, 0];
    for (var p = 0; p < polys.length; p++) {
      var rings = [];
      for (var r = 0; r < polys[p].length; r++) {
        var proj = [];
        for (var i = polys[p][r].length - 1; i >= 0; i--) proj.push(project(polys[p][r][i], z, x, y));
        rings.push(proj);
      }
      var mark = cmds.length;
      var cursorBefore = [cursor[0], cursor[1]];
      if (!ringCommands(rings, cmds, cursor)) {
        cmds.length = mark;
        cursor[0] = cursorBefore[0];
        cursor[1] = cursorBefore[1];
      }
    }
    if (!cmds.length) continue;
    var tags = [];
    var props = features[f].properties || {};
    for (var k in props) {
      var v = props[k];
      if (v === null || v === undefined) continue;
      if (!(k in keyIndex)) {
        keyIndex[k] = keys.length;
        keys.push(k);
      }
      var vk = typeof v + ":" + String(v);
      if (!(vk in valueIndex)) {
        valueIndex[vk] = values.length;
        values.push(v);
      }
      tags.push(keyIndex[k], valueIndex[vk]);
    }
    var feat = new Writer();
    if (tags.length) feat.packed(2, tags);
    feat.tag(3, 0);
    feat.varint(3); // POLYGON
    feat.packed(4, cmds);
    layer.message(2, feat.bytes);
  }
  for (var a = 0; a < keys.length; a++) layer.string(3, keys[a]);
  for (var b = 0; b < values.length; b++) layer.message(4, valueBytes(values[b]));
  layer.tag(5, 0);
  layer.varint(EXTENT);
  var tile = new Writer();
  tile.message(3, layer.bytes);
  return tile.bytes;
}

/** [west, south, east, north] in degrees of tile z/x/y, grown by `buffer` of its width on each side. */
function tileBounds(z, x, y, buffer) {
  var n = Math.pow(2, z);
  var b = buffer || 0;
  var lon = function (tx) { return (tx / n) * 360 - 180; };
  var lat = function (ty) { return (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / n))) * 180) / Math.PI; };
  return [lon(x - b), lat(y + 1 + b), lon(x + 1 + b), lat(y - b)];
}

module.exports = { tileBytes: tileBytes, tileBounds: tileBounds, project: project, EXTENT: EXTENT };
