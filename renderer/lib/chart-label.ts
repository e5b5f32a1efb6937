/**
 * A lesson's label on a chart axis. Chart.js clips a label wider than the room it gives the axis,
 * so a long title is shortened to its main part (the words before " - ", which every long lesson
 * title has) and, failing that, cut with an ellipsis. The full title goes in the tooltip.
 */

/** Longest label kept whole, in characters (fits the progress chart beside its bars at 1280 px). */
export const CHART_LABEL_MAX = 48;

export function lessonChartLabel(order: number, title: string): string {
  const label = `${order}. ${title}`;
  if (label.length <= CHART_LABEL_MAX) return label;
  const main = `${order}. ${title.split(' - ')[0]!.trim()}`;
  if (main.length <= CHART_LABEL_MAX) return main;
  return `${main.slice(0, CHART_LABEL_MAX - 1).trimEnd()}…`;
}
