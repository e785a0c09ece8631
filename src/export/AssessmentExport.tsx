/** 导出考核表: the ranking as the assessment sheet, `考核表_<year>_全市.xlsx` (the ranking always covers all units). */
import { assessmentSheets, type AssessmentInput } from './assessment';
import { downloadBlob, exportFileName } from './download';
import { useExport } from './useExport';
import { xlsxBlob } from './xlsx';
import './export.css';

export function AssessmentExport({ input }: { input: AssessmentInput | null }) {
  const [busy, run] = useExport();
  return (
    <button
      type="button"
      className="export-button"
      disabled={busy || !input}
      title="导出考核表（含各项指标、标准化值、得分、排名和评分规则）"
      onClick={() =>
        input &&
        run(async () =>
          downloadBlob(
            exportFileName(['考核表', input.year, '全市'], 'xlsx'),
            await xlsxBlob(assessmentSheets(input)),
          ),
        )
      }
    >
      导出考核表
    </button>
  );
}
