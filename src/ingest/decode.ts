/**
 * Bytes → text without asking the user: UTF-8 when the bytes are valid UTF-8 (one invalid sequence
 * rules it out), otherwise GB18030, the superset of GBK that Chinese Windows exports use.
 */
import { gb18030ToUtf8, isUtf8 } from './utf8Bytes';

export type Encoding = 'utf-8' | 'gb18030';

const BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return BOM.every((b, i) => bytes[i] === b);
}

export interface Utf8Bytes {
  /** The text as UTF-8 bytes, without a byte-order mark (the file's own bytes when they are UTF-8). */
  utf8: Uint8Array;
  encoding: Encoding;
  bom: boolean;
}

/** The file's text as UTF-8 bytes, never held whole as a string (see utf8Bytes.ts). */
export function toUtf8(bytes: Uint8Array, encoding?: Encoding): Utf8Bytes {
  const bom = hasUtf8Bom(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  if (encoding === 'gb18030') return { utf8: fromGb18030(body), encoding, bom };
  if (encoding === 'utf-8' || bom)
    return { utf8: isUtf8(body) ? body : reencode(body, 'utf-8'), encoding: 'utf-8', bom };
  return isUtf8(body)
    ? { utf8: body, encoding: 'utf-8', bom }
    : { utf8: fromGb18030(body), encoding: 'gb18030', bom };
}

function fromGb18030(body: Uint8Array): Uint8Array {
  return gb18030ToUtf8(body) ?? reencode(body, 'gb18030');
}

/** The slow way, for what the byte loops leave alone: invalid sequences become U+FFFD. */
function reencode(body: Uint8Array, encoding: Encoding): Uint8Array {
  return new TextEncoder().encode(new TextDecoder(encoding).decode(body));
}
