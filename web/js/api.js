// Thin fetch wrapper for the JewelBench API.
// - sends X-JewelBench-User on every request
// - turns error answers into ApiError carrying RFC 7807 problem details
// - remembers the last ETag per job (and stock item) and sends it as If-Match on writes

const USER_KEY = 'jewelbench.user';

export function getUser() {
  return (localStorage.getItem(USER_KEY) || '').trim() || 'bench';
}
export function setUser(name) {
  localStorage.setItem(USER_KEY, String(name || '').trim() || 'bench');
}
// Header values must be ISO-8859-1; replace anything else rather than failing the request.
const headerSafe = (s) => s.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Request failed (${status})`);
    this.status = status;
    this.problem = { status, ...problem };
  }
}

async function readBody(res) {
  const text = await res.text();
  if (!text) return null;
  try { return JSON.parse(text); } catch { return text; }
}

/** Low-level request; resolves { data, etag } or throws ApiError. */
export async function request(method, path, { body, ifMatch } = {}) {
  const headers = {
    Accept: 'application/json, application/problem+json',
    'X-JewelBench-User': headerSafe(getUser()),
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch) headers['If-Match'] = ifMatch;
  let res;
  try {
    res = await fetch(`/api${path}`, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { title: 'Cannot reach the server', detail: 'Check the connection and try again.' });
  }
  const data = await readBody(res);
  if (!res.ok) {
    const problem = data && typeof data === 'object'
      ? data
      : { title: res.statusText || `Request failed (${res.status})`, detail: typeof data === 'string' ? data : undefined };
    throw new ApiError(res.status, problem);
  }
  return { data, etag: res.headers.get('ETag') };
}

const enc = encodeURIComponent;
const get = async (path) => (await request('GET', path)).data;

// ---- ETag-aware writes -------------------------------------------------------
const etags = { job: new Map(), stock: new Map() };

async function fetchTracked(kind, id) {
  const base = kind === 'job' ? '/jobs/' : '/stock/';
  const { data, etag } = await request('GET', `${base}${enc(id)}`);
  if (etag) etags[kind].set(id, etag); else etags[kind].delete(id);
  return data;
}

async function trackedWrite(kind, id, method, path, body) {
  try {
    const { data, etag } = await request(method, path, { body, ifMatch: etags[kind].get(id) });
    if (etag) etags[kind].set(id, etag);
    // No ETag on the answer: read the item once more so the next write has a fresh one.
    else await fetchTracked(kind, id).catch(() => etags[kind].delete(id));
    return data;
  } catch (err) {
    if (err.status === 412) {
      // Someone else changed it: pick up the latest version (and its ETag) for the caller to show.
      try { err.problem.current = await fetchTracked(kind, id); } catch { /* keep problem.current from the answer */ }
    }
    throw err;
  }
}

// ---- endpoints ------------------------------------------------------------------
export const getBoard = () => get('/board');

export function listJobs({ status = '', module = '', q = '', page = 1 } = {}) {
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (module) params.set('module', module);
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return get(`/jobs${qs ? `?${qs}` : ''}`);
}

export const getJob = (id) => fetchTracked('job', id);
export const getJobHistory = (id) => get(`/jobs/${enc(id)}/history`);

export async function createJob(body) {
  const { data, etag } = await request('POST', '/jobs', { body });
  if (data?.id && etag) etags.job.set(data.id, etag);
  return data;
}

/** Any write on a job: path is relative to /jobs/{id} ('' for PATCH on the job itself). */
export const jobWrite = (id, method, path, body) =>
  trackedWrite('job', id, method, `/jobs/${enc(id)}${path}`, body);

export const getStock = (id) => fetchTracked('stock', id);
export const getStockHistory = (id) => get(`/stock/${enc(id)}/history`);
/** action: 'reserve' | 'release' | 'sell' */
export const stockAction = (id, action, reason) =>
  trackedWrite('stock', id, 'POST', `/stock/${enc(id)}/${action}`, { reason: reason || null });
