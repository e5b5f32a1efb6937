/**
 * The colours and fonts charts use, read from the theme's custom properties (styles/theme.css) at
 * draw time, so a chart redrawn after a theme switch matches the page around it.
 */
export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  accent: string;
  cold: string;
  danger: string;
  success: string;
  link: string;
  warm: string;
  font: string;
}

export function readChartTheme(): ChartTheme {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    text: v('--text'),
    muted: v('--text-muted'),
    grid: v('--border'),
    surface: v('--surface'),
    accent: v('--accent'),
    cold: v('--cold'),
    danger: v('--danger'),
    success: v('--success'),
    link: v('--link'),
    warm: v('--warm'),
    font: v('--font-sans'),
  };
}

/** Axis styling shared by every chart: muted ticks, faint grid, an optional title. */
export function axis(theme: ChartTheme, title?: string) {
  return {
    ticks: { color: theme.muted },
    grid: { color: theme.grid },
    border: { color: theme.grid },
    ...(title ? { title: { display: true, text: title, color: theme.muted } } : {}),
  };
}

/** Options every chart shares: no animation (tests and screenshots see the final state), themed text. */
export function baseOptions(theme: ChartTheme) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    color: theme.text,
    font: { family: theme.font },
    plugins: {
      legend: { position: 'bottom' as const, labels: { color: theme.text, boxWidth: 14, boxHeight: 10 } },
      tooltip: { mode: 'index' as const, intersect: false },
    },
  };
}
