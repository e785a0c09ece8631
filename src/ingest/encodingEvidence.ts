/**
 * What a file's bytes say about their encoding, measured rather than guessed: how many byte
 * sequences are not UTF-8, and how much of the text read as GBK is common Chinese. Mojibake has a
 * shape: UTF-8 Chinese read as GBK becomes rare characters and box-drawing signs (温州 → 娓╁窞),
 * because UTF-8's lead bytes E4–E9 fall on GB2312's second level; GBK read as UTF-8 fails on nearly
 * every pair. Real names in GBK are mostly GB2312 level-1 characters and full-width punctuation.
 */

/** The evidence is taken from the file's first bytes: enough text, bounded work on a large file. */
export const EVIDENCE_BYTES = 4 * 1024 * 1024;

export interface EncodingEvidence {
  /** Valid UTF-8 sequences of two or more bytes. */
  utf8Multibyte: number;
  /** Byte sequences that are not UTF-8 (each would become U+FFFD). */
  utf8Invalid: number;
  /** GBK two-byte characters, and those of them that are common (GB2312 level 1, symbols, full-width forms). */
  gbkPairs: number;
  gbkCommon: number;
  /** Bytes above 0x7F that start no GBK character. */
  gbkInvalid: number;
}

export function encodingEvidence(bytes: Uint8Array): EncodingEvidence {
  const sample = bytes.subarray(0, EVIDENCE_BYTES);
  return { ...utf8Counts(sample), ...gbkCounts(sample) };
}

function utf8Counts(bytes: Uint8Array): Pick<EncodingEvidence, 'utf8Multibyte' | 'utf8Invalid'> {
  let multibyte = 0;
  let invalid = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (need === 0) {
      invalid++;
      i++;
      continue;
    }
    // A sequence cut by the end of the sample is not evidence either way.
    if (i + need >= n) break;
    let ok = bytes[i + 1]! >= low && bytes[i + 1]! <= high;
    for (let k = 2; ok && k <= need; k++) ok = bytes[i + k]! >= 0x80 && bytes[i + k]! <= 0xbf;
    if (ok) {
      multibyte++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { utf8Multibyte: multibyte, utf8Invalid: invalid };
}

function gbkCounts(bytes: Uint8Array): Pick<EncodingEvidence, 'gbkPairs' | 'gbkCommon' | 'gbkInvalid'> {
  let pairs = 0;
  let common = 0;
  let invalid = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const trail = bytes[i + 1];
    if (trail === undefined) break;
    if (b >= 0x81 && b <= 0xfe && trail >= 0x40 && trail <= 0xfe && trail !== 0x7f) {
      pairs++;
      // A1–A3: punctuation, symbols, full-width letters and digits; B0–D7: the 3,755 level-1 characters.
      if (trail >= 0xa1 && ((b >= 0xa1 && b <= 0xa3) || (b >= 0xb0 && b <= 0xd7))) common++;
      i += 2;
    } else {
      invalid++;
      i++;
    }
  }
  return { gbkPairs: pairs, gbkCommon: common, gbkInvalid: invalid };
}

/**
 * Few enough broken sequences to be damage in a UTF-8 file (a cut multi-byte character, a stray
 * byte) rather than another encoding: GBK read as UTF-8 breaks on most characters (78–90% of the
 * sequences in the bureau's GBK exports), a damaged UTF-8 file on a few.
 */
export function looksLikeDamagedUtf8(e: EncodingEvidence): boolean {
  return e.utf8Invalid <= Math.max(3, 0.25 * (e.utf8Multibyte + e.utf8Invalid));
}

/**
 * GBK that reads as real Chinese: nearly all two-byte characters are common ones (0.96–0.99 in the
 * bureau's exports; UTF-8 read as GBK gives under 0.25). A file that mixes the two falls between
 * and is refused rather than half saved as mojibake.
 */
export function looksLikeGbk(e: EncodingEvidence): boolean {
  return e.gbkPairs > 0 && e.gbkCommon >= 0.8 * (e.gbkPairs + e.gbkInvalid);
}

/** The first run of non-ASCII text in `bytes`, decoded with `encoding`: evidence a person can read. */
export function sampleText(bytes: Uint8Array, encoding: string): string {
  const start = bytes.findIndex((b) => b >= 0x80);
  if (start < 0) return '';
  let end = start;
  while (end < bytes.length && end - start < 24 && bytes[end]! >= 0x80) end++;
  return new TextDecoder(encoding).decode(bytes.subarray(start, end)).slice(0, 8);
}
