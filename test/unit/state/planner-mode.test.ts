// Guards the planner's one mode: tabs, the selection tool, a merge preview, drawing and editing, and the site finder
// are values of one union changed only through PlannerState's transitions; what the planning layers show (merge
// groups, candidates, zone focus, the drag tool) is derived from it — tested without a map.
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ZoneRecord } from '../../../src/lib/data/records';
import type { IdleLandResult } from '../../../src/lib/geo/idle-land';
import { mergeAdjacent } from '../../../src/lib/geo/merge-zones';
import { PlannerState } from '../../../src/lib/state/planner.svelte';

const sq = (x: number, d = 0.0005): Polygon => ({ type: 'Polygon', coordinates: [[[x, 37.26], [x + d, 37.26], [x + d, 37.26 + d], [x, 37.26 + d], [x, 37.26]]] });
const merged = () => mergeAdjacent({
  type: 'FeatureCollection',
  features: [sq(111.78), sq(111.7805), sq(111.79)].map((geometry, i) => ({ type: 'Feature', properties: { id: `c${i}` }, geometry })),
}, { toleranceM: 15, idProperty: 'id' });
const zone = { id: 'z1', name: '片区', geometry: sq(111.78), version: 1 } as unknown as ZoneRecord;

describe('the planner mode', () => {
  it('starts browsing, and each tab is a mode', () => {
    const p = new PlannerState();
    expect([p.mode.kind, p.tab, p.tool, p.drawing]).toEqual(['browse', 'layers', 'click', false]);
    p.openTab('selection');
    expect(p.mode.kind).toBe('select');
    p.openTab('zones');
    expect(p.mode.kind).toBe('zones');
    p.openTab('sites');
    expect(p.mode).toMatchObject({ kind: 'site-finder', facilityType: 'elderly_station', radiusM: 300, found: null });
    expect(p.tab).toBe('sites');
  });

  it('box and lasso belong to the selection tab, which remembers the last tool', () => {
    const p = new PlannerState();
    p.setTool('box'); // not in the selection tab: nothing happens
    expect(p.tool).toBe('click');
    p.openTab('selection');
    p.setTool('lasso');
    expect(p.tool).toBe('lasso');
    p.openTab('zones');
    expect(p.tool).toBe('click');
    p.openTab('selection');
    expect(p.tool).toBe('lasso');
  });

  it('previews a merge with its groups accepted, derives the map preview, and drops it when drawing starts', () => {
    const p = new PlannerState();
    p.openTab('zones');
    expect(p.mergePreview.features).toEqual([]);
    const result = merged();
    const groupIndex = result.features.findIndex((f) => !f.properties.singleton);
    p.previewMerge(result);
    expect(p.mode.kind).toBe('merge-preview');
    expect(p.tab).toBe('zones');
    expect(p.mergePreview.features).toHaveLength(1); // the singleton is not drawn
    expect(p.mergePreview.features[0].properties).toMatchObject({ key: `merge-${groupIndex}`, accepted: true });
    p.acceptGroup(groupIndex, false);
    expect(p.mergePreview.features[0].properties!.accepted).toBe(false);
    p.startDrawing();
    expect([p.mode.kind, p.drawing, p.mergePreview.features.length]).toEqual(['draw', true, 0]);
    p.stopDrawing();
    expect(p.mode.kind).toBe('zones');
  });

  it('edits a zone outline and falls back to a new drawing when the zone is gone', () => {
    const p = new PlannerState();
    p.openTab('zones');
    p.editZone(zone);
    expect([p.mode.kind, p.editing?.id, p.drawing]).toEqual(['edit-zone', 'z1', true]);
    p.editZone(null);
    expect([p.mode.kind, p.editing]).toEqual(['draw', null]);
    p.openTab('layers'); // leaving the tab leaves the drawing
    expect(p.drawing).toBe(false);
  });

  it('keeps the focused zone across modes', () => {
    const p = new PlannerState();
    p.openTab('zones');
    p.focusOnZone('z1');
    p.openTab('layers');
    expect(p.focusZone).toBe('z1');
    p.openTab('sites');
    expect(p.focusZone).toBe('z1');
    p.focusOnZone(null);
    expect(p.focusZone).toBeNull();
  });

  it('shows the finder candidates not yet placed, keyed for the focus state', () => {
    const p = new PlannerState();
    p.openTab('sites');
    const candidate = (kind: 'idle_land' | 'idle_building') => ({ type: 'Feature' as const, geometry: sq(111.78), properties: { kind, area_m2: 300, usable_width_m: 12, road_distance_m: 5 } });
    const result = { candidates: { type: 'FeatureCollection', features: [candidate('idle_land'), candidate('idle_building')] }, stats: {} } as unknown as IdleLandResult;
    p.showCandidates({ result, zone: 'z1', label: '片区', type: 'elderly_station' });
    expect(p.candidates.features.map((f) => f.properties!.key)).toEqual(['c0', 'c1']);
    p.focusCandidate(1);
    expect(p.candidateFocus).toBe('c1');
    p.markPlaced(1);
    expect(p.candidates.features.map((f) => f.properties!.key)).toEqual(['c0']);
    expect(p.candidateFocus).toBeNull();
    p.chooseFacility('clinic', 1000);
    expect(p.mode).toMatchObject({ facilityType: 'clinic', radiusM: 1000 });
    p.openTab('layers');
    expect(p.candidates.features).toEqual([]);
  });
});
