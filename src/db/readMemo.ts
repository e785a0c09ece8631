/**
 * Reads of one data version, asked once. The screens' figure functions ask the same small questions
 * many times — the targets of Y by region, the counted new HQ of Y, the as-of facts — within one
 * filter change (the overview's 25 queries hold 9 repeats) and again when a leader steps back to a
 * unit or year seen a minute ago. Each is a round trip to the engine's worker; here a repeat of the
 * same query text and parameters shares the first answer.
 *
 * Valid only while the data cannot change under it: the app makes one per data version (every
 * committed import, undo or rollback bumps it, src/app/dataVersion.ts) and gives it only to the
 * screens that read — never to the data page, whose desk and history write. Failures are not kept
 * (the next ask runs again); nor are large answers (record lists for drill-down), so what is kept
 * stays small: at most `MAX_ENTRIES` answers of at most `MAX_ROWS` rows.
 */
import type { Db, Row } from './types';
import type { Sql } from './sql';

const MAX_ENTRIES = 400;
const MAX_ROWS = 2_000;

export function memoizeReads(db: Db): Db {
  const answers = new Map<string, Promise<Row[]>>();
  const remember = (key: string, answer: Promise<Row[]>) => {
    answers.set(key, answer);
    // A Map iterates in insertion order: the first key is the oldest.
    if (answers.size > MAX_ENTRIES) answers.delete(answers.keys().next().value!);
  };
  const query = <T = Row>(q: Sql): Promise<T[]> => {
    const key = JSON.stringify([q.text, q.params]);
    let answer = answers.get(key);
    if (!answer) {
      answer = db.query<Row>(q);
      remember(key, answer);
      answer.then(
        (rows) => rows.length > MAX_ROWS && answers.delete(key),
        () => answers.delete(key),
      );
    }
    // Each caller gets its own copy: figure code may sort or change the rows it is given.
    return answer.then((rows) => structuredClone(rows) as T[]);
  };
  return {
    query,
    run: (q) => db.run(q),
    registerFile: (name, bytes) => db.registerFile(name, bytes),
    dropFile: (name) => db.dropFile(name),
    setup: (name, statements) => db.setup(name, statements),
    use: (catalog) => db.use(catalog),
    session: () => db.session(),
    close: () => db.close(),
  };
}
