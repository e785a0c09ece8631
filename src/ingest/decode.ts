/**
 * Bytes → UTF-8 text, deciding the encoding per file on evidence (encodingEvidence.ts) instead of
 * "valid UTF-8, else GB18030": that rule read a UTF-8 file with one broken byte as GBK and saved
 * every name as mojibake (温州 → 娓╁窞), and it took a wrong encoding chosen by the user as it came.
 *
 * - A byte-order mark decides: UTF-16 (Excel's "Unicode text") or UTF-8.
 * - Valid UTF-8 is UTF-8; chosen as GBK it would be mojibake, so that choice is refused.
 * - Otherwise a few broken sequences among much valid UTF-8 are damage in a UTF-8 file; GBK text
 *   whose characters are mostly common is GBK; anything else is refused with what each reading gives.
 * Bytes that cannot be decoded become U+FFFD and are counted: rows holding one are rejected (check.ts),
 * so nothing is saved garbled.
 */
import { encodingEvidence, looksLikeDamagedUtf8, looksLikeGbk, sampleText } from './encodingEvidence';
import { FileRefused } from './refusal';
import { gb18030ToUtf8, isUtf8 } from './utf8Bytes';

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** The encodings a user can choose on the desk (UTF-16 is known by its byte-order mark). */
export type ChosenEncoding = 'utf-8' | 'gb18030';

const BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return BOM.every((b, i) => bytes[i] === b);
}

/** UTF-16 by its byte-order mark (FF FE little-endian, FE FF big-endian). */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

export interface Utf8Bytes {
  /** The text as UTF-8 bytes, without a byte-order mark (the file's own bytes when they are UTF-8). */
  utf8: Uint8Array;
  encoding: Encoding;
  bom: boolean;
  /** Byte sequences that could not be decoded; each is a U+FFFD in `utf8`. */
  undecodable: number;
}

const LABEL: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GBK/GB18030',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
};

export function encodingLabel(encoding: Encoding | 'xlsx'): string {
  return encoding === 'xlsx' ? 'Excel' : LABEL[encoding];
}

/** The file's text as UTF-8 bytes, never held whole as a string (see utf8Bytes.ts). */
export function toUtf8(file: string, bytes: Uint8Array, chosen?: ChosenEncoding): Utf8Bytes {
  const utf16 = utf16Bom(bytes);
  if (utf16) return counted(reencode(bytes.subarray(2), utf16), utf16, true);
  const bom = hasUtf8Bom(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) {
    if (chosen === 'gb18030' && body.some((b) => b >= 0x80))
      throw wrongChoice(file, body, 'gb18030', 'utf-8');
    return { utf8: body, encoding: 'utf-8', bom, undecodable: 0 };
  }
  const evidence = encodingEvidence(body);
  const damagedUtf8 = looksLikeDamagedUtf8(evidence);
  const gbk = looksLikeGbk(evidence);
  // Without a choice: GBK when it reads as Chinese, unless a UTF-8 mark says otherwise and the
  // broken sequences are few; damaged UTF-8 when they are few and GBK gives no Chinese.
  const encoding = chosen ?? (gbk && !(bom && damagedUtf8) ? 'gb18030' : damagedUtf8 ? 'utf-8' : undefined);
  if (encoding === 'utf-8') {
    if (!damagedUtf8 && gbk) throw wrongChoice(file, body, 'utf-8', 'gb18030');
    return counted(reencode(body, 'utf-8'), 'utf-8', bom);
  }
  if (encoding === 'gb18030') {
    if (!gbk && damagedUtf8) throw wrongChoice(file, body, 'gb18030', 'utf-8');
    if (!gbk) throw undecided(file, body);
    const fast = gb18030ToUtf8(body);
    return fast
      ? { utf8: fast, encoding, bom, undecodable: 0 }
      : counted(reencode(body, encoding), encoding, bom);
  }
  throw undecided(file, body);
}

function wrongChoice(file: string, body: Uint8Array, chosen: Encoding, actual: Encoding): FileRefused {
  return new FileRefused(
    file,
    `按所选编码 ${LABEL[chosen]} 读取得到乱码（如「${sampleText(body, chosen)}」），` +
      `文件实为 ${LABEL[actual]} 编码（读作「${sampleText(body, actual)}」）：请把编码改为“自动”或 ${LABEL[actual]}`,
  );
}

function undecided(file: string, body: Uint8Array): FileRefused {
  return new FileRefused(
    file,
    `无法确定文件编码：按 UTF-8 读取有大量无法识别的字节，按 GBK/GB18030 读取多为生僻字（如「${sampleText(body, 'gb18030')}」），` +
      '疑似乱码或混合了两种编码；请另存为 UTF-8 或 GBK 编码的 CSV 后再导入',
  );
}

/** The slow way, for what the byte loops leave alone: invalid sequences become U+FFFD. */
function reencode(body: Uint8Array, encoding: Encoding): Uint8Array {
  return new TextEncoder().encode(new TextDecoder(encoding).decode(body));
}

/** U+FFFD in UTF-8 is EF BF BD: counted, as each marks a sequence that could not be decoded. */
function counted(utf8: Uint8Array, encoding: Encoding, bom: boolean): Utf8Bytes {
  let undecodable = 0;
  for (let i = utf8.indexOf(0xef); i >= 0 && i < utf8.length - 2; i = utf8.indexOf(0xef, i + 1))
    if (utf8[i + 1] === 0xbf && utf8[i + 2] === 0xbd) undecodable++;
  return { utf8, encoding, bom, undecodable };
}
