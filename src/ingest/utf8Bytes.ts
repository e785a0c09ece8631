/**
 * A CSV file's bytes → the UTF-8 bytes DuckDB reads, without making a JavaScript string of the
 * whole file. In Chromium, decoding a 74 MB GBK export to a string takes 0.6 s and encoding that
 * string back to UTF-8 another 0.5 s (bench:desk); the byte loops here do both at once, and the
 * checks the importer needs (NUL bytes, line endings, blank lines, quotes) in one more pass. Any
 * byte sequence these loops do not know is left to TextDecoder, so the result is always exactly
 * what `TextEncoder.encode(new TextDecoder(encoding).decode(bytes))` gives.
 */

/** Whether `bytes` are valid UTF-8, as TextDecoder's `fatal: true` judges them. */
export function isUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0; // no overlong forms
      if (b === 0xed) high = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f; // nothing above U+10FFFF
    } else return false;
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return false;
    for (let k = 2; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return false;
    }
    i += need + 1;
  }
  return true;
}

/**
 * GB18030 two-byte sequences → their UTF-8 bytes, packed in one number each: up to three bytes, low
 * byte first, and the count in the top byte (0: no entry). Index (lead − 0x81) × 191 + (trail − 0x40).
 */
let pairs: Uint32Array | undefined;

/**
 * Built once from TextDecoder itself (24k two-byte sequences, a few milliseconds), so it agrees
 * with it. A sequence TextDecoder does not map to one character of the BMP gets no entry.
 */
function pairTable(): Uint32Array {
  if (pairs) return pairs;
  const decoder = new TextDecoder('gb18030');
  const encoder = new TextEncoder();
  const table = new Uint32Array(126 * 191);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const text = decoder.decode(Uint8Array.of(lead, trail));
      if (text.length !== 1 || text === '\uFFFD') continue;
      const utf8 = encoder.encode(text);
      let packed = utf8.length * 0x1000000;
      utf8.forEach((byte, i) => (packed += byte * 0x100 ** i));
      table[(lead - 0x81) * 191 + (trail - 0x40)] = packed;
    }
  }
  pairs = table;
  return table;
}

/**
 * GB18030 (GBK) bytes → UTF-8 bytes. Undefined when the bytes hold anything but ASCII and
 * two-byte characters (a four-byte sequence, the euro byte 0x80, an invalid or cut sequence): the
 * caller then decodes the slow way, which handles every case.
 */
export function gb18030ToUtf8(input: Uint8Array): Uint8Array | undefined {
  const table = pairTable();
  const n = input.length;
  // Two bytes become at most three (every two-byte character is in the BMP).
  const out = new Uint8Array(Math.ceil(n * 1.5) + 4);
  let o = 0;
  let i = 0;
  while (i < n) {
    const b = input[i]!;
    if (b < 0x80) {
      out[o++] = b;
      i++;
      continue;
    }
    const trail = input[i + 1]!;
    // (An index past the end reads undefined, which every comparison below refuses.)
    if (!(b > 0x80 && b < 0xff && trail >= 0x40 && trail < 0xff)) return undefined;
    const packed = table[(b - 0x81) * 191 + (trail - 0x40)]!;
    const length = packed >>> 24;
    if (length === 0) return undefined;
    out[o] = packed & 0xff;
    out[o + 1] = (packed >>> 8) & 0xff;
    out[o + 2] = (packed >>> 16) & 0xff;
    o += length;
    i += 2;
  }
  return out.subarray(0, o);
}

export interface TextScan {
  /** A NUL byte: not a text file. */
  nul: boolean;
  cr: number;
  lf: number;
  crlf: number;
  quotes: number;
  /**
   * A blank line (only spaces and tabs) after the first line with text after it, as
   * `/\n[ \t]*\r?\n/.test(text.trimEnd())` finds one. Any byte other than ASCII white space counts
   * as text here, so a file ending in, say, ideographic spaces is judged to have text after.
   */
  blankLineInside: boolean;
}

/** One pass over UTF-8 bytes for what the importer must know before DuckDB reads them. */
export function scanText(bytes: Uint8Array): TextScan {
  let nul = false;
  let cr = 0;
  let lf = 0;
  let crlf = 0;
  let quotes = 0;
  let lineStart = false; // inside a line that began after a LF and holds only spaces and tabs so far
  let firstBlankEnd = -1;
  let lastText = -1;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    // Most bytes are text above '"': one comparison for them.
    if (b > 0x22) {
      lineStart = false;
      lastText = i;
    } else if (b === 0x0a) {
      lf++;
      if (lineStart && firstBlankEnd < 0) firstBlankEnd = i;
      lineStart = true;
    } else if (b === 0x0d) {
      cr++;
      if (bytes[i + 1] === 0x0a) crlf++;
      else lineStart = false;
    } else if (b !== 0x20 && b !== 0x09) {
      // (spaces and tabs may fill a blank line)
      lineStart = false;
      if (b === 0x22) quotes++;
      else if (b === 0x00) nul = true;
      if (b < 0x09 || b > 0x0d) lastText = i;
    }
  }
  return { nul, cr, lf, crlf, quotes, blankLineInside: firstBlankEnd >= 0 && lastText > firstBlankEnd };
}

/**
 * Whether a file mixes line endings (CRLF, lone CR, lone LF), which DuckDB's strict parser refuses
 * ("state machine reached an invalid state"): old Mac exports end lines with CR, and one edited or
 * appended to elsewhere gains an LF.
 */
export function mixedLineEnds({ cr, lf, crlf }: TextScan): boolean {
  return [crlf > 0, cr > crlf, lf > crlf].filter(Boolean).length > 1;
}

/** CRLF and lone CR → LF (for a file that mixes them; see mixedLineEnds). */
export function lfLineEnds(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let o = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 0x0d) out[o++] = b;
    else if (bytes[i + 1] !== 0x0a) out[o++] = 0x0a;
  }
  return out.subarray(0, o);
}
