/**
 * Bytes → text without asking the user: UTF-8 when the bytes are valid UTF-8 (decoded with
 * `fatal: true`, so one invalid sequence rules it out), otherwise GB18030, the superset of GBK that
 * Chinese Windows exports use.
 */

export type Encoding = 'utf-8' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Whether a UTF-8 byte-order mark was present (and removed). */
  bom: boolean;
}

const BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return BOM.every((b, i) => bytes[i] === b);
}

export function decodeText(bytes: Uint8Array, encoding?: Encoding): Decoded {
  const bom = hasUtf8Bom(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  if (encoding === 'gb18030') return { text: new TextDecoder('gb18030').decode(body), encoding, bom };
  if (encoding === 'utf-8' || bom)
    return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', bom };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', bom };
  } catch {
    return { text: new TextDecoder('gb18030').decode(body), encoding: 'gb18030', bom };
  }
}
