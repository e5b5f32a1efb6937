/**
 * Chart.js with only what the dashboard's bar chart needs registered. Imported lazily (see
 * AccuracyChart.svelte) so Chart.js is a chunk of its own, loaded when the progress page opens;
 * named imports let the bundler leave out the chart types nobody draws.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export { Chart };
