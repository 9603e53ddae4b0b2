// Overview: every framework with maturity, band, coverage, momentum and any shares, as a chart and a sortable table.
import * as api from '../api.js';
import { barChart } from '../charts.js';
import { el, section } from '../dom.js';
import * as f from '../format.js';
import { table } from '../tables.js';
import { band, frameworkLink, shareColumns } from './common.js';

export const title = 'Overview';

export async function render() {
  const frameworks = await api.frameworks();
  return [
    el('h1', { tabindex: '-1', text: 'Deep-learning framework ecosystems' }),
    el('p', { class: 'lead' }, 'Maturity runs from 0 to 100 and higher is better; coverage is the share of the ',
      'methodology\'s weight that had data; momentum is growth over 30 and 90 days. Pick a framework for its ',
      'explanation, or ', el('a', { href: '/compare?frameworks=' + frameworks.slice(0, 2).map(x => x.id).join(','),
        'data-link': true, text: 'compare frameworks' }), '.'),
    section('Maturity', maturityChart(frameworks)),
    section('Every framework', frameworkTable(frameworks)),
  ];
}

function maturityChart(frameworks) {
  return barChart({
    title: 'Maturity of each framework (0–100, higher is better), highest first',
    rows: byMaturity(frameworks).map(x => ({ label: x.name, values: [x.maturity] })),
    format: f.score,
  });
}

// Highest maturity first; frameworks without a score last.
function byMaturity(frameworks) {
  return frameworks.slice().sort((a, b) => (b.maturity ?? -1) - (a.maturity ?? -1));
}

export function frameworkTable(frameworks) {
  return table({
    caption: 'Frameworks with their scores; select a column header to sort',
    sortable: true,
    className: 'frameworks',
    initialSort: { column: 1, ascending: false },
    rows: frameworks,
    columns: [
      { label: 'Framework', cell: x => frameworkLink(x.id, x.name), sort: x => x.name },
      { label: 'Maturity', numeric: true, cell: x => f.score(x.maturity), sort: x => x.maturity },
      { label: 'Band', cell: x => band(x.band), sort: x => x.band },
      { label: 'Coverage', numeric: true, cell: x => f.percentOfOne(x.coverage), sort: x => x.coverage },
      { label: 'Momentum 30 d', numeric: true, cell: x => f.momentum(x.momentum, 30), sort: x => x.momentum?.index30 },
      { label: 'Momentum 90 d', numeric: true, cell: x => f.momentum(x.momentum, 90), sort: x => x.momentum?.index90 },
      ...shareColumns(frameworks),
      { label: 'Projects', numeric: true, cell: x => f.number(x.projects), sort: x => x.projects },
      { label: 'Updated', cell: x => f.date(x.updatedAt), sort: x => x.updatedAt },
    ],
  });
}
