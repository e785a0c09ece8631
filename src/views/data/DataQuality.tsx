/**
 * 数据质量 on the data page: each check with its count (✓ 无 when clean); a click on a count lists
 * its rows in a table below, and the chosen check stays in the link (`quality=<key>`) so a copied
 * link opens the same list. Mounted by DataScreen:
 * `<DataQuality db={db} extra={extra} navigate={navigate} />`.
 */
import { useMemo } from 'react';
import { DataTable, type Column } from '../../app/DataTable';
import { Panel } from '../../app/Panel';
import type { ScreenProps } from '../../app/screen';
import { useFigure } from '../../app/useFigure';
import {
  dataQuality,
  dataQualityRows,
  isQualityKey,
  localToday,
  QUALITY_FIELDS,
  type QualityCheck,
  type QualityKey,
  type QualityRow,
} from '../../domain/figures/dataQuality';
import { formatCount } from '../../format/numbers';
import './dataQuality.css';

const SEVERITY_TEXT = { error: '错误', warn: '警示', info: '提示' } as const;

type Props = Pick<ScreenProps, 'db' | 'extra' | 'navigate'>;

export function DataQuality({ db, extra, navigate }: Props) {
  // The wall-clock date, fixed per render so the check's label and its rows agree.
  const today = localToday();
  const state = useFigure(db, dataQuality, { today });
  const selected = isQualityKey(extra.quality) ? extra.quality : undefined;
  const choose = (key: QualityKey) =>
    navigate({ extra: { quality: key === selected ? undefined : key } });
  const chosen = state.status === 'ready' ? state.data.checks.find((c) => c.key === selected) : undefined;
  return (
    <>
      <Panel title="数据质量" state={state} wide>
        {({ checks }) => (
          <>
            <ul className="quality-checks">
              {checks.map((check) => (
                <CheckItem
                  key={check.key}
                  check={check}
                  selected={check.key === selected}
                  onChoose={() => choose(check.key)}
                />
              ))}
            </ul>
            <p className="note">
              这些行均已载入并参与计算；点击数字查看明细。日期以今天（{today}）为界，晚于今天的日期多为录入错误。
            </p>
          </>
        )}
      </Panel>
      {chosen && chosen.count > 0 && <QualityRows db={db} check={chosen} today={today} />}
    </>
  );
}

function CheckItem({
  check,
  selected,
  onChoose,
}: {
  check: QualityCheck;
  selected: boolean;
  onChoose: () => void;
}) {
  const clean = check.count === 0;
  return (
    <li className={clean ? 'quality-check clean' : `quality-check ${check.severity}`} data-check={check.key}>
      {clean ? (
        <span className="quality-count">✓ 无</span>
      ) : (
        <button
          type="button"
          className="quality-count"
          aria-pressed={selected}
          title={`${SEVERITY_TEXT[check.severity]}：查看明细`}
          onClick={onChoose}
        >
          {formatCount(check.count)}
        </button>
      )}
      <span className="quality-label">{check.label}</span>
      {check.note && <span className="note">{check.note}</span>}
    </li>
  );
}

function QualityRows({ db, check, today }: { db: Props['db']; check: QualityCheck; today: string }) {
  const state = useFigure(db, dataQualityRows, { key: check.key, today });
  const columns = useMemo<Column<QualityRow>[]>(
    () =>
      QUALITY_FIELDS[check.key].map((f) => ({
        key: f.name,
        header: f.name,
        kind: f.kind,
        ...(f.kind === 'yuan' ? { unit: '万元' as const } : {}),
        value: (row: QualityRow) => row[f.name] ?? null,
      })),
    [check.key],
  );
  return (
    <Panel
      title={`数据质量明细：${check.label}`}
      state={state}
      isEmpty={(rows) => rows.length === 0}
      emptyText="没有需要查看的行"
      wide
    >
      {(rows) => (
        <>
          {rows.length < check.count && (
            <p className="note">
              共 {formatCount(check.count)} 行，仅列出前 {formatCount(rows.length)} 行。
            </p>
          )}
          <DataTable
            label={check.label}
            rows={rows}
            columns={columns}
            pageSize={10}
            exportName={`数据质量_${check.label}`}
          />
        </>
      )}
    </Panel>
  );
}
