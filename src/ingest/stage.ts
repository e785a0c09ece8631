/**
 * A source's body → a staging table of text columns c0…cN in DuckDB, plus the SQL expression that
 * gives each staged row its row number in the file.
 */
import { ident, raw, sql, type Db, type Sql } from '../db';
import { FileRefused } from './refusal';
import type { Source } from './source';

export interface Staged {
  table: Sql;
  /** SQL giving the 1-based file row of a staged row. */
  rowNumber: Sql;
  width: number;
  /** Rows staged (blank lines and 合计 rows included: the check drops them). */
  rows: number;
}

const DELIMITERS = new Set([',', '\t', ';', '|']);

export function stageColumn(i: number): Sql {
  return ident(`c${i}`);
}

export async function stageSource(db: Db, source: Source, id: string): Promise<Staged> {
  return stagePart(db, source, id, { utf8: source.body.utf8, index: 0, lineOffset: 0 }, 0);
}

/**
 * One part of a source's body, cut at a line boundary outside quotes (slices.ts): the whole body,
 * or one slice of a large file. `recordsBefore`: the data rows staged from the slices before it, so
 * a row keeps its number in the file; `lineOffset`: the text lines before it, so DuckDB's errors
 * name the file's line.
 */
export interface BodyPart {
  utf8: Uint8Array;
  /** 0 for the first part, which starts with the header (skipped). */
  index: number;
  lineOffset: number;
}

export async function stagePart(
  db: Db,
  source: Source,
  id: string,
  part: BodyPart,
  recordsBefore: number,
): Promise<Staged> {
  const table = ident(`stage_${id}`);
  const fileName = `import_${id}.csv`;
  const width = Math.max(source.width, 1);
  const body = source.body;
  const textColumns = Array.from({ length: width }, (_, i) => `'c${i}': 'VARCHAR'`);
  try {
    if (body.kind === 'csv') {
      if (!DELIMITERS.has(body.delimiter)) throw new FileRefused(source.file, '无法识别的分隔符');
      await db.registerFile(fileName, part.utf8);
      const skip = part.index === 0 ? body.skipLines : 0;
      await db.run(readCsvInto(table, fileName, textColumns, skip, body.delimiter));
      const firstRow = body.firstRow + recordsBefore;
      return { table, rowNumber: raw(`(rowid + ${firstRow})`), width, rows: await countRows(db, table) };
    }
    await db.registerFile(fileName, part.utf8);
    await db.run(readCsvInto(table, fileName, [`'__row': 'INTEGER'`, ...textColumns], 0, ','));
    return { table, rowNumber: raw('"__row"'), width, rows: await countRows(db, table) };
  } catch (error) {
    if (error instanceof FileRefused) throw error;
    throw new FileRefused(source.file, explainCsvError((error as Error).message, part.lineOffset));
  } finally {
    await db.dropFile(fileName);
  }
}

async function countRows(db: Db, table: Sql): Promise<number> {
  const [row] = await db.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM ${table}`);
  return row?.n ?? 0;
}

function readCsvInto(table: Sql, fileName: string, columns: string[], skip: number, delimiter: string): Sql {
  const delim = delimiter === '\t' ? '\\t' : delimiter;
  // Every column is text: typing happens deliberately in check.ts (DuckDB's type guess failed on
  // credit codes that look numeric for 200k rows). Strict quoting, so a broken file is refused.
  return raw(
    `CREATE OR REPLACE TEMP TABLE ${table.text} AS SELECT * FROM read_csv('${fileName}', header = false, ` +
      `skip = ${skip}, auto_detect = false, delim = '${delim}', quote = '"', escape = '"', ` +
      `null_padding = true, parallel = false, columns = {${columns.join(', ')}})`,
  );
}

/** DuckDB's CSV errors, said in Chinese with the line they name (`lineOffset`: lines before the part read). */
export function explainCsvError(message: string, lineOffset = 0): string {
  const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
  const where = line ? `第${Number(line) + lineOffset}行` : '';
  if (/unterminated quote/i.test(message)) return `${where}引号未闭合，文件可能被截断或格式损坏`;
  if (/Expected Number of Columns/i.test(message)) return `${where}的列数多于表头`;
  if (/Invalid unicode|UTF-8/i.test(message)) return `${where}含有无法识别的字符编码`;
  if (/state machine/i.test(message))
    return `${where}的换行或引号格式无法识别（文件可能损坏），请另存为 CSV 后再导入`;
  return `无法按表格读取（${message.split('\n')[0]}）`;
}
