/** The note under the 简报, on the page and in the Word document. */
export const BRIEF_FOOTNOTE =
  '本简报由系统根据已载入数据自动生成；金额为税收入库数，同比按上年同期月份计算。';
