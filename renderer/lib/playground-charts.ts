/**
 * Chart.js with what the playground's charts draw: lines, bars and scatter points on linear,
 * category and logarithmic scales. Imported lazily (see ChartCanvas.svelte), so Chart.js is a chunk
 * of its own, loaded when a playground chart first appears.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
);

export { Chart };
