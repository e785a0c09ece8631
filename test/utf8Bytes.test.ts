/**
 * The byte loops that stand in for TextDecoder/TextEncoder on large files (src/ingest/utf8Bytes.ts)
 * give exactly what those give, on edge cases and on random input.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { toUtf8 } from '../src/ingest/decode';
import { gb18030ToUtf8, isUtf8, lfLineEnds, mixedLineEnds, scanText } from '../src/ingest/utf8Bytes';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

const slow = (bytes: Uint8Array, encoding: string) =>
  new TextEncoder().encode(new TextDecoder(encoding).decode(bytes));

function fatalUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('isUtf8 judges as TextDecoder fatal does', () => {
  it.each([
    ['empty', []],
    ['ASCII', [0x61, 0x0a]],
    ['中 (three bytes)', [0xe4, 0xb8, 0xad]],
    ['an emoji (four bytes)', [0xf0, 0x9f, 0x8f, 0xa2]],
    ['an overlong slash', [0xc0, 0xaf]],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf]],
    ['a surrogate', [0xed, 0xa0, 0x80]],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a cut sequence', [0xe4, 0xb8]],
    ['a lone continuation byte', [0x80]],
    ['GBK 中文', [...iconv.encode('中文', 'gbk')]],
    ['0xF5', [0xf5, 0x80, 0x80, 0x80]],
  ])('%s', (_, bytes) => {
    const array = Uint8Array.from(bytes);
    expect(isUtf8(array)).toBe(fatalUtf8(array));
  });

  it('on 5,000 random byte strings', () => {
    const next = random(7);
    for (let run = 0; run < 5000; run++) {
      const array = Uint8Array.from({ length: Math.floor(next() * 12) }, () =>
        next() < 0.3 ? Math.floor(next() * 0x80) : 0x80 + Math.floor(next() * 0x80),
      );
      expect(isUtf8(array), `bytes ${[...array].join(',')}`).toBe(fatalUtf8(array));
    }
  });
});

describe('gb18030ToUtf8 gives what TextDecoder and TextEncoder give', () => {
  it('for every two-byte sequence, alone and between ASCII', () => {
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        const bytes = Uint8Array.of(0x41, lead, trail, 0x2c);
        const fast = gb18030ToUtf8(bytes);
        if (fast) expect(fast).toEqual(slow(bytes, 'gb18030'));
      }
    }
  });

  it('maps the characters of real exports (no fallback needed)', () => {
    const text =
      '统一社会信用代码,企业名称,所属期,税额（元）\r\n913303,温州鹿禾网络科技股份有限公司,2023-01,“1,234.50”·㎡—\n';
    const bytes = iconv.encode(text, 'gbk');
    expect(gb18030ToUtf8(bytes)).toEqual(new TextEncoder().encode(text));
  });

  it('leaves four-byte sequences, the euro byte and cut sequences to the slow way', () => {
    expect(gb18030ToUtf8(iconv.encode('😀', 'gb18030'))).toBeUndefined();
    expect(gb18030ToUtf8(Uint8Array.of(0x80))).toBeUndefined();
    expect(gb18030ToUtf8(Uint8Array.of(0x41, 0xd6))).toBeUndefined();
    expect(gb18030ToUtf8(Uint8Array.of(0xd6, 0x20))).toBeUndefined();
  });

  it('on 3,000 random byte strings: the same bytes, or left to the slow way', () => {
    const next = random(11);
    for (let run = 0; run < 3000; run++) {
      const array = Uint8Array.from({ length: Math.floor(next() * 16) }, () =>
        next() < 0.4 ? Math.floor(next() * 0x80) : 0x80 + Math.floor(next() * 0x80),
      );
      const fast = gb18030ToUtf8(array);
      if (fast) expect(fast, `bytes ${[...array].join(',')}`).toEqual(slow(array, 'gb18030'));
    }
  });

  it('toUtf8 picks the encoding and strips a BOM as decodeText does', () => {
    const gbk = iconv.encode('企业名称\n', 'gbk');
    expect(toUtf8('f.csv', gbk)).toMatchObject({ encoding: 'gb18030', bom: false, undecodable: 0 });
    expect(new TextDecoder().decode(toUtf8('f.csv', gbk).utf8)).toBe('企业名称\n');
    const withBom = Uint8Array.of(0xef, 0xbb, 0xbf, ...new TextEncoder().encode('甲'));
    expect(toUtf8('f.csv', withBom)).toMatchObject({ encoding: 'utf-8', bom: true });
    expect(new TextDecoder().decode(toUtf8('f.csv', withBom).utf8)).toBe('甲');
    // Forced UTF-8 on GBK bytes would be replacement characters: refused, naming both encodings.
    expect(() => toUtf8('f.csv', gbk, 'utf-8')).toThrow(/UTF-8.*GBK\/GB18030/);
    // A GBK character the fast table leaves alone (the euro byte) goes the slow way, exactly.
    const euro = iconv.encode('企业€名称', 'gb18030');
    expect(toUtf8('f.csv', euro, 'gb18030').utf8).toEqual(slow(euro, 'gb18030'));
  });
});

describe('scanText finds what the string checks found', () => {
  const pieces = ['a', '"', ' ', '\t', '\r', '\n', '\r\n', '\u3000', '中', '\u0000', '\u000b'];

  function expected(text: string) {
    const count = (part: string) => text.split(part).length - 1;
    return {
      nul: text.includes('\u0000'),
      cr: count('\r'),
      lf: count('\n'),
      crlf: count('\r\n'),
      quotes: count('"'),
      // The byte scan counts U+3000 as text (see TextScan): trim only ASCII white space here.
      blankLineInside: /\n[ \t]*\r?\n/.test(text.replace(/[\t\n\v\f\r ]+$/, '')),
    };
  }

  it('on 5,000 random texts of line-ending, space, quote and CJK pieces', () => {
    const next = random(3);
    for (let run = 0; run < 5000; run++) {
      const text = Array.from(
        { length: Math.floor(next() * 10) },
        () => pieces[Math.floor(next() * pieces.length)],
      ).join('');
      expect(scanText(new TextEncoder().encode(text)), JSON.stringify(text)).toEqual(expected(text));
    }
  });

  it('lfLineEnds turns CRLF and lone CR into LF, only where a file mixes them', () => {
    const mixed = new TextEncoder().encode('甲\r\n乙\n丙\r丁\r\n');
    expect(mixedLineEnds(scanText(mixed))).toBe(true);
    expect(new TextDecoder().decode(lfLineEnds(mixed))).toBe('甲\n乙\n丙\n丁\n');
    expect(mixedLineEnds(scanText(new TextEncoder().encode('甲\r\n乙\r\n')))).toBe(false);
    expect(mixedLineEnds(scanText(new TextEncoder().encode('甲\n乙\n')))).toBe(false);
    // Lone CRs (old Mac) with an LF, but no CRLF: mixed too.
    expect(mixedLineEnds(scanText(new TextEncoder().encode('甲\r乙\r丙\n')))).toBe(true);
    expect(mixedLineEnds(scanText(new TextEncoder().encode('甲\r乙\r')))).toBe(false);
  });
});
