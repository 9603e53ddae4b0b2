// How numbers, dates and statuses read on the page. Absent values read as an en dash.

export const DASH = '–';
const present = v => v !== undefined && v !== null && !(typeof v === 'number' && Number.isNaN(v));

export function score(v) {
  return present(v) ? Number(v).toFixed(1) : DASH;
}

export function percentOfOne(v) {
  return present(v) ? (Number(v) * 100).toFixed(Number(v) >= 0.1 ? 0 : 1) + ' %' : DASH;
}

/** A share already in percent (0-100), e.g. 41.6 -> "41.6 %". */
export function percent(v) {
  return present(v) ? Number(v).toFixed(1) + ' %' : DASH;
}

export function growth(v) {
  if (!present(v)) return DASH;
  const n = Number(v);
  return (n > 0 ? '+' : n < 0 ? '−' : '') + Math.abs(n).toFixed(1) + ' %';
}

export function number(v) {
  if (!present(v)) return DASH;
  const n = Number(v);
  return Math.abs(n) >= 1000 || Number.isInteger(n)
    ? Math.round(n).toLocaleString('en')
    : n.toLocaleString('en', { maximumFractionDigits: 3 });
}

export function raw(v, unit) {
  return present(v) ? number(v) + (unit ? ' ' + unit : '') : DASH;
}

export function date(v) {
  return present(v) ? String(v).slice(0, 10) : DASH;
}

// A camelCase or kebab id as words: "downloads30d" -> "downloads 30d".
export function label(id) {
  return String(id)
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .replace(/^./, c => c.toUpperCase());
}

export function momentum(m, days) {
  if (!m) return DASH;
  // the trend follows the share, so the share's growth is what is shown beside it
  const share = m['shareIndex' + days];
  const index = present(share) ? share : m['index' + days];
  const trend = m['trend' + days];
  return present(index) ? growth(index) + (present(share) ? ' share' : '') + (trend ? ' (' + trend + ')' : '')
    : (trend || DASH);
}

// ISO-8601 durations as words where simple: P14D -> 14 days.
export function duration(v) {
  if (!present(v)) return DASH;
  const days = /^P(\d+)D$/.exec(v);
  if (days) return days[1] + (days[1] === '1' ? ' day' : ' days');
  const hours = /^PT(\d+)H$/.exec(v);
  return hours ? hours[1] + (hours[1] === '1' ? ' hour' : ' hours') : String(v);
}

export { present };
