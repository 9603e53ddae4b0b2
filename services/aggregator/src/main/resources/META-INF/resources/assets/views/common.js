// Pieces several pages share: badges, share columns, the not-found view.
import { el, link } from '../dom.js';
import * as f from '../format.js';

export function band(name) {
  const kind = String(name || 'none').toLowerCase().replace(/[^a-z]+/g, '-');
  return el('span', { class: 'band band-' + kind, text: name || f.DASH });
}

// Any status string the API gives ("ok", "partial", "stale", "not applicable", "missing", ...) with a reason.
export function status(value, reason) {
  const text = value || 'missing';
  const kind = text === 'ok' ? 'ok' : text.replace(/[^a-z]+/gi, '-').toLowerCase();
  return el('span', { class: 'status status-' + kind },
    el('span', { class: 'status-name', text }),
    reason ? el('span', { class: 'status-reason', text: ': ' + reason }) : null);
}

/** The share measures present in any of the objects' `shares` (measure → percent, or {percent, dataShare, note}). */
export function shareKeys(objects) {
  const keys = new Set();
  objects.forEach(o => Object.keys((o && o.shares) || {}).forEach(k => keys.add(k)));
  return [...keys];
}

/** One table column per share signal: "Share of downloads" etc. */
export function shareColumns(objects, pick = o => o) {
  return shareKeys(objects.map(pick)).map(key => ({
    label: 'Share of ' + f.label(key).toLowerCase(),
    numeric: true,
    cell: o => f.percent(shareValue(pick(o), key)),
    sort: o => shareValue(pick(o), key),
  }));
}

/** A framework's share of a measure in percent (the API gives a number, or an object with `percent`). */
export function shareValue(o, key) {
  const v = o && o.shares ? o.shares[key] : undefined;
  return v !== null && typeof v === 'object' ? v.percent : v;
}

export function frameworkLink(id, name) {
  return link('/frameworks/' + encodeURIComponent(id), name || id);
}

export function notFound(what, detail) {
  return [
    el('h1', { tabindex: '-1', text: 'Not found' }),
    el('p', { class: 'lead', text: what }),
    detail ? el('p', { class: 'muted', text: 'The API says: ' + detail }) : null,
    el('p', {}, 'See ', link('/', 'every framework'), ' or ', link('/methodology', 'how the scores are made'), '.'),
  ];
}
