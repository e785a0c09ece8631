/**
 * The policy's counting questions as 口径 switches (issue 13 item 5), on the real engine: ranking ①
 * capped at 100% (DOMAIN.md 10's option), the office-subsidy scope (DOMAIN.md 14), what counts toward
 * the target (DOMAIN.md 13) — each read by the figures, written in the 口径 file only away from its
 * default (so older 口径 keep their hash), and named in the 口径 text and the difference list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db';
import { sql } from '../src/db';
import {
  caliberFileText,
  DEFAULT_CALIBER,
  DEFAULT_CALIBER_SETTINGS,
  diffCaliber,
  makeCaliber,
  parseCaliber,
} from '../src/domain/caliber';
import { figureCaliber } from '../src/domain/drill/caliber';
import { unitAreaOutputs } from '../src/domain/figures/certification';
import { newHq } from '../src/domain/figures/newHq';
import { rankingIndicators } from '../src/domain/figures/ranking';
import { C, openFiguresFixture } from './figuresFixture';
import { openShared } from './shared/files';

describe('switches on the 2023 exports', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openShared('exports2023');
  });
  afterAll(async () => {
    await db?.close();
  });

  it('caps completion at 100% only when asked', async () => {
    const open = await rankingIndicators(db, { year: 2023 });
    const capped = await rankingIndicators(db, { year: 2023, capCompletion: true });
    expect(open.some((u) => u.indicators[0] > 1)).toBe(true);
    for (const u of open) {
      const c = capped.find((x) => x.code === u.code)!;
      expect(c.indicators[0]).toBe(Math.min(1, u.indicators[0]));
      // Only ① moves.
      expect(c.indicators.slice(1)).toEqual(u.indicators.slice(1));
    }
  });

  it('counts only 综合型 and 功能型 toward the target when named', async () => {
    const all = await newHq(db, { year: 2023 });
    const named = await newHq(db, { year: 2023, targetTypes: 'named' });
    const [row] = await db.query<{ n: number }>(sql`
      SELECT count(DISTINCT c.credit_code) AS n FROM certifications AS c JOIN enterprises AS e USING (credit_code)
      WHERE c.category = '新引进' AND c.status IN ('已认定', '已备案') AND year(c.certified_on) = 2023
        AND e.hq_type IN ('综合型总部', '功能型总部')`);
    expect(named.city.actual).toBe(row?.n);
    expect(named.city.actual).toBeLessThan(all.city.actual);
  });
});

describe('office-subsidy scope on the hand-written fixture', () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await openFiguresFixture());
  });
  afterAll(async () => {
    await db?.close();
  });

  // 2023 output and office area for A (新引进 鹿城), B (新引进 龙湾), C (新引进 龙湾 2022) in the
  // fixture; added here for G (新引进 经开区, a platform), E (新引进 only 预认定, 瑞安) and F (本土
  // only, 瑞安): E and F are 不适用 — unless the scope is all.
  it('marks enterprises without a counted 新引进 in 市区 or a platform 不适用', async () => {
    for (const code of [C.G, C.E, C.F]) {
      await db.run(sql`UPDATE enterprises SET office_area = 500 WHERE credit_code = ${code}`);
      await db.run(sql`INSERT INTO annual (credit_code, year, output) VALUES (${code}, 2023, 800)`);
    }
    const policy = await unitAreaOutputs(db, { year: 2023 });
    const applies = Object.fromEntries(policy.map((r) => [r.creditCode, r.applies]));
    expect(applies).toEqual({
      [C.A]: true,
      [C.B]: true,
      [C.C]: true,
      [C.G]: true,
      [C.E]: false,
      [C.F]: false,
    });
    const all = await unitAreaOutputs(db, { year: 2023, scope: 'all' });
    expect(all.every((r) => r.applies)).toBe(true);
    expect(all.map((r) => r.creditCode)).toEqual(policy.map((r) => r.creditCode));
  });
});

describe('switches in the 口径', () => {
  const custom = { ...DEFAULT_CALIBER_SETTINGS, capCompletion: true, officeScope: 'all' as const };

  it('keeps the default 口径 hash: a switch at its default is not written', () => {
    expect(DEFAULT_CALIBER.hash).toMatch(/^sha256:403a10fd1483/);
    expect(caliberFileText(DEFAULT_CALIBER)).not.toMatch(/capCompletion|officeScope/);
  });

  it('writes, reads back and lists a switch away from its default', () => {
    const text = caliberFileText(makeCaliber('封顶口径', custom));
    expect(text).toContain('"capCompletion": true');
    expect(text).toContain('"officeScope": "all"');
    const parsed = parseCaliber(text);
    expect(parsed.ok && parsed.caliber.settings.capCompletion).toBe(true);
    expect(parsed.ok && parsed.caliber.settings.officeScope).toBe('all');
    const items = diffCaliber(DEFAULT_CALIBER_SETTINGS, custom).map((c) => `${c.item}：${c.from} → ${c.to}`);
    expect(items).toContain('完成率封顶：不封顶 → 封顶100%');
    expect(items).toContain('办公用房补助适用范围：市区及产业平台 → 全部企业');
  });

  it('refuses a switch of the wrong type', () => {
    const file = JSON.parse(caliberFileText(makeCaliber('x', custom))) as {
      content: Record<string, unknown>;
    };
    file.content.capCompletion = 'yes';
    const parsed = parseCaliber(JSON.stringify(file));
    expect(parsed.ok).toBe(false);
  });

  it('names the switches in the ⓘ when not at their default', () => {
    const at = { year: 2023, asOf: '2023-12-31' };
    expect(figureCaliber({ ...at, figure: 'ranking', capCompletion: true }).conditions.join()).toContain(
      '按100%计（非默认）',
    );
    expect(figureCaliber({ ...at, figure: 'newHq', targetTypes: 'named' }).conditions.join()).toContain(
      '仅综合型总部、功能型总部（非默认',
    );
    expect(figureCaliber({ ...at, figure: 'newHq' }).conditions.join()).toContain('全部类型（默认）');
  });
});
