/**
 * One pass over a CSV body's UTF-8 bytes for the shape of each record, which neither DuckDB nor
 * PapaParse reports: rows shorter than the header (padded with empty cells, so said as a warning)
 * and quoted fields that swallow line breaks and delimiters — a stray quote, which would otherwise
 * merge several rows into one name without any error (`,"引号企业1,` … three lines on … `引号企业4",`).
 * Records are counted as the importer numbers rows (a blank line is a record, a quoted line break is not).
 */

/** Rows listed in a warning or refusal; the count says how many there are in all. */
export const MAX_LISTED_ROWS = 1000;

export interface SuspectRecord {
  /** The record's row number (as the user sees rows), and the text lines it spans. */
  row: number;
  firstLine: number;
  lastLine: number;
  fields: number;
}

export interface RecordShapes {
  /** Data rows (after the header) with fewer fields than the header, not blank. */
  shortRows: number[];
  shortCount: number;
  /**
   * Data rows spanning several lines whose quoted text holds the delimiter on a line after a break
   * (the next rows' cells), or whose field count then differs from the header's: rows swallowed by a
   * stray quote. A name such as "甲,乙⏎丙" is not: its continuation line holds no delimiter.
   */
  suspect: SuspectRecord[];
}

const QUOTE = 0x22;
const LF = 0x0a;

export function recordShapes(
  bytes: Uint8Array,
  delimiter: string,
  width: number,
  headerIndex: number,
): RecordShapes {
  const delim = delimiter.charCodeAt(0);
  const shortRows: number[] = [];
  let shortCount = 0;
  const suspect: SuspectRecord[] = [];
  let record = 0; // 0-based
  let line = 1;
  let firstLine = 1;
  let fields = 1;
  let blank = true;
  let inQuote = false;
  let fieldBreak = false;
  let fieldDelim = false;
  let swallowed = false;
  let multiline = false;
  const endRecord = () => {
    if (record > headerIndex && !blank) {
      if (multiline && (swallowed || fields !== width)) {
        if (suspect.length < MAX_LISTED_ROWS)
          suspect.push({ row: record + 1, firstLine, lastLine: line, fields });
      } else if (fields < width) {
        shortCount++;
        if (shortRows.length < MAX_LISTED_ROWS) shortRows.push(record + 1);
      }
    }
    record++;
    fields = 1;
    blank = true;
    swallowed = false;
    multiline = false;
  };
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (inQuote) {
      if (b === QUOTE) {
        if (bytes[i + 1] === QUOTE) i++;
        else {
          inQuote = false;
          if (fieldBreak && fieldDelim) swallowed = true;
        }
      } else if (b === LF) {
        line++;
        fieldBreak = true;
        multiline = true;
      } else if (b === delim && fieldBreak) fieldDelim = true;
      continue;
    }
    if (b === LF) {
      endRecord();
      line++;
      firstLine = line;
    } else if (b === delim) {
      fields++;
      blank = false;
    } else if (b === QUOTE) {
      inQuote = true;
      fieldBreak = false;
      fieldDelim = false;
      blank = false;
    } else if (b !== 0x0d && b !== 0x20 && b !== 0x09) blank = false;
  }
  if (!blank || multiline) endRecord();
  return { shortRows, shortCount, suspect };
}
