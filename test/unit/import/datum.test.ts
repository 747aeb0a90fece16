// Datum detection for lon/lat files: a GCJ-02 file whose name says nothing is recognised by comparing it with the
// register's compounds (same code, or same name); without compounds to compare, nothing decides and the user must
// choose (the county border cannot tell: the datums differ by a few hundred metres, all inside Fenyang).
import { describe, expect, it } from 'vitest';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { BD09, GCJ02, WGS84 } from '../../../src/lib/geo/crs';
import { fromWgs84Position, mapPositions } from '../../../src/lib/geo/crs/transform';
import { detectDatum, type KnownCompound } from '../../../src/lib/import/datum';
import { guessCrs } from '../../../src/lib/geo/crs';
import { samplePositions } from '../../../src/lib/import/common';

const demo = JSON.parse(readFileSync('data/demo/compounds.geojson', 'utf8')).features as Feature<Polygon | MultiPolygon, { code: string; name: string }>[];
const county = JSON.parse(readFileSync('data/fenyang-outline.geojson', 'utf8')).features[0].geometry as Polygon;
const known: KnownCompound[] = demo.map((f) => ({ code: f.properties.code, name: f.properties.name, geometry: f.geometry }));
/** The first n demo compounds as a file would hold them in datum `crs`, with neutral column names. */
const fileIn = (crs: typeof GCJ02, n = 12, props = (f: Feature<Polygon | MultiPolygon, { code: string; name: string }>): Record<string, string> => ({ 编号: f.properties.code, 名称: f.properties.name })) =>
  demo.slice(0, n).map((f) => ({ type: 'Feature' as const, properties: props(f), geometry: mapPositions(f.geometry, (p) => fromWgs84Position(p, crs)) }));

describe('detectDatum', () => {
  it('recognises a GCJ-02 file with a neutral name by its offset from compounds of the same code', () => {
    const file = fileIn(GCJ02);
    // Numbers alone rank WGS84 first …
    expect(guessCrs(samplePositions(file), { text: 'compounds.geojson' })[0].crs.id).toBe(WGS84.id);
    // … the register decides.
    const ev = detectDatum(file, { code: '编号', name: '名称' }, known, county);
    expect(ev.decided?.id).toBe(GCJ02.id);
    expect(ev.matched).toBe(12);
    expect(ev.offsets[GCJ02.id]).toBeLessThan(1);
    expect(ev.offsets[WGS84.id]).toBeGreaterThan(300);
    expect(ev.reason).toMatchObject({ code: 'datum_by_compounds', params: { n: 12, how: 'code', best: 'GCJ-02' } });
  });
  it('matches by name when the file has no codes, and recognises BD-09 and WGS84 too', () => {
    const byName = detectDatum(fileIn(BD09, 8, (f) => ({ 小区名称: f.properties.name })), { name: '小区名称' }, known, county);
    expect(byName.decided?.id).toBe(BD09.id);
    expect(byName.reason.params).toMatchObject({ how: 'name', n: 8 });
    expect(detectDatum(fileIn(WGS84), { code: '编号' }, known, county).decided?.id).toBe(WGS84.id);
  });
  it('requires an explicit choice when there is nothing to compare with', () => {
    const ev = detectDatum(fileIn(GCJ02), { code: '编号', name: '名称' }, [], county);
    expect(ev.decided).toBeNull();
    expect(ev.reason).toEqual({ code: 'datum_undecided', params: { why: 'no_match' } });
    expect(detectDatum(fileIn(GCJ02), {}, known, null).decided).toBeNull();
  });
  it('reads latitude-first files in the order given', () => {
    const swapped = fileIn(GCJ02).map((f) => ({ ...f, geometry: mapPositions(f.geometry, (p) => [p[1], p[0]]) }));
    expect(detectDatum(swapped, { code: '编号' }, known, county, true).decided?.id).toBe(GCJ02.id);
  });
});
