// Chart.js, with only the pieces the dashboard draws registered (bars and doughnuts), so the bundle
// carries no other chart type. A chart is a canvas with a heading, an aria-label and a visible text
// summary: the picture is for the eye, the summary for everyone.
import {
  ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import { html } from '../app/html.js';

Chart.register(BarController, BarElement, DoughnutController, ArcElement, CategoryScale, LinearScale, Tooltip, Legend);

// Distinguishable colours (Okabe–Ito), also for readers with colour-vision deficiencies.
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
const BAR = '#0b5cad';

/** Axis ticks: scale positions Chart.js computes, shown short ("€1.2K"); bar values never use this. */
function tickFormatter(currency) {
  const format = new Intl.NumberFormat(undefined, {
    style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1,
  });
  return (value) => format.format(value);
}

/** The Chart.js configuration for one of the dashboard's charts. */
export function chartConfig(kind, chart, currency) {
  // tooltips show the server's decimal strings, not the float drawn
  const tooltip = { callbacks: { label: (item) => ` ${chart.texts[item.dataIndex]}` } };
  if (kind === 'doughnut') {
    return {
      type: 'doughnut',
      data: {
        labels: chart.labels,
        datasets: [{ data: chart.values, backgroundColor: chart.labels.map((_, i) => PALETTE[i % PALETTE.length]) }],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        plugins: { tooltip, legend: { position: 'right' } },
      },
    };
  }
  const horizontal = kind === 'hbar';
  const valueAxis = { beginAtZero: true, ticks: { callback: tickFormatter(currency) } };
  return {
    type: 'bar',
    data: { labels: chart.labels, datasets: [{ data: chart.values, backgroundColor: BAR, borderRadius: 3, maxBarThickness: 48 }] },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: horizontal ? 'y' : 'x',
      scales: horizontal ? { x: valueAxis } : { y: valueAxis },
      plugins: { tooltip, legend: { display: false } },
    },
  };
}

/**
 * One chart in a figure. `chart` is {labels, values, texts, summary} from report.js; the canvas is
 * re-drawn in place when it changes (the auto-refresh), not rebuilt.
 */
export function ChartFigure({ id, title, kind, chart, currency, tall }) {
  const canvas = useRef(null);
  const instance = useRef(null);

  useEffect(() => {
    const context = canvas.current?.getContext?.('2d');
    if (!context) return undefined; // no canvas support (tests in jsdom): the summary still tells
    const config = chartConfig(kind, chart, currency);
    if (instance.current && instance.current.config.type === config.type) {
      instance.current.data = config.data;
      instance.current.options = config.options;
      instance.current.update();
    } else {
      instance.current?.destroy();
      instance.current = new Chart(context, config);
    }
    return undefined;
  }, [kind, chart, currency]);

  useEffect(() => () => {
    instance.current?.destroy();
    instance.current = null;
  }, []);

  const headingId = `${id}-title`;
  const summaryId = `${id}-summary`;
  return html`
    <figure class="card chart-card" aria-labelledby=${headingId}>
      <h3 id=${headingId}>${title}</h3>
      <div class=${tall ? 'chart-box tall' : 'chart-box'}>
        <canvas id=${id} ref=${canvas} role="img" aria-label=${`${title}. ${chart.summary}`}
          aria-describedby=${summaryId}></canvas>
      </div>
      <figcaption class="chart-summary muted" id=${summaryId}>${chart.summary}</figcaption>
    </figure>`;
}
