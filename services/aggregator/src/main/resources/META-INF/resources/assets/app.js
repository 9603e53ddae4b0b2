// The page's router: real URLs (/, /frameworks/{id}, /compare?frameworks=a,b, /methodology) rendered in place from
// the JSON API, with the sample-data notice on every page and a friendly message while the scores are loading.
import * as api from './api.js';
import { el, link } from './dom.js';
import * as overview from './views/overview.js';
import * as framework from './views/framework.js';
import * as compare from './views/compare.js';
import * as methodology from './views/methodology.js';
import { notFound } from './views/common.js';

const ROUTES = [
  { name: 'overview', nav: 'overview', pattern: /^\/(frameworks\/?)?$/, view: overview },
  { name: 'framework', nav: 'overview', pattern: /^\/frameworks\/([^/]+)\/?$/, view: framework, params: m => ({ id: decodeURIComponent(m[1]) }) },
  { name: 'compare', nav: 'compare', pattern: /^\/compare\/?$/, view: compare },
  { name: 'methodology', nav: 'methodology', pattern: /^\/methodology\/?$/, view: methodology },
];

const main = document.getElementById('main');
let current = 0;
let retry;

function route(path) {
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (m) return { ...r, params: r.params ? r.params(m) : {} };
  }
  return null;
}

export function navigate(url) {
  history.pushState(null, '', url);
  show(true);
}

// A retry keeps the "still loading" message up until the new answer is there.
async function show(moveFocus, retrying = false) {
  const token = ++current;
  clearTimeout(retry);
  const r = route(location.pathname);
  markNavigation(r && r.nav);
  if (!retrying) setState('loading', r ? r.name : 'not-found');
  try {
    if (!r) {
      return finish(token, 'not-found', 'Not found', notFound('There is no page at ' + location.pathname + '.'), moveFocus);
    }
    const result = await r.view.render({ ...r.params, query: new URLSearchParams(location.search), navigate });
    const { title, content } = Array.isArray(result) ? { title: r.view.title, content: result } : result;
    finish(token, 'ready', title, content, moveFocus);
  } catch (e) {
    if (token !== current) return;
    if (e instanceof api.ApiError && e.notReady) {
      finish(token, 'not-ready', 'Loading scores', notReady(e), moveFocus);
      retry = setTimeout(() => show(false, true), e.retryAfter * 1000);
    } else if (e instanceof api.ApiError && e.notFound && r.name === 'framework') {
      finish(token, 'not-found', 'Not found', notFound('There is no framework called “' + r.params.id
        + '” in the catalog.', e.message), moveFocus);
    } else {
      finish(token, 'error', 'Error', failure(e), moveFocus);
    }
  }
}

function finish(token, state, title, content, moveFocus) {
  if (token !== current) return;
  main.replaceChildren(...[content].flat(Infinity).filter(Boolean));
  document.title = title + ' · ecopulse';
  setState(state);
  // how long the page took to be usable, for anyone measuring it (Performance panel, tests)
  performance.mark('ecopulse:' + state);
  if (moveFocus) (main.querySelector('h1') || main).focus();
}

function setState(state, view) {
  main.dataset.state = state;
  if (view) main.dataset.view = view;
  main.setAttribute('aria-busy', state === 'loading' ? 'true' : 'false');
}

function notReady(e) {
  return [
    el('h1', { tabindex: '-1', text: 'The scores are still loading' }),
    el('p', { role: 'status', class: 'lead', text: 'The aggregator is still loading the scores from its store. '
      + 'This page tries again in ' + e.retryAfter + (e.retryAfter === 1 ? ' second.' : ' seconds.') }),
    el('p', { class: 'muted', text: 'The API says: ' + e.message }),
  ];
}

function failure(e) {
  return [
    el('h1', { tabindex: '-1', text: 'Something went wrong' }),
    el('p', { role: 'alert', text: 'The data could not be loaded: ' + (e.message || e) }),
    el('p', {}, link(location.pathname + location.search, 'Try again')),
  ];
}

function markNavigation(nav) {
  document.querySelectorAll('[data-nav]').forEach(a => {
    if (a.dataset.nav === nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}

// The sample-data notice comes from the methodology; shown above every page while it is present.
async function showNotice() {
  const notice = document.getElementById('notice');
  try {
    const m = await api.getMethodology();
    if (m.dataNotice) {
      notice.textContent = m.dataNotice;
      notice.hidden = false;
    }
  } catch (e) {
    setTimeout(showNotice, 5000);
  }
}

// Links marked data-link stay in the page; modified clicks (new tab etc.) behave as usual.
document.addEventListener('click', event => {
  const a = event.target.closest('a[data-link]');
  if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
    || event.altKey || a.target) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin) return;
  event.preventDefault();
  if (url.pathname + url.search !== location.pathname + location.search) navigate(url.pathname + url.search);
  else show(true);
});
window.addEventListener('popstate', () => show(true));

showNotice();
show(false);
