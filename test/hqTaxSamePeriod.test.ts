/**
 * HQ tax year-on-year for a year loaded only part-way: Y−1 is summed over the same months (同期),
 * so a year loaded to March is compared with January–March, not with a whole year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db';
import { openNodeDb } from '../src/db/node';
import { hqTax } from '../src/domain/figures/hqStock';
import { importFiles } from '../src/ingest';

const CODE = '91330100716105852F';
const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

let db: Db;

beforeAll(async () => {
  db = await openNodeDb();
  // 100万 every month of 2023; 2024 loaded to March at 150万 a month.
  const months = [
    ...Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`),
    '2024-01',
    '2024-02',
    '2024-03',
  ];
  const tax = months.map((m) => `${CODE},${m},增值税,${m.startsWith('2024') ? 1_500_000 : 1_000_000}`);
  await importFiles(db, [
    csv('企业.csv', `统一社会信用代码,企业名称,属地\n${CODE},样例企业,鹿城区\n`),
    csv(
      '认定.csv',
      `统一社会信用代码,认定类别,认定状态,认定地,认定日期\n${CODE},新引进,已认定,鹿城区,2022-06-01\n`,
    ),
    csv('税收.csv', `统一社会信用代码,所属期,税种,税额（元）\n${tax.join('\n')}\n`),
  ]);
});

afterAll(async () => {
  await db.close();
});

describe('hqTax year on year', () => {
  it('compares a year loaded to March with January–March of the year before', async () => {
    // 2024: 3 × 1.5M = 4.5M; 2023 Jan–Mar: 3 × 1M = 3M; change 0.5
    expect(await hqTax(db, { year: 2024 })).toEqual({
      year: 2024,
      tax: 4_500_000,
      previous: 3_000_000,
      change: 0.5,
      months: '1—3月',
    });
  });

  it('compares whole years once a year is loaded to December', async () => {
    // 2023: 12M; 2022: no rows → no change to report
    expect(await hqTax(db, { year: 2023 })).toEqual({
      year: 2023,
      tax: 12_000_000,
      previous: 0,
      change: null,
      months: null,
    });
  });
});
