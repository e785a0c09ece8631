/**
 * HQ projects (总部项目台账) along the stages of metric 11. Most landed projects are the new HQs of
 * the certification ledger (same credit code, dates that agree); some are registered and waiting;
 * the rest are signed only. A share is left stuck so the 预警 list has content.
 */
import { HQ_TYPES, ORIGINS } from '../../src/domain/enums';
import { unitByCode } from '../../src/domain/units';
import { AS_OF, UNIT_PROFILES, type Certification, type Enterprise, type Project } from './model';
import { day, weekday, yearOf, type Day } from './dates';
import { industryFor } from './enterprises';
import { personName, type NameBook } from './names';
import type { Rng } from './rng';

const LANDED = 100;
const WAITING = 26;
const SIGNED_ONLY = 42;

export function makeProjects(
  rng: Rng,
  names: NameBook,
  enterprises: readonly Enterprise[],
  certifications: readonly Certification[],
): Project[] {
  const byCode = new Map(enterprises.map((e) => [e.code, e]));
  const counted = certifications.filter(
    (c) => c.category === '新引进' && c.certifiedOn !== undefined && yearOf(c.certifiedOn) >= 2019,
  );
  // 本土 enterprises are decades old: only new arrivals have a project behind them.
  const pending = certifications.filter(
    (c) => c.category === '新引进' && c.certifiedOn === undefined && c.status !== '驳回',
  );
  const recentPlain = enterprises.filter(
    (e) => e.registeredOn >= day(2021, 1, 1) && !certifications.some((c) => c.code === e.code),
  );

  const drafts: Project[] = [
    ...rng
      .shuffle(counted)
      .slice(0, LANDED)
      .map((c) => landed(rng, byCode.get(c.code)!, c)),
    ...rng
      .shuffle([...pending.map((c) => byCode.get(c.code)!), ...rng.shuffle(recentPlain).slice(0, 10)])
      .slice(0, WAITING)
      .map((e) => waiting(rng, e)),
    ...Array.from({ length: SIGNED_ONLY }, () => signedOnly(rng, names)),
  ];
  drafts.sort((a, b) => a.signedOn - b.signedOn);
  // 项目编号 counts within the signing year: XM2023007 is the 7th project signed in 2023.
  const seq = new Map<number, number>();
  for (const p of drafts) {
    const y = yearOf(p.signedOn);
    seq.set(y, (seq.get(y) ?? 0) + 1);
    p.id = `XM${y}${String(seq.get(y)).padStart(3, '0')}`;
  }
  return drafts;
}

function projectName(e: Enterprise): string {
  const core = e.name.replace(
    /(有限公司温州分公司|控股集团有限公司|集团有限公司|股份有限公司|有限公司)$/,
    '',
  );
  return `${core}总部项目`;
}

/** A project whose enterprise has registered: signed 20–200 days before, with its facts. */
function registeredProject(rng: Rng, e: Enterprise): Project {
  return {
    ...base(rng, e.region, weekday(e.registeredOn - rng.int(20, 200))),
    id: '',
    name: projectName(e),
    code: e.code,
    origin: e.origin,
    hqType: e.hqType,
    industry: e.industry,
    registeredOn: e.registeredOn,
  };
}
/** Common fields; the 四个一 (专班, 项目经理, 绿色通道, 补助) are mostly but not always in place. */
function base(
  rng: Rng,
  region: string,
  signedOn: Day,
): Omit<Project, 'id' | 'name' | 'origin' | 'hqType' | 'industry'> {
  const unit = unitByCode(region)!;
  const title =
    unit.kind === 'zone'
      ? '管委会副主任'
      : unit.name.endsWith('区')
        ? '副区长'
        : unit.name.endsWith('县')
          ? '副县长'
          : '副市长';
  return {
    region,
    investment: Math.round(Math.min(60, Math.max(0.3, rng.logNormal(3, 0.9))) * 10_000),
    signedOn,
    manager: rng.chance(0.92) ? personName(rng) : undefined,
    leader: `${personName(rng)}（${title}）`,
    taskForce: rng.chance(0.88),
    greenChannel: rng.chance(0.82),
  };
}

function landed(rng: Rng, e: Enterprise, c: Certification): Project {
  const p: Project = { ...registeredProject(rng, e), certifiedOn: c.certifiedOn };
  // About one in twenty landed projects never starts operating: overdue once registered a year.
  if (!rng.chance(0.06)) {
    const operating = weekday(e.registeredOn + rng.int(40, 330));
    if (operating <= AS_OF) p.operatingOn = operating;
    const closed = operating + rng.int(200, 700);
    if (p.operatingOn && closed <= AS_OF && rng.chance(0.55)) p.closedOn = weekday(closed, AS_OF);
  }
  const year = yearOf(c.certifiedOn!);
  p.subsidy = rng.weighted(
    year < 2024
      ? [
          ['已兑现', 80],
          ['预兑现', 15],
          ['未兑现', 5],
        ]
      : year === 2024
        ? [
            ['已兑现', 40],
            ['预兑现', 40],
            ['未兑现', 20],
          ]
        : [
            ['已兑现', 10],
            ['预兑现', 40],
            ['未兑现', 50],
          ],
  );
  if (p.subsidy !== '未兑现')
    p.subsidyAmount = Math.round(Math.min(500, Math.max(30, rng.logNormal(150, 0.6))) / 10) * 10;
  return p;
}

/** Registered, not certified: operating or not, some stuck for more than a year. */
function waiting(rng: Rng, e: Enterprise): Project {
  const p: Project = registeredProject(rng, e);
  const operating = weekday(e.registeredOn + rng.int(60, 420));
  if (operating <= AS_OF && rng.chance(0.6)) p.operatingOn = operating;
  return p;
}

/**
 * Signed, no company yet. Most were signed in the last six months; about a third are older, past
 * the 180-day line (signed before 2025-04-03), and show as 预警.
 */
function signedOnly(rng: Rng, names: NameBook): Project {
  const region = rng.weighted(UNIT_PROFILES.map((u) => [u.unit.code, u.weight] as const));
  const industry = industryFor(rng, region);
  const recent = AS_OF - 175;
  const signedOn = weekday(
    rng.chance(0.35) ? rng.int(day(2023, 6, 1), recent - 15) : rng.int(recent, AS_OF - 5),
    AS_OF,
  );
  return {
    ...base(rng, region, signedOn),
    id: '',
    name: names.project(names.brand(), industry),
    origin: rng.weighted(
      ORIGINS.filter((o) => o !== '本土培育').map((o, i) => [o, [45, 4, 9, 12, 15, 15][i] ?? 1] as const),
    ),
    hqType: rng.pick(HQ_TYPES),
    industry,
  };
}
