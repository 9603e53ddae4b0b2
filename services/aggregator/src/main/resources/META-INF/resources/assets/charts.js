// Charts drawn here without a library: HTML bars and SVG lines. Every chart comes with its numbers as a table
// (text alternative) and a colour, a dash pattern and a marker shape per series so colour is never the only cue.
import { el, svg } from './dom.js';
import { DASH, present } from './format.js';

export const COLOURS = ['#1f5fa8', '#c2410c', '#047857', '#9d174d', '#6d28d9', '#854d0e', '#0e7490', '#4b5563',
  '#b91c1c', '#4338ca'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '4 4', '1 2', '10 4', '3 6', '6 2 2 2', '12 3'];

// The table that says what the chart shows, folded under the chart.
function numbers(table) {
  return el('details', { class: 'numbers' }, el('summary', { text: 'Numbers behind the chart' }), table);
}

/**
 * Horizontal bars: rows of { label, values: [number|null per series] }, each bar scaled to max.
 * series: names of the bars in a row (one series gives one bar per row).
 */
export function barChart({ title, rows, series = [''], max = 100, format, table }) {
  const legend = series.length > 1 ? seriesLegend(series) : null;
  const body = el('div', { class: 'bars', 'aria-hidden': 'true' },
    rows.map(row => el('div', { class: 'bar-row' },
      el('div', { class: 'bar-label', text: row.label }),
      el('div', { class: 'bar-group' }, row.values.map((v, i) => bar(v, i, max, format, series.length > 1))))));
  return el('figure', { class: 'chart', role: 'group', 'aria-label': title },
    el('figcaption', { text: title }), legend, body, table ? numbers(table) : null);
}

function bar(value, i, max, format, marked) {
  const width = present(value) ? Math.max(0, Math.min(100, (Number(value) / max) * 100)) : 0;
  return el('div', { class: 'bar-line' },
    el('span', { class: 'bar-track' },
      el('span', {
        class: 'bar' + (marked ? ' pattern-' + (i % DASHES.length) : ''),
        style: `width:${width}%;background-color:${COLOURS[i % COLOURS.length]}`,
      })),
    el('span', { class: 'bar-value', text: present(value) ? format(value) : 'no data' }));
}

function seriesLegend(series) {
  return el('ul', { class: 'legend', 'aria-hidden': 'true' }, series.map((name, i) => el('li', {},
    el('span', { class: 'swatch pattern-' + (i % DASHES.length), style: `background-color:${COLOURS[i % COLOURS.length]}` }),
    name)));
}

/**
 * Lines over days: series of { name, points: [{ date: 'YYYY-MM-DD', value }] }. Drawn at the figure's own width
 * (redrawn when it changes) so text stays readable on a phone.
 */
export function lineChart({ title, series, yLabel, format, fixedRange, table }) {
  const plot = el('div', { class: 'line-plot' });
  const figure = el('figure', { class: 'chart' }, el('figcaption', { text: title }), lineLegend(series), plot,
    table ? numbers(table) : null);
  const days = [...new Set(series.flatMap(s => s.points.map(p => p.date)))].sort();
  if (days.length === 0) {
    plot.append(el('p', { class: 'empty', text: 'No history yet.' }));
    return figure;
  }
  const draw = width => plot.replaceChildren(lineSvg({ title, series, days, yLabel, format, fixedRange, width }));
  draw(640);
  if (typeof ResizeObserver !== 'undefined') {
    let last = 0;
    new ResizeObserver(entries => {
      const width = Math.round(entries[0].contentRect.width);
      if (width > 0 && width !== last) { last = width; draw(width); }
    }).observe(plot);
  }
  return figure;
}

function lineLegend(series) {
  return el('ul', { class: 'legend', 'aria-hidden': 'true' }, series.map((s, i) => el('li', {},
    svg('svg', { width: 28, height: 12, viewBox: '0 0 28 12' },
      svg('line', { x1: 1, y1: 6, x2: 27, y2: 6, stroke: COLOURS[i % COLOURS.length], 'stroke-width': 2.5,
        'stroke-dasharray': DASHES[i % DASHES.length] || null }),
      marker(i, 14, 6)),
    s.name)));
}

function range(series, fixedRange) {
  if (fixedRange) return fixedRange;
  const values = series.flatMap(s => s.points.map(p => p.value)).filter(present).map(Number);
  if (values.length === 0) return [0, 1];
  let low = Math.min(0, ...values);
  let high = Math.max(...values);
  if (high === low) high = low + 1;
  const pad = (high - low) * 0.1;
  return [low < 0 ? low - pad : low, high + pad];
}

function lineSvg({ title, series, days, yLabel, format, fixedRange, width }) {
  const height = 240;
  const m = { top: 12, right: 16, bottom: 28, left: 52 };
  const [low, high] = range(series, fixedRange);
  const t0 = Date.parse(days[0]);
  const span = Math.max(1, Date.parse(days[days.length - 1]) - t0);
  const x = d => days.length === 1 ? m.left + (width - m.left - m.right) / 2
    : m.left + ((Date.parse(d) - t0) / span) * (width - m.left - m.right);
  const y = v => m.top + (1 - (Number(v) - low) / (high - low)) * (height - m.top - m.bottom);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map(f => low + f * (high - low));
  const dayTicks = timeTicks(days, width - m.left - m.right);
  return svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': title + (yLabel ? ' (' + yLabel + ')' : '') + '; the numbers are in the table below' },
  ticks.map(v => svg('g', { class: 'grid' },
    svg('line', { x1: m.left, x2: width - m.right, y1: y(v), y2: y(v) }),
    svg('text', { x: m.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, format(v)))),
  low < 0 && high > 0 ? svg('line', { class: 'zero', x1: m.left, x2: width - m.right, y1: y(0), y2: y(0) }) : null,
  dayTicks.map((d, i) => svg('text', { class: 'axis', x: x(d), y: height - 8,
    'text-anchor': dayTicks.length === 1 ? 'middle' : i === 0 ? 'start' : i === dayTicks.length - 1 ? 'end' : 'middle' },
  d)),
  series.map((s, i) => seriesPath(s, i, x, y)));
}

// Dates evenly spaced in time, as many as fit (a label takes about 90 px).
function timeTicks(days, plotWidth) {
  if (days.length === 1) return days;
  const t0 = Date.parse(days[0]);
  const t1 = Date.parse(days[days.length - 1]);
  const count = Math.max(2, Math.min(6, Math.floor(plotWidth / 90)));
  return [...new Set(Array.from({ length: count }, (_, i) =>
    new Date(t0 + ((t1 - t0) * i) / (count - 1)).toISOString().slice(0, 10)))];
}

function seriesPath(s, i, x, y) {
  const colour = COLOURS[i % COLOURS.length];
  const points = s.points.filter(p => present(p.value));
  const d = points.map((p, j) => (j === 0 ? 'M' : 'L') + x(p.date).toFixed(1) + ' ' + y(p.value).toFixed(1)).join(' ');
  return svg('g', { class: 'series' },
    svg('path', { d, fill: 'none', stroke: colour, 'stroke-width': 2.5, 'stroke-dasharray': DASHES[i % DASHES.length] || null }),
    points.map(p => marker(i, x(p.date), y(p.value), p.date + ': ' + p.value)));
}

// A marker shape per series: circle, square, triangle, diamond, then again.
function marker(i, cx, cy, tooltip) {
  const colour = COLOURS[i % COLOURS.length];
  const shape = i % 4;
  const title = tooltip ? svg('title', {}, tooltip) : null;
  if (shape === 0) return svg('circle', { cx, cy, r: 3.5, fill: colour }, title);
  if (shape === 1) return svg('rect', { x: cx - 3.5, y: cy - 3.5, width: 7, height: 7, fill: colour }, title);
  if (shape === 2) return svg('path', { d: `M${cx} ${cy - 4.5} L${cx + 4.5} ${cy + 3.5} L${cx - 4.5} ${cy + 3.5} Z`, fill: colour }, title);
  return svg('path', { d: `M${cx} ${cy - 5} L${cx + 5} ${cy} L${cx} ${cy + 5} L${cx - 5} ${cy} Z`, fill: colour }, title);
}

export { DASH };
