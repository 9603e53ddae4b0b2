// Reads the aggregator's JSON API. Problems (RFC 9457) become ApiError with the API's own detail.

export class ApiError extends Error {
  constructor(status, detail, retryAfter) {
    super(detail);
    this.status = status;
    this.retryAfter = retryAfter;
  }
  get notReady() { return this.status === 503; }
  get notFound() { return this.status === 404; }
}

export async function get(path) {
  const response = await fetch('/api/v1' + path, { headers: { Accept: 'application/json' } });
  if (response.ok) {
    return response.json();
  }
  let detail = response.statusText;
  try {
    const problem = await response.json();
    detail = problem.detail || problem.title || detail;
  } catch (ignored) {
    // not a problem body: keep the status text
  }
  const retry = Number(response.headers.get('Retry-After'));
  throw new ApiError(response.status, detail, Number.isFinite(retry) && retry > 0 ? retry : 5);
}

// The methodology never changes while the aggregator runs: ask once per page load.
let methodology;
export function getMethodology() {
  if (!methodology) {
    methodology = get('/methodology').catch(e => { methodology = undefined; throw e; });
  }
  return methodology;
}

export const frameworks = () => get('/frameworks');
export const framework = id => get('/frameworks/' + encodeURIComponent(id));
export const history = id => get('/frameworks/' + encodeURIComponent(id) + '/history');
export const compare = ids => get('/compare?frameworks=' + ids.map(encodeURIComponent).join(','));
