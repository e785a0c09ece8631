/** Which page a load opens (src/phone/mode.ts): the phone's links and the narrow-screen rule. */
import fs from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  deskHash,
  isPhoneHash,
  opensOnPhone,
  parsePhoneRoute,
  phoneHash,
  showsFirstScreen,
} from '../src/phone/mode';
import { PHONE_FIRST } from '../src/domain/phone';
import { DATASET_DIR } from '../src/domain/published';

describe('phone routes', () => {
  it('recognises #/m with or without a query, and nothing else', () => {
    for (const hash of ['#/m', '#/m/', '#/m?year=2024', '#/m?year=2024&unit=330302'])
      expect(isPhoneHash(hash), hash).toBe(true);
    for (const hash of ['', '#/', '#/overview', '#/mobile', '#/m2?x=1'])
      expect(isPhoneHash(hash), hash).toBe(false);
  });

  it('opens the bare address on a narrow screen as the phone view, never a desktop route', () => {
    expect(opensOnPhone('', 390)).toBe(true);
    expect(opensOnPhone('#/', 599)).toBe(true);
    expect(opensOnPhone('', 600)).toBe(false);
    expect(opensOnPhone('#/overview?year=2024', 390)).toBe(false);
    expect(opensOnPhone('#/m?year=2024', 1920)).toBe(true);
  });

  it('round-trips year and unit through the link, dropping what is not a year or a unit code', () => {
    expect(parsePhoneRoute(phoneHash({ year: 2024, unit: '330302' }))).toEqual({
      year: 2024,
      unit: '330302',
    });
    expect(phoneHash({})).toBe('#/m');
    expect(parsePhoneRoute('#/m?year=abc&unit=<script>')).toEqual({});
    expect(deskHash({ year: 2023, unit: 'ZN01' })).toBe('#/overview?year=2023&unit=ZN01');
  });
});

describe('the first screen publish draws (docs/PHONE.md)', () => {
  const HASHES = [
    '',
    '#',
    '#/',
    '#/m',
    '#/m/',
    '#/m?',
    '#/m?year=2023',
    '#/m?unit=330302',
    '#m',
    '#/overview',
    '#/mx',
  ];

  it('is right for the bare address and #/m only (this year, 全市)', () => {
    expect(HASHES.filter(showsFirstScreen)).toEqual(['', '#', '#/', '#/m', '#/m/']);
  });

  it('is the file publish writes, by the name index.html includes, after the script that hides it', () => {
    const html = fs.readFileSync('index.html', 'utf8');
    const include = html.indexOf(`<!--# include virtual="${DATASET_DIR}/${PHONE_FIRST}" -->`);
    expect(include).toBeGreaterThan(html.indexOf('<script src="./phone-first.js"></script>'));
    expect(html.indexOf('<script src="./phone-first.js"></script>')).toBeGreaterThan(0);
  });

  it('is hidden by public/phone-first.js for exactly the other addresses', () => {
    const gate = fs.readFileSync('public/phone-first.js', 'utf8');
    for (const hash of HASHES) {
      const classes: string[] = [];
      const page = {
        location: { hash },
        document: { documentElement: { classList: { add: (c: string) => classes.push(c) } } },
      };
      vm.runInNewContext(gate, { window: page, document: page.document });
      expect(classes, hash).toEqual(showsFirstScreen(hash) ? [] : ['m-first-off']);
    }
  });
});
