// One framework: its maturity explained dimension by dimension and signal by signal, its gaps, its history, its
// momentum and its projects.
import * as api from '../api.js';
import { barChart, lineChart } from '../charts.js';
import { el, section } from '../dom.js';
import * as f from '../format.js';
import { facts, table } from '../tables.js';
import { band, shareKeys, shareValue, status } from './common.js';

export async function render({ id }) {
  const [detail, history] = await Promise.all([api.framework(id), api.history(id)]);
  const maturity = detail.maturity || {};
  const gaps = maturity.gaps || [];
  return {
    title: detail.name,
    content: [
      el('h1', { tabindex: '-1', text: detail.name }),
      summary(detail),
      section('Dimensions', dimensionChart(maturity), dimensionTable(maturity)),
      section('Signals', ...(maturity.dimensions || []).map(d => signalTable(d, gaps))),
      section('Gaps', gapList(gaps)),
      section('History', maturityHistory(detail.name, history.points || []),
        momentumHistory(detail.name, history.points || [])),
      section('Momentum by signal', momentumTable(detail.momentum)),
      section('Projects', projectTable(detail.projects || [])),
    ],
  };
}

function summary(d) {
  const m = d.maturity || {};
  const shares = shareKeys([d]).map(k => ['Share of ' + f.label(k).toLowerCase(), f.percent(shareValue(d, k))
    + (d.shares[k]?.note ? ' (' + d.shares[k].note + ')' : '')]);
  return facts([
    ['Maturity', f.score(m.maturity) + (m.maturity == null ? '' : ' of 100')],
    ['Band', band(m.band)],
    ['Coverage', f.percentOfOne(m.coverage)],
    m.range ? ['Range with the missing data', f.score(m.range.low) + ' to ' + f.score(m.range.high)] : [],
    ['Momentum 30 days', f.momentum(d.momentum, 30)],
    ['Momentum 90 days', f.momentum(d.momentum, 90)],
    ...shares,
    ['Newest observation', f.date(d.updatedAt)],
    ['Methodology', d.methodology],
    d.homepage ? ['Homepage', el('a', { href: d.homepage, rel: 'noopener', text: d.homepage })] : [],
  ].filter(p => p.length));
}

function dimensionChart(m) {
  return barChart({
    title: 'Score of each dimension (0–100, higher is better)',
    rows: (m.dimensions || []).map(d => ({ label: f.label(d.id), values: [d.score] })),
    format: f.score,
  });
}

function dimensionTable(m) {
  return table({
    caption: 'Dimensions: their own score, weight, contribution to the maturity and coverage',
    rows: m.dimensions || [],
    columns: [
      { label: 'Dimension', cell: d => el('span', {}, f.label(d.id), d.description ? el('span', { class: 'sub', text: d.description }) : null) },
      { label: 'Score', numeric: true, cell: d => f.score(d.score) },
      { label: 'Weight', numeric: true, cell: d => f.number(d.weight) },
      { label: 'Contribution', numeric: true, cell: d => f.score(d.contribution) },
      { label: 'Coverage', numeric: true, cell: d => f.percentOfOne(d.coverage) },
    ],
  });
}

// A signal's reason: its own note when the API gives one, else the gap recorded for it.
function reason(signal, gaps) {
  if (signal.note) return signal.note;
  if (signal.status === 'ok') return null;
  const gap = gaps.find(g => g.signal === signal.signal);
  return gap ? gap.reason : null;
}

function signalTable(d, gaps) {
  return table({
    caption: 'Signals of ' + f.label(d.id).toLowerCase(),
    className: 'signals',
    rows: d.signals || [],
    columns: [
      { label: 'Signal', cell: s => f.label(s.signal) },
      { label: 'Raw value', numeric: true, cell: s => f.raw(s.raw, s.unit) },
      { label: 'Source', cell: s => sources(s) },
      { label: 'Normalised', numeric: true, cell: s => f.number(s.normalised) },
      { label: 'Weight', numeric: true, cell: s => f.number(s.weight) },
      { label: 'Contribution', numeric: true, cell: s => f.score(s.contribution) },
      { label: 'Data share', numeric: true, cell: s => f.percentOfOne(s.dataShare) },
      { label: 'Status', cell: s => status(s.status, reason(s, gaps)) },
    ],
  });
}

function sources(s) {
  const list = s.sources || [];
  const shown = list.length > 2 ? list.slice(0, 2).join(', ') + ' and ' + (list.length - 2) + ' more' : list.join(', ');
  return el('span', { title: list.join(', ') }, shown || f.DASH,
    s.observedAt ? el('span', { class: 'sub', text: 'observed ' + f.date(s.observedAt) }) : null);
}

function gapList(gaps) {
  if (gaps.length === 0) return el('p', { text: 'No gaps: every signal had all of its data.' });
  return table({
    caption: 'Signals that are missing, partial or stale, and why',
    className: 'gaps',
    rows: gaps,
    columns: [
      { label: 'Signal', cell: g => f.label(g.signal) },
      { label: 'Kind', cell: g => status(g.kind) },
      { label: 'Reason', cell: g => g.reason || f.DASH },
    ],
  });
}

function maturityHistory(name, points) {
  return lineChart({
    title: 'Maturity of ' + name + ' per day',
    yLabel: '0–100, higher is better',
    fixedRange: [0, 100],
    format: v => Math.round(v),
    series: [{ name: 'Maturity', points: points.map(p => ({ date: p.date, value: p.maturity })) }],
    table: historyTable('Maturity per day', points, [
      { label: 'Maturity', numeric: true, cell: p => f.score(p.maturity) },
      { label: 'Band', cell: p => p.band || f.DASH },
      { label: 'Coverage', numeric: true, cell: p => f.percentOfOne(p.coverage) },
    ]),
  });
}

function momentumHistory(name, points) {
  return lineChart({
    title: 'Momentum of ' + name + ' per day',
    yLabel: 'growth of the share in percent',
    format: v => Math.round(v) + ' %',
    series: [
      { name: 'share, 30 days', points: points.map(p => ({ date: p.date, value: p.shareMomentum30 })) },
      { name: 'share, 90 days', points: points.map(p => ({ date: p.date, value: p.shareMomentum90 })) },
    ],
    table: historyTable('Momentum per day', points, [
      { label: 'Share, 30 days', numeric: true, cell: p => f.growth(p.shareMomentum30) },
      { label: 'Share, 90 days', numeric: true, cell: p => f.growth(p.shareMomentum90) },
      { label: 'Own growth, 90 days', numeric: true, cell: p => f.growth(p.momentum90) },
      { label: 'Trend, 90 days', cell: p => p.trend90 || f.DASH },
    ]),
  });
}

function historyTable(caption, points, columns) {
  return table({ caption, rows: points, columns: [{ label: 'Day', cell: p => p.date }, ...columns] });
}

function momentumTable(momentum) {
  const signals = (momentum && momentum.signals) || [];
  if (signals.length === 0) return el('p', { text: 'No momentum signals.' });
  const shareText = w => w.sharePercent == null ? null : 'share ' + f.percent(w.sharePercentBefore) + ' → '
    + f.percent(w.sharePercent) + ' (' + (w.shareChangePoints >= 0 ? '+' : '−')
    + Math.abs(w.shareChangePoints).toFixed(1) + ' pts)' + (w.inIndex ? '' : '; not in the index');
  const window = w => !w ? f.DASH : w.status === 'ok'
    ? el('span', {}, f.growth(w.growthPercent), shareText(w) ? el('span', { class: 'sub', text: shareText(w) }) : null,
      w.note ? el('span', { class: 'sub', text: w.note }) : null)
    : status(w.status, w.note);
  return table({
    caption: 'Growth of each momentum signal',
    rows: signals,
    columns: [
      { label: 'Signal', cell: s => f.label(s.signal) },
      { label: 'Basis', cell: s => s.basis || f.DASH },
      { label: 'Weight', numeric: true, cell: s => f.number(s.weight) },
      { label: '30 days', cell: s => window(s.days30) },
      { label: '90 days', cell: s => window(s.days90) },
    ],
  });
}

function projectTable(projects) {
  if (projects.length === 0) return el('p', { text: 'No projects in the catalog.' });
  return table({
    caption: 'Projects of this framework; select a column header to sort',
    sortable: true,
    initialSort: { column: 1, ascending: false },
    rows: projects,
    columns: [
      { label: 'Project', cell: p => p.name || p.id, sort: p => p.name || p.id },
      { label: 'Maturity', numeric: true, cell: p => f.score(p.maturity), sort: p => p.maturity },
      { label: 'Band', cell: p => band(p.band), sort: p => p.band },
      { label: 'Coverage', numeric: true, cell: p => f.percentOfOne(p.coverage), sort: p => p.coverage },
      { label: 'Momentum 30 d', numeric: true, cell: p => f.momentum(p.momentum, 30), sort: p => p.momentum?.index30 },
    ],
  });
}
