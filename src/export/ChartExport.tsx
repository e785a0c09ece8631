/**
 * 导出图片 for a chart. Inside a `Panel` the button goes into the panel's header (a portal into the
 * slot the panel provides) and the image takes the panel's title and unit; elsewhere it sits under
 * the chart. The image is stamped with the screen's as-of date.
 */
import { useContext } from 'react';
import { createPortal } from 'react-dom';
import { composeChartPng } from './chartPng';
import { ExportContext, PanelContext } from './context';
import { downloadBlob, exportFileName } from './download';
import { useExport } from './useExport';
import './export.css';

export interface ChartImage {
  /** echarts' PNG data URL at the export pixel ratio. */
  url: string;
  /** The chart's CSS size. */
  width: number;
  height: number;
}

export interface ChartExportProps {
  label: string;
  /** Overrides the panel title (or the label) as the image title and file name. */
  title?: string;
  /** Overrides the panel's unit caption. */
  caption?: string;
  image: () => ChartImage | null;
}

export function ChartExport({ label, title, caption, image }: ChartExportProps) {
  const panel = useContext(PanelContext);
  const scope = useContext(ExportContext);
  const [busy, run] = useExport();
  const heading = title ?? panel?.title ?? label;
  const button = (
    <button
      type="button"
      className="export-button"
      disabled={busy}
      title={`将“${label}”导出为 PNG 图片`}
      data-export-chart={label}
      onClick={() =>
        run(async () => {
          const shot = image();
          if (!shot) return;
          const blob = await composeChartPng(shot.url, shot.width, shot.height, {
            title: heading,
            unit: caption ?? panel?.unit,
            asOf: scope.asOf,
            source: ['温州市总部回归监测', scope.year ? `${scope.year}年` : '', scope.scope]
              .filter(Boolean)
              .join(' · '),
          });
          downloadBlob(exportFileName([heading, scope.year, scope.scope], 'png'), blob);
        })
      }
    >
      导出图片
    </button>
  );
  if (panel) return panel.slot ? createPortal(button, panel.slot) : null;
  return <div className="chart-export">{button}</div>;
}
