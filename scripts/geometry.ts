/**
 * Plane geometry over longitude/latitude polygons, for the gazetteer builders: area-weighted
 * centroids, poles of inaccessibility and point-in-polygon tests on a polygon shrunk by the cosine
 * of its middle latitude (good enough for a country's or a province's point, not for distances).
 */
export type Ring = [number, number][]; // [lon, lat]
export type Poly = Ring[]; // outer ring, then holes

/** Planar view of a polygon: longitudes shrunk by the cosine of its middle latitude. */
function planar(poly: Poly): { rings: Ring[]; k: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const [, y] of poly[0]) {
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  }
  const k = Math.cos((((lo + hi) / 2) * Math.PI) / 180);
  return { rings: poly.map((r) => r.map(([x, y]) => [x * k, y] as [number, number])), k };
}

function ringArea(r: Ring): { a: number; cx: number; cy: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const f = r[j][0] * r[i][1] - r[i][0] * r[j][1];
    a += f;
    cx += (r[j][0] + r[i][0]) * f;
    cy += (r[j][1] + r[i][1]) * f;
  }
  return { a: a / 2, cx, cy };
}

/** Area (in planar square degrees) and area-weighted centroid [lat, lon] of a polygon with holes. */
export function polyCentroid(poly: Poly): { area: number; lat: number; lon: number } {
  const { rings, k } = planar(poly);
  let area = 0;
  let mx = 0;
  let my = 0;
  rings.forEach((r, i) => {
    const { a, cx, cy } = ringArea(r);
    // the outer ring adds, holes take away, whatever way each is wound
    const s = (i === 0 ? 1 : -1) * Math.sign(a);
    area += s * a;
    mx += s * cx;
    my += s * cy;
  });
  return { area: Math.abs(area), lat: my / (6 * area), lon: mx / (6 * area) / k };
}

/** Signed distance from a planar point to a polygon's edges: positive inside, negative outside. */
function edgeDistance(x: number, y: number, rings: Ring[]): number {
  let inside = false;
  let best = Infinity;
  for (const r of rings) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [ax, ay] = r[j];
      const [bx, by] = r[i];
      if (ay > y !== by > y && x < ((ax - bx) * (y - by)) / (ay - by) + bx) inside = !inside;
      const dx = bx - ax;
      const dy = by - ay;
      const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      best = Math.min(best, (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2);
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(best);
}

/**
 * The point of a polygon farthest from its edges (its pole of inaccessibility), to about 0.01 degree:
 * square cells are split while one could still hold a point farther inside than the best found.
 */
export function deepestPoint(poly: Poly): { lat: number; lon: number } {
  const { rings, k } = planar(poly);
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of rings[0]) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  type Cell = { x: number; y: number; h: number; d: number; max: number };
  const cell = (x: number, y: number, h: number): Cell => {
    const d = edgeDistance(x, y, rings);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };
  const size = Math.max(x1 - x0, y1 - y0);
  const h0 = size / 16;
  const queue: Cell[] = [];
  for (let x = x0; x < x1; x += 2 * h0) for (let y = y0; y < y1; y += 2 * h0) queue.push(cell(x + h0, y + h0, h0));
  const c = polyCentroid(poly);
  let best = cell(c.lon * k, c.lat, 0);
  while (queue.length > 0) {
    queue.sort((a, b) => a.max - b.max);
    const q = queue.pop()!;
    if (q.d > best.d) best = q;
    if (q.max - best.d <= 0.01) continue;
    const h = q.h / 2;
    queue.push(cell(q.x - h, q.y - h, h), cell(q.x + h, q.y - h, h), cell(q.x - h, q.y + h, h), cell(q.x + h, q.y + h, h));
  }
  return { lat: best.y, lon: best.x / k };
}

/** A polygon across the antimeridian (eastern Russia, Fiji) with its western longitudes moved past 180. */
export function unwrap(poly: Poly): Poly {
  let lo = Infinity;
  let hi = -Infinity;
  for (const [x] of poly[0]) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  return hi - lo > 180 ? poly.map((r) => r.map(([x, y]) => [x < 0 ? x + 360 : x, y] as [number, number])) : poly;
}

export function inside(lat: number, lon: number, polys: Poly[]): boolean {
  return polys.some((p) => {
    const { rings, k } = planar(p);
    return edgeDistance((lon < Math.min(...p[0].map((q) => q[0])) ? lon + 360 : lon) * k, lat, rings) > 0;
  });
}

/** An area's point from its largest polygon (mainland France, not Guiana; the contiguous United States). */
export function mainPolygonPoint(polys: Poly[], how: string): [number, number] {
  let main = polys[0];
  let mainArea = -1;
  for (const p of polys) {
    const a = polyCentroid(p).area;
    if (a > mainArea) {
      mainArea = a;
      main = p;
    }
  }
  if (how === 'pole') {
    const p = deepestPoint(main);
    return [p.lat, p.lon > 180 ? p.lon - 360 : p.lon];
  }
  const c = polyCentroid(main);
  if (c.lon > 180) c.lon -= 360;
  return [c.lat, c.lon];
}

