// Compare 2 to 10 frameworks: overall, dimension by dimension, signal by signal, and maturity over time. The
// selection lives in the query string (?frameworks=a,b) so the address can be shared.
import * as api from '../api.js';
import { barChart, lineChart } from '../charts.js';
import { el, section } from '../dom.js';
import * as f from '../format.js';
import { table } from '../tables.js';
import { band, frameworkLink, shareKeys, shareValue, status } from './common.js';

export const MIN = 2;
export const MAX = 10;

export async function render({ query, navigate }) {
  const selected = (query.get('frameworks') || '').split(',').map(s => s.trim()).filter(Boolean);
  const all = await api.frameworks();
  const content = [
    el('h1', { tabindex: '-1', text: 'Compare frameworks' }),
    picker(all, selected, navigate),
  ];
  if (selected.length < MIN || selected.length > MAX) {
    content.push(el('p', { class: 'muted', text: `Pick ${MIN} to ${MAX} frameworks and select Compare.` }));
    return { title: 'Compare', content };
  }
  let comparison;
  try {
    comparison = await api.compare(selected);
  } catch (e) {
    if (e.status !== 404 && e.status !== 400) throw e;
    content.push(el('p', { class: 'error', role: 'alert', text: 'These frameworks cannot be compared: ' + e.message }));
    return { title: 'Compare', content };
  }
  const ids = comparison.frameworks;
  const names = ids.map(id => comparison.overall[id]?.name || id);
  const histories = await Promise.all(ids.map(id => api.history(id)));
  content.push(
    section('Overall', overallTable(comparison, ids)),
    section('Who is ahead', rankingTable(comparison)),
    section('Dimension by dimension', dimensionChart(comparison, ids, names), dimensionTable(comparison, ids)),
    section('Signal by signal', ...comparison.dimensions.map(d => signalTable(d, ids, comparison))),
    section('Over time', maturityHistory(ids, names, histories), ...shareHistories(ids, names, histories)),
  );
  return { title: 'Compare ' + names.join(', '), content };
}

function picker(all, selected, navigate) {
  const message = el('p', { class: 'picker-message', role: 'status', 'aria-live': 'polite' });
  const form = el('form', { class: 'picker', onsubmit: event => {
    event.preventDefault();
    const ids = [...form.querySelectorAll('input[name=framework]:checked')].map(i => i.value);
    if (ids.length < MIN || ids.length > MAX) {
      message.textContent = `Pick ${MIN} to ${MAX} frameworks; ${ids.length} picked.`;
      return;
    }
    navigate('/compare?frameworks=' + ids.join(','));
  } },
  el('fieldset', {}, el('legend', { text: `Frameworks to compare (${MIN} to ${MAX})` }),
    el('ul', { class: 'choices' }, all.map(x => el('li', {}, el('label', {},
      el('input', { type: 'checkbox', name: 'framework', value: x.id, checked: selected.includes(x.id) }),
      ' ' + x.name))))),
  el('button', { type: 'submit', text: 'Compare' }), message);
  return form;
}

// One column per framework: the header links to the framework's page.
function frameworkColumns(ids, comparison, cell) {
  return ids.map(id => ({ label: frameworkLink(id, comparison.overall[id]?.name), numeric: true, cell: row => cell(row, id) }));
}

function overallTable(c, ids) {
  const rows = [
    ['Maturity', id => f.score(c.overall[id]?.maturity)],
    ['Band', id => band(c.overall[id]?.band)],
    ['Coverage', id => f.percentOfOne(c.overall[id]?.coverage)],
    ['Momentum 30 days', id => f.momentum(c.overall[id]?.momentum, 30)],
    ['Momentum 90 days', id => f.momentum(c.overall[id]?.momentum, 90)],
    ...shareKeys(ids.map(id => c.overall[id])).map(k =>
      ['Share of ' + f.label(k).toLowerCase(), id => f.percent(shareValue(c.overall[id], k))]),
  ];
  return table({
    caption: 'Overall scores side by side',
    className: 'compare',
    rows,
    columns: [{ label: 'Measure', cell: r => r[0] }, ...frameworkColumns(ids, c, (r, id) => r[1](id))],
  });
}

function dimensionChart(c, ids, names) {
  return barChart({
    title: 'Dimension scores side by side (0–100, higher is better)',
    series: names,
    rows: c.dimensions.map(d => ({ label: f.label(d.id), values: ids.map(id => d.scores?.[id]) })),
    format: f.score,
  });
}

function dimensionTable(c, ids) {
  return table({
    caption: 'Each dimension: score, and in brackets its contribution to the maturity',
    className: 'compare',
    rows: c.dimensions,
    columns: [{ label: 'Dimension', cell: d => f.label(d.id) }, ...frameworkColumns(ids, c, (d, id) =>
      f.score(d.scores?.[id]) + ' (' + f.score(d.contributions?.[id]) + ')')],
  });
}

// Each measure's order, best first; frameworks within each other's uncertainty share a place and read as tied.
function rankingTable(c) {
  const name = id => c.overall[id]?.name || id;
  return table({
    caption: 'Order on each measure, best first; "tied" where the difference is within the uncertainty',
    className: 'rankings',
    rows: c.rankings || [],
    columns: [
      { label: 'Measure', cell: r => r.measure.startsWith('share.')
        ? 'Share of ' + f.label(r.measure.slice('share.'.length)).toLowerCase() : f.label(r.measure) },
      { label: 'Order', cell: r => r.order.length === 0 ? f.DASH : r.order.map(place => place.length > 1
        ? place.map(name).join(' and ') + ' (tied)' : name(place[0])).join(' › ') },
      { label: 'Tied when', cell: r => el('span', { class: 'sub', text: r.tiedWhen }) },
    ],
  });
}

function signalTable(d, ids, c) {
  return table({
    caption: 'Signals of ' + f.label(d.id).toLowerCase() + ': raw value, contribution and status',
    className: 'compare signals',
    rows: d.signals || [],
    columns: [{ label: 'Signal', cell: s => el('span', {}, f.label(s.id),
      s.direction ? el('span', { class: 'sub', text: s.direction }) : null) },
    ...frameworkColumns(ids, c, (s, id) => signalCell(s, s.values?.[id]))],
  });
}

function signalCell(s, v) {
  if (!v) return status('missing');
  return el('span', { class: 'cell' },
    el('span', { class: 'value', text: f.raw(v.raw, s.unit) }),
    el('span', { class: 'sub', text: 'contributes ' + f.score(v.contribution) + ' · data ' + f.percentOfOne(v.dataShare) }),
    v.status && v.status !== 'ok' ? status(v.status, v.note) : null);
}

function maturityHistory(ids, names, histories) {
  const series = ids.map((id, i) => ({ name: names[i],
    points: (histories[i].points || []).map(p => ({ date: p.date, value: p.maturity })) }));
  return lineChart({
    title: 'Maturity per day',
    yLabel: '0–100, higher is better',
    fixedRange: [0, 100],
    format: v => Math.round(v),
    series,
    table: historyTable(series, f.score),
  });
}

// Shares over time, one chart per share signal, when the history carries them.
function shareHistories(ids, names, histories) {
  const keys = shareKeys(histories.flatMap(h => h.points || []));
  return keys.map(key => {
    const series = ids.map((id, i) => ({ name: names[i],
      points: (histories[i].points || []).map(p => ({ date: p.date, value: shareValue(p, key) })) }));
    return lineChart({
      title: 'Share of ' + f.label(key).toLowerCase() + ' per day',
      yLabel: 'percent of the catalog',
      format: v => Math.round(v) + ' %',
      series,
      table: historyTable(series, f.percent),
    });
  });
}

// Days as rows, one column per series.
function historyTable(series, format) {
  const days = [...new Set(series.flatMap(s => s.points.map(p => p.date)))].sort();
  const lookup = series.map(s => new Map(s.points.map(p => [p.date, p.value])));
  return table({
    caption: 'Per day',
    rows: days,
    columns: [{ label: 'Day', cell: d => d }, ...series.map((s, i) => ({ label: s.name, numeric: true,
      cell: d => format(lookup[i].get(d)) }))],
  });
}
