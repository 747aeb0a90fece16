// Measuring an idle-land piece: its usable width (twice the radius of the largest circle it holds, found by
// polylabel) and its distance to the nearest road edge (centreline distance minus half width, looking up to 2 km).
import polylabel from 'polylabel';
import type { Feature, FeatureCollection, LineString, MultiLineString } from 'geojson';
import type { LocalFrame } from './local-metric';
import { planarShape, shapeDistanceM, type PlanarShape } from './planar-shape';
import { roadHalfWidthM } from './idle-land-obstacles';
import { featuresNear } from './spatial-index';

const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Usable width in metres ≈ 2 × the radius of the largest inscribed circle (polylabel, to 5 cm), one decimal.
 * @param rings outer ring first, then holes, as [x, y] metres
 * @example usableWidthM([[[0, 0], [30, 0], [30, 10], [0, 10], [0, 0]]]) // 10
 */
export function usableWidthM(rings: [number, number][][]): number {
  if (!rings.length || rings[0].length < 4) return 0;
  const pole = polylabel(rings, 0.05);
  return r1(Math.max(0, 2 * pole.distance));
}

/** A shape (metres) as polylabel rings: closed [x, y] pairs. */
export function shapeRings(s: PlanarShape): [number, number][][] {
  return s.rings.map((r) => {
    const out: [number, number][] = [];
    for (let i = 0; i < r.length; i += 2) out.push([r[i], r[i + 1]]);
    if (out.length) out.push([out[0][0], out[0][1]]);
    return out;
  });
}

/**
 * Distance from pieces to the nearest road edge, in metres: roads near the area first, and once per search the roads
 * up to 2 km out when none is near; null when no road edge lies within 2 km.
 * @example const d = new RoadDistance(frame, nearRoads, allRoads, areaBox); d.to(pieceShape) // 12.5
 */
export class RoadDistance {
  private shapes: { s: PlanarShape; half: number }[] = [];
  private farLoaded = false;

  constructor(
    private readonly frame: LocalFrame,
    near: Feature<LineString | MultiLineString>[],
    private readonly all: FeatureCollection<LineString | MultiLineString> | undefined,
    private readonly areaBox: readonly number[],
    private readonly fixedHalfWidthM?: number,
  ) {
    this.add(near);
  }

  private add(list: Feature<LineString | MultiLineString>[]): void {
    for (const f of list) {
      const s = planarShape(f.geometry, this.frame);
      if (s) this.shapes.push({ s, half: roadHalfWidthM(f.properties, this.fixedHalfWidthM) });
    }
  }

  /** Metres from the shape to the nearest road edge (0 when it reaches into the road), or null beyond 2 km. */
  to(piece: PlanarShape): number | null {
    let best = Infinity;
    for (const r of this.shapes) {
      const d = Math.max(0, shapeDistanceM(piece, r.s) - r.half);
      if (d < best) best = d;
    }
    if (best === Infinity && !this.farLoaded && this.all) {
      this.farLoaded = true;
      const k = 2000;
      const { frame, areaBox: b } = this;
      const far = featuresNear(this.all, [b[0] - k / frame.mPerDegLon, b[1] - k / frame.mPerDegLat, b[2] + k / frame.mPerDegLon, b[3] + k / frame.mPerDegLat]);
      this.shapes = []; // the far box holds the near roads too
      this.add(far);
      return this.to(piece);
    }
    return best === Infinity || best > 2000 ? null : r1(best);
  }
}
