/**
 * Enterprises (总部企业名录) and their certification cases (总部认定台账), made together so that
 * every case's enterprise is in the list with the same unit, and the counts of new HQ per year are
 * the ones designed below rather than whatever chance gives.
 */
import { HQ_TYPES, INDUSTRIES, type Industry } from '../../src/domain/enums';
import { unitByCode } from '../../src/domain/units';
import {
  AS_OF,
  UNIT_PROFILES,
  profileOf,
  type Building,
  type Certification,
  type CheckFailure,
  type Enterprise,
} from './model';
import { day, weekday, type Day } from './dates';
import type { NameBook } from './names';
import type { Rng } from './rng';
import type { CodeBook } from './spell';
import { placeInBuildings } from './tenancy';

/**
 * Counted 新引进 certifications per year (metric 1). 2019–2023 sums to 163 against the plan's 150;
 * 2025 covers January–September only. Years before 2019 build the stock that HQ tax counts.
 */
const NEW_HQ_PER_YEAR: Record<number, number> = {
  2016: 10,
  2017: 14,
  2018: 16,
  2019: 31,
  2020: 30,
  2021: 32,
  2022: 34,
  2023: 36,
  2024: 39,
  2025: 30,
};
/** Counted 本土 certifications per year: a large first round (2015–2018), then a steady trickle. */
const LOCAL_HQ_PER_YEAR: Record<number, number> = {
  2015: 22,
  2016: 24,
  2017: 26,
  2018: 28,
  2019: 11,
  2020: 12,
  2021: 10,
  2022: 13,
  2023: 12,
  2024: 14,
  2025: 9,
};
/** Cases not (yet) counted: rejections every year, and the 2025 pipeline still under review. */
const PENDING: readonly (readonly [status: string, year: number, count: number])[] = [
  ...[2019, 2020, 2021, 2022, 2023, 2024, 2025].map((y) => ['驳回', y, 3] as const),
  ['预认定', 2024, 2],
  ['申请', 2025, 8],
  ['县级审核', 2025, 7],
  ['预认定', 2025, 6],
];

/** The enterprise list has this many rows in all (certified or not). */
const ENTERPRISE_COUNT = 1_080;
/** Share of certified enterprises built to pass every check of metric 7. */
const PASS_SHARE = 0.62;

interface Slot {
  category: '新引进' | '本土';
  status: string;
  year: number;
  region: string;
}

export interface EnterpriseWorld {
  enterprises: Enterprise[];
  certifications: Certification[];
}

export function makeEnterprises(
  rng: Rng,
  names: NameBook,
  codes: CodeBook,
  buildings: Building[],
): EnterpriseWorld {
  const enterprises: Enterprise[] = [];
  const certifications: Certification[] = [];
  for (const slot of certificationSlots(rng.fork('slots'))) {
    const { enterprise, certification } = certifiedEnterprise(rng, names, codes, slot);
    enterprises.push(enterprise);
    certifications.push(certification);
  }
  while (enterprises.length < ENTERPRISE_COUNT) enterprises.push(plainEnterprise(rng, names, codes));
  placeInBuildings(rng.fork('tenancy'), enterprises, buildings);
  // The list is sorted by unit then registration, the way the registry prints it.
  const order = new Map(UNIT_PROFILES.map((p, i) => [p.unit.code, i]));
  enterprises.sort((a, b) => order.get(a.region)! - order.get(b.region)! || a.registeredOn - b.registeredOn);
  return { enterprises, certifications };
}

function certificationSlots(rng: Rng): Slot[] {
  const slots: Slot[] = [];
  const add = (category: Slot['category'], status: string, year: number, count: number): void => {
    for (let i = 0; i < count; i++) slots.push({ category, status, year, region: '' });
  };
  for (const [year, n] of Object.entries(NEW_HQ_PER_YEAR)) add('新引进', '', Number(year), n);
  for (const [year, n] of Object.entries(LOCAL_HQ_PER_YEAR)) add('本土', '', Number(year), n);
  for (const [status, year, n] of PENDING) {
    for (let i = 0; i < n; i++) add(rng.chance(0.7) ? '新引进' : '本土', status, year, 1);
  }
  // Every unit gets at least one new HQ in the plan years; the rest follow the unit weights.
  const planSlots = rng.shuffle(
    slots.filter((s) => s.category === '新引进' && s.year >= 2019 && s.status === ''),
  );
  UNIT_PROFILES.forEach((p, i) => (planSlots[i]!.region = p.unit.code));
  for (const slot of slots) {
    if (slot.region === '') slot.region = pickRegion(rng, slot.category);
  }
  return slots;
}

function pickRegion(rng: Rng, category: Slot['category']): string {
  return rng.weighted(
    UNIT_PROFILES.map((p) => {
      // 本土 HQs grew out of the manufacturing counties; zones are young and mostly attract.
      const bias =
        category === '本土' ? { manufacturing: 1.6, zone: 0.5, central: 1, mountain: 0.8 }[p.industryMix] : 1;
      return [p.unit.code, p.weight * bias] as const;
    }),
  );
}

function certifiedEnterprise(
  rng: Rng,
  names: NameBook,
  codes: CodeBook,
  slot: Slot,
): { enterprise: Enterprise; certification: Certification } {
  const counted = slot.status === '';
  const yearEnd = Math.min(day(slot.year, 12, 24), AS_OF - 10);
  let certifiedOn: Day | undefined;
  let appliedOn: Day;
  if (counted) {
    certifiedOn = weekday(rng.int(day(slot.year, 1, 15), yearEnd), AS_OF);
    appliedOn = weekday(certifiedOn - rng.int(35, 150));
  } else {
    // Rejections fall any time of the year; the live pipeline applied in the last months.
    const from =
      slot.status === '驳回'
        ? day(slot.year, 1, 10)
        : slot.year === 2024
          ? day(2024, 10, 8)
          : day(2025, 3, 1);
    appliedOn = weekday(rng.int(from, yearEnd), AS_OF);
  }
  const registeredOn =
    slot.category === '新引进' ? appliedOn - rng.int(60, 480) : rng.int(day(1993, 1, 1), day(2014, 12, 31));

  const failures = drawFailures(rng);
  const size =
    slot.category === '本土'
      ? rng.logNormal(slot.year < 2019 ? 6_000e4 : 3_000e4, 1.05)
      : rng.logNormal(counted ? 1_600e4 : 450e4, 1.1);
  const enterprise = baseEnterprise(rng, names, codes, {
    region: slot.region,
    registeredOn,
    origin: slot.category === '本土' ? localOrigin(rng) : newOrigin(rng),
    failures,
    size,
  });

  let status = slot.status;
  let filedOn: Day | undefined;
  if (counted) {
    // Filing with the city follows certification by a few weeks; older cases are mostly filed.
    const filed = certifiedOn! + rng.int(7, 45);
    const fileIt = filed <= AS_OF && rng.chance(slot.year < 2022 ? 0.6 : 0.35);
    status = fileIt ? '已备案' : '已认定';
    filedOn = fileIt ? filed : undefined;
  }
  return {
    enterprise,
    certification: {
      code: enterprise.code,
      category: slot.category,
      status,
      region: slot.region,
      appliedOn,
      certifiedOn,
      filedOn,
    },
  };
}

/** Which checks of metric 7 the enterprise fails: about 38% fail, for varied reasons. */
function drawFailures(rng: Rng): CheckFailure[] {
  if (rng.chance(PASS_SHARE)) return [];
  const kinds: readonly (readonly [CheckFailure, number])[] = [
    ['lowOutsideShare', 3],
    ['noBranch', 2],
    ['notConsolidated', 2],
    ['lowPaidIn', 2],
    ['notIndependent', 1],
  ];
  const first = rng.weighted(kinds);
  if (!rng.chance(0.15)) return [first];
  const second = rng.weighted(kinds.filter(([k]) => k !== first));
  return [first, second];
}

function newOrigin(rng: Rng): string {
  return rng.weighted([
    ['温商回归', 45],
    ['国内大型企业集团', 15],
    ['行业百强', 12],
    ['中国500强', 9],
    ['世界500强', 4],
    ['其他', 15],
  ]);
}

function localOrigin(rng: Rng): string {
  return rng.weighted([
    ['本土培育', 80],
    ['行业百强', 8],
    ['其他', 12],
  ]);
}

export function industryFor(rng: Rng, region: string): Industry {
  const mix = profileOf(region).industryMix;
  const weights: Record<typeof mix, readonly number[]> = {
    // 数字经济, 文化创意, 生命健康, 研发设计, 智能制造, 商贸物流, 金融服务, 其他
    central: [18, 10, 10, 9, 8, 18, 17, 10],
    manufacturing: [8, 4, 6, 7, 40, 18, 6, 11],
    mountain: [6, 14, 12, 4, 18, 18, 6, 22],
    zone: [24, 5, 14, 16, 25, 8, 4, 4],
  };
  return rng.weighted(INDUSTRIES.map((ind, i) => [ind, weights[mix][i] ?? 1] as const));
}

interface BaseOptions {
  region: string;
  registeredOn: Day;
  origin: string;
  failures: readonly CheckFailure[];
  size: number;
}

/** The attributes of metric 7 follow the failures drawn: a passing enterprise passes every check. */
function baseEnterprise(rng: Rng, names: NameBook, codes: CodeBook, o: BaseOptions): Enterprise {
  const fails = (f: CheckFailure): boolean => o.failures.includes(f);
  const unit = unitByCode(o.region)!;
  const industry = industryFor(rng, o.region);
  const independent = !fails('notIndependent');
  const registeredCapital = fails('lowPaidIn')
    ? Math.round(rng.float(500, 3_000))
    : Math.round(Math.max(1_200, rng.logNormal(8_000, 1.0)));
  const paidInCapital = fails('lowPaidIn')
    ? rng.float(100, 950)
    : Math.max(1_000 + rng.float(0, 300), registeredCapital * rng.float(0.3, 1));
  const place = rng.weighted([
    ['温州', 7],
    ['浙江', 2],
    [unit.kind === 'county' ? unit.short : '温州', 2],
  ]);
  return {
    code: codes.next(unit.district),
    name: names.enterprise(industry, { place, branch: !independent }),
    region: o.region,
    registeredOn: o.registeredOn,
    independent,
    registeredCapital,
    paidInCapital: Math.min(registeredCapital, Math.round(paidInCapital * 100) / 100),
    industry,
    hqType: rng.weighted(HQ_TYPES.map((t, i) => [t, [30, 25, 25, 20][i] ?? 1] as const)),
    origin: o.origin,
    wenzhouMerchant: o.origin === '温商回归' || o.origin === '本土培育' || rng.chance(0.35),
    branchesOutside: fails('noBranch')
      ? 0
      : rng.weighted([
          [rng.int(1, 3), 5],
          [rng.int(4, 12), 3],
          [rng.int(13, 40), 1],
        ]),
    consolidatedTax: !fails('notConsolidated'),
    officeArea: 0,
    outsideShare: fails('lowOutsideShare') ? rng.float(0.02, 0.15) : rng.float(0.47, 0.72),
    size: o.size,
    growthRate: 0.07 + 0.06 * rng.normal(),
    failures: o.failures,
    quarterly: false,
  };
}

/** An enterprise on the list with no certification case: smaller, often a 小规模纳税人. */
function plainEnterprise(rng: Rng, names: NameBook, codes: CodeBook): Enterprise {
  const region = rng.weighted(UNIT_PROFILES.map((p) => [p.unit.code, p.weight] as const));
  const registeredOn = rng.weighted([
    [rng.int(day(1995, 1, 1), day(2018, 12, 31)), 6],
    [rng.int(day(2019, 1, 1), day(2025, 8, 31)), 4],
  ]);
  const origin = rng.weighted([
    ['本土培育', 35],
    ['温商回归', 30],
    ['国内大型企业集团', 10],
    ['行业百强', 6],
    ['中国500强', 3],
    ['其他', 16],
  ]);
  const e = baseEnterprise(rng, names, codes, {
    region,
    registeredOn,
    origin,
    failures: [],
    size: rng.logNormal(110e4, 1.25),
  });
  // Not built to pass or fail anything: draw the check attributes freely.
  e.branchesOutside = rng.chance(0.3) ? 0 : e.branchesOutside;
  e.consolidatedTax = rng.chance(0.7);
  e.outsideShare = rng.float(0, 0.6);
  e.quarterly = e.size < 300e4;
  return e;
}
