/**
 * The 掌上驾驶舱's files (issue 16) as `publish` writes them, on the real engine: each file is the
 * phone's figures of its year and scope, and every number in it is the number the desktop's own
 * figure functions give — the 驾驶舱 (target progress, lights, ranking with ↑↓, overdue projects),
 * 预计全年, the buildings screen and the 简报 — for the city and for a unit, a running year and a
 * finished one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db';
import { briefingFigures, briefingSections } from '../src/domain/briefing';
import { DEFAULT_CALIBER } from '../src/domain/caliber';
import { BILLION } from '../src/domain/defaults';
import { buildingsScreenFigures } from '../src/domain/figures/buildings';
import { cockpitFigures } from '../src/domain/figures/cockpit';
import { newHqForecast } from '../src/domain/figures/forecast';
import { phoneFigures, type PhoneFigures } from '../src/domain/figures/phone';
import { projectPipeline } from '../src/domain/figures/projects';
import { PHONE_FIRST, PHONE_INDEX, phoneFile, type PhoneIndex } from '../src/domain/phone';
import { firstScreenHtml } from '../scripts/lib/firstScreen';
import { writePhoneFigures } from '../scripts/lib/publishFigures';
import { openFiguresFixture } from './figuresFixture';

const CALIBER = DEFAULT_CALIBER;
/** D inside 2023 (a running year, with 预计全年) for the files; 2022 is a finished year. */
const AS_OF = '2023-06-30';
const UNIT = '330302';

let db: Db;
let dir: string;

beforeAll(async () => {
  db = (await openFiguresFixture()).db;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-phone-'));
  await writePhoneFigures(
    db,
    dir,
    {
      asOf: AS_OF,
      caliber: CALIBER.settings,
      name: '测试数据集',
      caliberRef: { name: CALIBER.name, hash: CALIBER.hash },
      publishedAt: '2026-11-29T10:00:00+08:00',
    },
    2,
  );
});
afterAll(async () => {
  await db?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T;

describe('the phone files publish writes', () => {
  it('name the dataset, its 口径, the as-of date, the years and the units', () => {
    const index = read<PhoneIndex>(PHONE_INDEX);
    expect(index).toMatchObject({
      format: 'hq-return-phone',
      name: '测试数据集',
      asOf: AS_OF,
      caliber: { name: CALIBER.name, hash: CALIBER.hash },
      year: 2023,
      years: [2023, 2022],
    });
    expect(index.opening.year).toBe(2023);
    expect(index.units.map((u) => u.code)).toContain(UNIT);
    // The opening figures ride in the index: the same as the city file of the opening year.
    expect(index.opening).toEqual(read(phoneFile(2023, null)));
    for (const year of index.years)
      for (const unit of [null, ...index.units.map((u) => u.code)])
        expect(fs.existsSync(path.join(dir, phoneFile(year, unit))), `${year} ${unit}`).toBe(true);
  });

  for (const [year, unit] of [
    [2023, null],
    [2023, UNIT],
    [2022, UNIT],
  ] as const) {
    it(`${year} ${unit ?? '全市'}: the desktop's figures, number for number`, async () => {
      const file = read<PhoneFigures>(phoneFile(year, unit));
      const params = { year, asOf: AS_OF, caliber: CALIBER.settings, ...(unit ? { unit } : {}) };
      // The file is the phone figure function's JSON…
      expect(file).toEqual(JSON.parse(JSON.stringify(await phoneFigures(db, params))));
      // …and that is the desktop's figure functions on the same view.
      const s = CALIBER.settings;
      const at = { year, asOf: AS_OF };
      const filters = unit ? { unit } : {};
      const cockpit = await cockpitFigures(db, {
        ...at,
        targetTypes: s.targetTypes,
        weights: s.weights,
        method: s.method,
        thresholds: s.thresholds,
      });
      const forecast = await newHqForecast(db, { ...at, filters: {}, targetTypes: s.targetTypes });
      const own = cockpit.units.find((u) => u.code === unit);
      expect(file.progress).toMatchObject(
        own
          ? { actual: own.actual, target: own.target, task: own.task, light: own.light }
          : { ...cockpit.overview.newHq.city, task: cockpit.task, light: cockpit.light },
      );
      expect(file.timeProgress).toBe(cockpit.overview.timeProgress);
      expect(file.months).toBe(cockpit.overview.months);
      expect(file.units).toHaveLength(cockpit.units.length);
      for (const u of cockpit.units) {
        const shown = file.units.find((x) => x.code === u.code)!;
        expect(shown).toMatchObject({ actual: u.actual, target: u.target, task: u.task, light: u.light });
        expect(shown.forecast).toBe(
          forecast.running ? forecast.byRegion.find((x) => x.code === u.code)!.forecast : null,
        );
      }
      expect(forecast.running).toBe(year === 2023);
      if (!unit) expect(file.progress.forecast).toBe(year === 2023 ? forecast.city.forecast : null);
      // Sorted by 完成率, highest first.
      const tasks = file.units.map((u) => u.task ?? -1);
      expect(tasks).toEqual([...tasks].sort((a, b) => b - a));
      expect(file.ranking.previousYear).toBe(cockpit.ranking.previous.year);
      expect(file.ranking.units).toEqual(
        cockpit.ranking.units.map(({ code, name, rank, score, change }) => ({
          code,
          name,
          rank,
          score,
          change,
        })),
      );
      // 亿元楼宇 and overdue projects as the screens' unit filter gives them.
      const buildings = (await buildingsScreenFigures(db, { ...at, filters })).buildings;
      expect(file.buildings.map((b) => [b.buildingId, b.tax])).toEqual(
        buildings.filter((b) => b.tax >= BILLION).map((b) => [b.buildingId, b.tax]),
      );
      const pipeline = await projectPipeline(db, { ...at, thresholds: s.thresholds, filters });
      const overdue = pipeline.projects.filter((x) => x.overdue !== null);
      expect(file.overdue.map((x) => x.projectId).sort()).toEqual(overdue.map((x) => x.projectId).sort());
      expect(file.projects).toBe(pipeline.projects.length);
      const brief = await briefingFigures(db, {
        ...at,
        filters,
        weights: s.weights,
        method: s.method,
        rules: s.rules,
        thresholds: s.thresholds,
        targetTypes: s.targetTypes,
      });
      expect(file.briefing.sections).toEqual(briefingSections(brief));
    });
  }
});

describe('the first screen publish draws as HTML (figures/m/first.html, docs/PHONE.md)', () => {
  it('is the opening view: every card, the dataset, its as-of date and 口径, hidden until the phone’s style shows it', () => {
    const html = fs.readFileSync(path.join(dir, PHONE_FIRST), 'utf8');
    const index = read<PhoneIndex>(PHONE_INDEX);
    expect(
      html.startsWith('<div id="m-first" hidden><div class="m-app" data-phone-year="2023" data-phone-unit>'),
    ).toBe(true);
    for (const card of ['progress', 'units', 'ranking', 'buildings', 'overdue', 'briefing'])
      expect(html).toContain(`data-phone-figure="${card}"`);
    expect(html).toContain(`data-actual="${index.opening.progress.actual}"`);
    // Each date in a span that does not wrap (a 360 px header broke one at its hyphen).
    const date = '<span class="m-date">2023-06-30</span>';
    expect(html).toContain(`「测试数据集」 · 数据截至 ${date}`);
    expect(html).toContain(`数据截至 ${date} · 口径「${CALIBER.name}」`);
    // The page's own drawing of the same figures (its structure is compared in the browser test).
    expect(html).toBe(firstScreenHtml(index));
  });

  it('writes every name as text: no markup, script or server include can come in through the data', () => {
    const index = read<PhoneIndex>(PHONE_INDEX);
    const hostile = '<script>alert(1)</script><!--# exec cmd="id" -->"&\'';
    const opening = {
      ...index.opening,
      units: index.opening.units.map((u, i) =>
        i === 0 ? { ...u, name: `<img src=x onerror=alert(1)>${u.name}` } : u,
      ),
      overdue: [{ projectId: 'x" onclick="alert(1)', name: hostile, region: UNIT, reason: hostile, days: 3 }],
    };
    const html = firstScreenHtml({ ...index, name: hostile, opening });
    expect(html).not.toMatch(/<script|<img|<!--|onclick="alert|onerror=alert\(1\)>/);
    expect(html).toContain(
      "&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--# exec cmd=&quot;id&quot; --&gt;&quot;&amp;'",
    );
    expect(html).toContain('data-project="x&quot; onclick=&quot;alert(1)"');
  });
});
