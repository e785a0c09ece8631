/**
 * ZIP files (XLSX workbooks, the 导出全部数据 backup) unpacked within a bound. A 1 MB workbook can
 * unpack to 1 GiB: inflated whole it crashed the tab. The sizes in the ZIP's central directory are
 * checked before anything is inflated, and since a directory can lie, inflation counts what it
 * actually produces and stops at the bound — the work is bounded by the limit, not by the file.
 */
import { Inflate } from 'fflate';
import { FileRefused } from './refusal';

/** An XLSX workbook's parts, unpacked: a sheet of a million narrow rows is about 200 MB of XML. */
export const MAX_XLSX_UNPACKED = 256 * 1024 ** 2;
/** A whole-dataset backup's CSV files, unpacked (five million tax rows are about 400 MB). */
export const MAX_DATASET_UNPACKED = 512 * 1024 ** 2;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As the directory declares it. */
  size: number;
  /** Where the entry's compressed data starts. */
  dataStart: number;
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) =>
  (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

/** The central directory's entries; undefined when the bytes are no readable ZIP. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return undefined;
    const nameLength = u16(bytes, at + 28);
    const local = u32(bytes, at + 42);
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) return undefined;
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      dataStart: local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28),
    });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

function tooLarge(file: string, limit: number): FileRefused {
  return new FileRefused(
    file,
    `文件解压后过大（超过 ${Math.round(limit / 1024 ** 2)} MB），可能是损坏或恶意构造的压缩文件；请拆分后再导入`,
  );
}

class Overflow extends Error {}

/**
 * Inflates one entry, giving its data to `keep` (or dropping it), and stops with a refusal as soon
 * as the output passes `room` bytes. Returns the bytes produced.
 */
function inflateEntry(
  file: string,
  bytes: Uint8Array,
  entry: ZipEntry,
  room: number,
  limit: number,
  keep?: (chunk: Uint8Array) => void,
): number {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > room) throw tooLarge(file, limit);
    keep?.(data);
    return data.length;
  }
  if (entry.method !== 8) throw new FileRefused(file, `压缩方式 ${entry.method} 不受支持`);
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > room) throw new Overflow();
    keep?.(chunk);
  });
  try {
    // Small slices: one slice of a bomb inflates to at most about a thousand times its size.
    const slice = 16 * 1024;
    for (let i = 0; i < data.length; i += slice)
      inflater.push(data.subarray(i, i + slice), i + slice >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof Overflow) throw tooLarge(file, limit);
    throw new FileRefused(file, `压缩数据已损坏（${(error as Error).message}）`);
  }
  return produced;
}

/**
 * Refuses a ZIP whose entries unpack to more than `limit` bytes in all: first by the sizes the
 * directory declares, then by inflating (and discarding) with a running count.
 */
export function checkUnpackedSize(file: string, bytes: Uint8Array, limit: number): void {
  const entries = zipEntries(bytes);
  if (!entries) return; // not readable as a ZIP: the reader says so in its own words
  if (entries.reduce((n, e) => n + e.size, 0) > limit) throw tooLarge(file, limit);
  let total = 0;
  for (const entry of entries) total += inflateEntry(file, bytes, entry, limit - total, limit);
}

/** The entries `wanted` picks, unpacked within `limit` bytes in all; undefined when no ZIP. */
export function unzipBounded(
  file: string,
  bytes: Uint8Array,
  limit: number,
  wanted: (name: string) => boolean,
): Record<string, Uint8Array> | undefined {
  const entries = zipEntries(bytes)?.filter((e) => wanted(e.name));
  if (!entries) return undefined;
  if (entries.reduce((n, e) => n + e.size, 0) > limit) throw tooLarge(file, limit);
  const out: Record<string, Uint8Array> = {};
  let total = 0;
  for (const entry of entries) {
    const chunks: Uint8Array[] = [];
    const size = inflateEntry(file, bytes, entry, limit - total, limit, (c) => chunks.push(c.slice()));
    total += size;
    const whole = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      whole.set(c, at);
      at += c.length;
    }
    out[entry.name] = whole;
  }
  return out;
}
