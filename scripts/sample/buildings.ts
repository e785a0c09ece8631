/**
 * Buildings (楼宇清单) and the tax each is meant to yield, so that the sample shows the tiers of
 * DOMAIN.md metric 5: one 十亿元楼宇 every year, a dozen or so 亿元楼宇, a group of 培育楼宇
 * (5000万–1亿) and a long tail.
 */
import { BUILDING_KINDS } from '../../src/domain/enums';
import { UNIT_PROFILES, type Building } from './model';
import type { NameBook } from './names';
import type { Rng } from './rng';

const YI = 100_000_000;

/** COVID years pull every building down a little (2020 hardest). Index 0 = 2019. */
const CITY_CYCLE = [0.86, 0.82, 0.92, 0.93, 1.0, 1.05, 1.1];

/** 2023 tax of the buildings below the top one, in 亿元, largest first: ≥1亿 then 培育 then tail. */
const BILLION_TIER = [4.6, 3.8, 3.2, 2.7, 2.3, 2.0, 1.8, 1.65, 1.5, 1.4, 1.3, 1.25, 1.2, 1.15, 1.1];
const CANDIDATE_TIER = [0.96, 0.9, 0.85, 0.8, 0.74, 0.68, 0.63, 0.6, 0.57, 0.55];

export function makeBuildings(rng: Rng, names: NameBook): Building[] {
  const buildings: Building[] = [];
  for (const profile of UNIT_PROFILES) {
    for (let i = 0; i < profile.buildings; i++) {
      // The first building of each unit is its flagship office tower; all four kinds appear.
      const kind =
        i === 0
          ? '商务楼宇'
          : rng.weighted(BUILDING_KINDS.map((k, j) => [k, [5, 3, 2, 1.5][j] ?? 1] as const));
      const floorArea = Math.round(floorAreaOf(rng, kind) * (i === 0 ? 1.6 : 1));
      buildings.push({
        id: `WZ-B${String(buildings.length + 1).padStart(3, '0')}`,
        name: names.building(profile.unit.short, kind),
        region: profile.unit.code,
        kind,
        floorArea,
        occupiedArea: Math.round(floorArea * rng.float(0.55, 0.98)),
        lng: round5(profile.lng + rng.float(-0.035, 0.035)),
        lat: round5(profile.lat + rng.float(-0.025, 0.025)),
        platform: profile.platform && rng.chance(0.6) ? profile.platform : undefined,
        baseTax: 0,
        growth: [],
      });
    }
  }
  assignTaxTiers(rng, buildings);
  return buildings;
}

function floorAreaOf(rng: Rng, kind: string): number {
  switch (kind) {
    case '商务楼宇':
      return rng.int(40_000, 160_000);
    case '产业楼宇':
      return rng.int(25_000, 110_000);
    case '总部孵化器':
      return rng.int(6_000, 30_000);
    default:
      return rng.int(9_000, 50_000);
  }
}

const round5 = (x: number): number => Math.round(x * 100_000) / 100_000;

/**
 * WZ-B001 (鹿城's flagship) is the 十亿元楼宇, at 14亿 in 2023 so that even the nine months of 2025
 * stay above 10亿, while the next (4.6亿) never gets near it. The other tiers go to large office or
 * industry buildings of the central districts, the big counties and the zones, as in reality.
 */
function assignTaxTiers(rng: Rng, buildings: Building[]): void {
  const top = buildings[0]!;
  top.baseTax = 14 * YI;
  top.floorArea = 260_000;
  top.occupiedArea = 247_300;
  top.growth = CITY_CYCLE;

  const central = new Set(['330302', '330303', '330304', '330381', '330382', 'ZN01', 'ZN03']);
  const ranked = rng
    .shuffle(buildings.slice(1))
    .map((b) => ({
      b,
      score: (central.has(b.region) ? 2 : 1) * (b.kind === '商务楼宇' ? 2 : 1) * rng.float(0.5, 1.5),
    }))
    .sort((x, y) => y.score - x.score)
    .map((x) => x.b);

  ranked.forEach((b, i) => {
    // The tail stays under 4500万 so the 培育 group is exactly the one designed.
    const yi =
      BILLION_TIER[i] ?? CANDIDATE_TIER[i - BILLION_TIER.length] ?? Math.min(rng.logNormal(0.12, 0.8), 0.45);
    b.baseTax = Math.round(yi * YI);
    // Rich buildings are big ones: give a tier building at least 50,000 ㎡.
    if (yi >= 0.5 && b.floorArea < 50_000) {
      b.floorArea += 50_000;
      b.occupiedArea += 40_000;
    }
    // Candidate buildings grow fastest: some cross 1亿 in 2024 or 2025, as 培育 intends.
    const rate = yi < 1 && yi >= 0.5 ? rng.float(0.06, 0.16) : rng.float(-0.03, 0.08);
    b.growth = CITY_CYCLE.map((c, k) => c * Math.pow(1 + rate, k - 4));
  });
}
