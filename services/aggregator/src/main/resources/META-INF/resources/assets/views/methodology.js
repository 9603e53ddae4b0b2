// The methodology for people: what is measured, how it is weighted and normalised, the bands, and momentum.
import * as api from '../api.js';
import { el, section } from '../dom.js';
import * as f from '../format.js';
import { facts, table } from '../tables.js';

export async function render() {
  const m = await api.getMethodology();
  return {
    title: 'Methodology',
    content: [
      el('h1', { tabindex: '-1', text: 'How the scores are made' }),
      m.direction ? el('p', { class: 'lead', text: m.direction }) : null,
      facts([
        ['Version', m.version],
        ['Formula', m.formula],
        ['Minimum coverage for a band', f.percentOfOne(m.minimumCoverage)],
        ['A signal is stale after', f.duration(m.staleAfter)],
        ['A project counts as active when it changed within', m.activeWithinDays != null ? m.activeWithinDays + ' days' : null],
        ['Defined in', m.origin],
      ].filter(([, v]) => v !== undefined && v !== null)),
      section('Bands', bandTable(m)),
      section('Framework maturity', ...dimensions(m.framework || [], true)),
      section('Project maturity', ...dimensions(m.project || [], false)),
      section('Momentum', momentum(m.momentum)),
    ],
  };
}

function bandTable(m) {
  const special = Object.entries(m.specialBands || {}).map(([key, name]) => el('li', {},
    el('strong', { text: name }), ': ', key === 'insufficientData'
      ? 'coverage below ' + f.percentOfOne(m.minimumCoverage) + ', so the score is shown without a band'
      : key === 'noData' ? 'no observation at all' : f.label(key).toLowerCase()));
  return [
    table({
      caption: 'Maturity bands',
      rows: m.bands || [],
      columns: [
        { label: 'Band', cell: b => b.name },
        { label: 'From', numeric: true, cell: b => f.score(b.min) },
        { label: 'Below', numeric: true, cell: b => f.score(b.max) },
      ],
    }),
    special.length ? el('ul', {}, special) : null,
  ];
}

function dimensions(list, framework) {
  return list.map(d => el('section', { class: 'dimension', 'aria-label': f.label(d.id) },
    el('h3', {}, f.label(d.id) + ' ', el('span', { class: 'sub-inline', text: '(weight ' + f.number(d.weight) + ')' })),
    d.description ? el('p', { text: d.description }) : null,
    table({
      caption: 'Signals of ' + f.label(d.id).toLowerCase(),
      className: 'signals',
      rows: d.signals || [],
      columns: [
        { label: 'Signal', cell: s => el('span', {}, f.label(s.id), el('span', { class: 'sub', text: s.description || '' })) },
        { label: 'Unit', cell: s => s.unit || f.DASH },
        { label: 'Direction', cell: s => s.direction || f.DASH },
        { label: 'Scale', cell: s => s.scale || f.DASH },
        { label: 'Threshold', numeric: true, cell: s => f.number(s.threshold) },
        { label: 'Weight', numeric: true, cell: s => f.number(s.weight) },
        ...(framework ? [{ label: 'Framework value', cell: s => s.frameworkAggregate || f.DASH }] : []),
      ],
    })));
}

function momentum(m) {
  if (!m) return el('p', { text: 'No momentum model.' });
  return [
    facts([
      ['Steady within (share, 30 days)', m.steadyWithin30 != null ? '±' + f.number(m.steadyWithin30) + ' (log ratio)' : null],
      ['Steady within (share, 90 days)', m.steadyWithin90 != null ? '±' + f.number(m.steadyWithin90) + ' (log ratio)' : null],
      ['Growth of a signal capped at', m.growthCap != null ? '±' + f.number(m.growthCap) + ' (log ratio)' : null],
      ['A window needs flows on', m.minimumCoverage != null ? f.percentOfOne(m.minimumCoverage) + ' of its days' : null],
      ['History tolerance', f.duration(m.historyTolerance)],
    ].filter(([, v]) => v !== undefined && v !== null)),
    el('ul', {}, ...(m.rules || []).map(r => el('li', { text: r }))),
    table({
      caption: 'Momentum signals',
      rows: m.signals || [],
      columns: [
        { label: 'Signal', cell: s => f.label(s.id) },
        { label: 'Basis', cell: s => s.basis || f.DASH },
        { label: 'What it is', cell: s => s.description || f.DASH },
        { label: 'Weight', numeric: true, cell: s => f.number(s.weight) },
      ],
    }),
  ];
}
