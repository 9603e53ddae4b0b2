// Tables: plain ones, and sortable ones whose headers are buttons (keyboard and screen readers know aria-sort).
import { el } from './dom.js';
import { present } from './format.js';

/**
 * columns: [{ label, cell: row => text|Node, numeric?, sort?: row => value }]; a column with sort is sortable.
 * caption names the table for screen readers.
 */
export function table({ caption, columns, rows, sortable = false, initialSort, rowHeader = 0, className }) {
  const tbody = el('tbody');
  const headers = columns.map((c, i) => el('th', { scope: 'col', class: c.numeric ? 'num' : null },
    sortable && c.sort ? el('button', { type: 'button', class: 'sort', onclick: () => sortBy(i) }, c.label,
      el('span', { class: 'arrow', 'aria-hidden': 'true' })) : c.label));
  const node = el('div', { class: 'table-wrap' }, el('table', { class: className },
    caption ? el('caption', { text: caption }) : null,
    el('thead', {}, el('tr', {}, headers)), tbody));
  let order = rows.slice();
  let state = { column: -1, ascending: true };

  function fill() {
    tbody.replaceChildren(...order.map(row => el('tr', {}, columns.map((c, i) => el(i === rowHeader ? 'th' : 'td',
      { scope: i === rowHeader ? 'row' : null, class: c.numeric ? 'num' : null }, c.cell(row))))));
  }

  function sortBy(i, ascending) {
    const c = columns[i];
    state = { column: i, ascending: ascending ?? (state.column === i ? !state.ascending : !c.numeric) };
    order = rows.slice().sort((a, b) => compare(c.sort(a), c.sort(b), state.ascending));
    headers.forEach((h, j) => {
      if (j === i) h.setAttribute('aria-sort', state.ascending ? 'ascending' : 'descending');
      else h.removeAttribute('aria-sort');
    });
    fill();
  }

  fill();
  if (sortable && initialSort) sortBy(initialSort.column, initialSort.ascending);
  return node;
}

// Absent values always sort last, whatever the direction.
function compare(a, b, ascending) {
  if (!present(a) && !present(b)) return 0;
  if (!present(a)) return 1;
  if (!present(b)) return -1;
  const result = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
  return ascending ? result : -result;
}

/** A term/definition list from [label, value] pairs, skipping absent values. */
export function facts(pairs) {
  return el('dl', { class: 'facts' }, pairs.filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => el('div', {}, el('dt', { text: k }), el('dd', {}, v))));
}
