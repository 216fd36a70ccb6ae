// Thin fetch wrapper for the JewelBench API.
// - the session is an HttpOnly cookie the server sets; the page never sees it
// - turns error answers into ApiError carrying RFC 7807 problem details
// - reports a 401 (session ended) to the app shell, which shows the sign-in page
// - remembers the last ETag per job (stock item, material) and sends it as If-Match on writes

let onUnauthorized = () => {};
/** The app shell's handler for a 401 on any request made with auth (the default). */
export function setUnauthorizedHandler(fn) { onUnauthorized = fn; }

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

/** fetch() has no upload progress: the same request over XMLHttpRequest, answered as a Response. */
function sendWithProgress(method, url, headers, payload, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.withCredentials = true;
    Object.entries(headers).forEach(([k, v]) => xhr.setRequestHeader(k, v));
    xhr.upload.addEventListener('progress', (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); });
    xhr.addEventListener('load', () => {
      const answerHeaders = new Headers();
      xhr.getAllResponseHeaders().trim().split(/[\r\n]+/).forEach((line) => {
        const at = line.indexOf(':');
        if (at > 0) answerHeaders.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
      });
      const empty = [204, 205, 304].includes(xhr.status);
      resolve(new Response(empty ? null : xhr.responseText, { status: xhr.status, statusText: xhr.statusText, headers: answerHeaders }));
    });
    xhr.addEventListener('error', () => reject(new TypeError('Network error')));
    xhr.addEventListener('abort', () => reject(new TypeError('Aborted')));
    xhr.send(payload ?? null);
  });
}

/**
 * Low-level request; resolves { data, etag } or throws ApiError. `body` is sent as JSON, `file` as the raw
 * body of an upload, `form` (FormData) as multipart with the boundary the browser picks; `onProgress`
 * (0..1) follows the upload; `auth: false` keeps a 401 local.
 */
export async function request(method, path, { body, file, form, ifMatch, ifNoneMatch, auth = true, onProgress } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (file) headers['Content-Type'] = file.type || 'application/octet-stream';
  else if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  if (ifMatch) headers['If-Match'] = ifMatch;
  if (ifNoneMatch) headers['If-None-Match'] = ifNoneMatch;
  const payload = form ?? file ?? (body === undefined ? undefined : JSON.stringify(body));
  let res;
  try {
    res = onProgress
      ? await sendWithProgress(method, `/api${path}`, headers, payload, onProgress)
      : await fetch(`/api${path}`, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { title: 'Cannot reach the server', detail: 'Check the connection and try again.' });
  }
  if (res.status === 304) return { data: null, etag: res.headers.get('ETag'), notModified: true };
  const data = await readBody(res);
  if (!res.ok) {
    const problem = data && typeof data === 'object'
      ? data
      : { title: res.statusText || `Request failed (${res.status})`, detail: typeof data === 'string' ? data : undefined };
    const err = new ApiError(res.status, problem);
    if (res.status === 401 && auth) onUnauthorized(err);
    throw err;
  }
  return { data, etag: res.headers.get('ETag') };
}

const enc = encodeURIComponent;
const get = async (path) => (await request('GET', path)).data;

// ---- ETag-aware writes -------------------------------------------------------
const etags = { job: new Map(), stock: new Map(), material: new Map() };
const BASES = { job: '/jobs/', stock: '/stock/', material: '/materials/' };

async function fetchTracked(kind, id) {
  const { data, etag } = await request('GET', `${BASES[kind]}${enc(id)}`);
  if (etag) etags[kind].set(id, etag); else etags[kind].delete(id);
  return data;
}

async function trackedWrite(kind, id, method, path, body, { unconditional = false, ...options } = {}) {
  try {
    const { data, etag } = await request(method, path, { body, ifMatch: unconditional ? undefined : etags[kind].get(id), ...options });
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
/** The board unless it is still the one with this ETag: { data: null, notModified: true } then. */
export const getBoardIfChanged = (etag) => request('GET', '/board', { ifNoneMatch: etag });

/** One page of a list (jobs, stock); empty and false filters are left out of the query. */
function listPage(path, { page = 1, ...filters } = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, String(value));
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return get(`${path}${qs ? `?${qs}` : ''}`);
}
export const listJobs = (state) => listPage('/jobs', state);

export const getJob = (id) => fetchTracked('job', id);
export const getJobHistory = (id) => get(`/jobs/${enc(id)}/history`);
export const getPickupNotices = (id) => get(`/jobs/${enc(id)}/notices`);

export async function createJob(body) {
  const { data, etag } = await request('POST', '/jobs', { body });
  if (data?.id && etag) etags.job.set(data.id, etag);
  return data;
}

/** Any write on a job: path is relative to /jobs/{id} ('' for PATCH on the job itself). */
export const jobWrite = (id, method, path, body) =>
  trackedWrite('job', id, method, `/jobs/${enc(id)}${path}`, body);

/**
 * Adds photos to a job (multipart, field "photos"); `onProgress` gets 0..1 of the upload. Sent without If-Match:
 * a new photo neither depends on nor overwrites anything else on the job, and a phone upload is too slow to redo.
 */
export function uploadJobPhotos(id, files, onProgress) {
  const form = new FormData();
  for (const f of files) form.append('photos', f, f.name);
  return trackedWrite('job', id, 'POST', `/jobs/${enc(id)}/photos`, undefined, { form, onProgress, unconditional: true });
}
/**
 * The customer's signature (a PNG from the pad) as the raw body. Sent without If-Match: it replaces only the
 * signature, which the person at the counter chose to take again, and a customer should not have to sign twice.
 */
export const uploadSignature = (id, png) =>
  trackedWrite('job', id, 'PUT', `/jobs/${enc(id)}/signature`, undefined, { file: png, unconditional: true });
/** The address stays the same when the customer signs again: `takenAt` tells the browser's cache the versions apart. */
export const signatureUrl = (jobId, takenAt) => `/api/jobs/${enc(jobId)}/signature?v=${enc(takenAt)}`;
export const jobPhotoUrl = (jobId, photoId) => `/api/jobs/${enc(jobId)}/photos/${enc(photoId)}`;
export const stockPhotoUrl = (stockId, photoId) => `/api/stock/${enc(stockId)}/photos/${enc(photoId)}`;

/** A durable operation (close-out, reopen clean-up): 202 while it runs, 200 once Succeeded or Failed. */
export const getOperation = (id) => get(`/operations/${enc(id)}`);
export const retryOperation = async (id) => (await request('POST', `/operations/${enc(id)}/retry`, { body: {} })).data;

/** One page of finished inventory, with every category the shop's stock uses. */
export const listStock = (state) => listPage('/stock', state);
export const getStock = (id) => fetchTracked('stock', id);
/** Title, category, storage location, retail price (null clears it) and an optional reason. */
export const editStock = (id, body) => trackedWrite('stock', id, 'PATCH', `/stock/${enc(id)}`, body);
export const getStockHistory = (id) => get(`/stock/${enc(id)}/history`);
/** action: 'reserve' | 'release' | 'sell' */
export const stockAction = (id, action, reason) =>
  trackedWrite('stock', id, 'POST', `/stock/${enc(id)}/${action}`, { reason: reason || null });

// ---- stones and materials ----------------------------------------------------------
/** The materials matching a search; an empty kind and a false `low` are left out of the query. */
export function listMaterials({ q = '', kind = '', low = false } = {}) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (kind) params.set('kind', kind);
  if (low) params.set('low', 'true');
  const qs = params.toString();
  return get(`/materials${qs ? `?${qs}` : ''}`);
}
export const getMaterial = (id) => fetchTracked('material', id);
export const getMaterialLedger = (id) => get(`/materials/${enc(id)}/ledger`);
export const getMaterialHistory = (id) => get(`/materials/${enc(id)}/history`);

export async function createMaterial(body) {
  const { data, etag } = await request('POST', '/materials', { body });
  if (data?.id && etag) etags.material.set(data.id, etag);
  return data;
}
export const editMaterial = (id, body) => trackedWrite('material', id, 'PATCH', `/materials/${enc(id)}`, body);
// Stock that arrives adds to whatever is there now, so a receipt does not depend on the version the page loaded.
export const receiveMaterial = (id, body) =>
  trackedWrite('material', id, 'POST', `/materials/${enc(id)}/receive`, body, { unconditional: true });
/** A stocktake sets on-hand from what the page showed: a change since then (a job took some) answers 412. */
export const countMaterial = (id, body) => trackedWrite('material', id, 'POST', `/materials/${enc(id)}/count`, body);
// ---- the style catalog ---------------------------------------------------------------------
/** Styles of one view (origin MyDesign | Vendor, or all) matching a search. */
export const listStyles = ({ origin = '', q = '' } = {}) => listPage('/styles', { origin, q });
/** { data, etag }: a style's edits are conditional on the version the page loaded. */
export const getStyle = (id) => request('GET', `/styles/${enc(id)}`);
export const createStyle = (body) => request('POST', '/styles', { body });
export const editStyle = (id, body, etag) => request('PATCH', `/styles/${enc(id)}`, { body, ifMatch: etag });
export const getStyleHistory = (id) => get(`/styles/${enc(id)}/history`);
export const styleImageUrl = (styleId, imageId) => `/api/styles/${enc(styleId)}/images/${enc(imageId)}`;
/** Adds images (multipart, field "images"); unconditional like job photos: a new image overwrites nothing. */
export function uploadStyleImages(id, files, onProgress) {
  const form = new FormData();
  for (const f of files) form.append('images', f, f.name);
  return request('POST', `/styles/${enc(id)}/images`, { form, onProgress });
}
export const removeStyleImage = (id, imageId, reason) =>
  request('DELETE', `/styles/${enc(id)}/images/${enc(imageId)}`, { body: reason ? { reason } : {} });
/** A manufacturer's batch: a new production job with the style's bill of materials × quantity taken from stock. */
export const startBatch = (id, body) => send('POST', `/styles/${enc(id)}/jobs`, body);

// ---- sign-in, setup and the signed-in shop -----------------------------------------
const send = async (method, path, body, opts = {}) => (await request(method, path, { body, ...opts })).data;

export const getMe = () => send('GET', '/auth/me', undefined, { auth: false });
export const signIn = (email, password) => send('POST', '/auth/sign-in', { email, password }, { auth: false });
export const signOut = () => send('POST', '/auth/sign-out', undefined, { auth: false });
export const changePassword = (currentPassword, newPassword) => send('POST', '/auth/password', { currentPassword, newPassword });
export const getSetup = () => send('GET', '/setup', undefined, { auth: false });
export const runSetup = (body) => send('POST', '/setup', body, { auth: false });
export const openKioskSession = (token) => send('POST', '/kiosk/session', { token }, { auth: false });

export const getShop = () => request('GET', '/shop');
export const editShop = (body, etag) => request('PATCH', '/shop', { body, ifMatch: etag });
export const getShopHistory = () => get('/shop/history');
export const uploadLogo = (file) => request('PUT', '/shop/logo', { file });
export const removeLogo = () => request('DELETE', '/shop/logo', { body: {} });

export const listUsers = () => get('/users');
export const inviteUser = (body) => send('POST', '/users', body);
/** The ETag of a user is its version. */
export const editUser = (user, body) => send('PATCH', `/users/${enc(user.id)}`, body, { ifMatch: `"${user.version}"` });
// A new password replaces whatever the user had, so it does not depend on the version the page loaded.
export const setUserPassword = (user, password) => send('PATCH', `/users/${enc(user.id)}`, { password });

export const listKioskLinks = () => get('/kiosk-links');
export const createKioskLink = (name) => send('POST', '/kiosk-links', { name });
export const revokeKioskLink = (id, reason) => send('DELETE', `/kiosk-links/${enc(id)}`, reason ? { reason } : undefined);

export const listReminders = () => get('/reminders');
// A snooze depends on nothing else on the job, so it is sent without If-Match.
export const snoozeJob = (id, body) => send('POST', `/jobs/${enc(id)}/snooze`, body);
export const getReminderSettings = () => request('GET', '/shop/reminders');
export const saveReminderSettings = (body, etag) => request('PUT', '/shop/reminders', { body, ifMatch: etag });

export const listOutbox = () => get('/outbox');
export const getOutboxMessage = (id) => get(`/outbox/${enc(id)}`);
export const outboxPreviewUrl = (id) => `/api/outbox/${enc(id)}/preview`;
export const resendOutboxMessage = (id) => send('POST', `/outbox/${enc(id)}/resend`, {});
// ---- customers, the repair price list, the customer's status page -------------------------
export const searchCustomers = (q = '') => get(`/customers${q ? `?q=${enc(q)}` : ''}`);
export const createCustomer = (body) => send('POST', '/customers', body);
export const getCustomer = (id) => get(`/customers/${enc(id)}`);
/** The ETag of a customer is its version. */
export const editCustomer = (customer, body) =>
  send('PATCH', `/customers/${enc(customer.id)}`, body, { ifMatch: customer.version != null ? `"${customer.version}"` : undefined });

export const getPriceList = () => get('/price-list');
export const addPriceTask = (body) => send('POST', '/price-list', body);
export const editPriceTask = (id, body) => send('PATCH', `/price-list/${enc(id)}`, body);

// ---- processes: the shop's stage templates, jobs start from them -------------------------
export const listProcesses = () => get('/processes');
export const createProcess = (body) => send('POST', '/processes', body);
/** The ETag of a process is its version: an edit made on an older one answers 412 with the current process. */
export const editProcess = (process, body) => send('PATCH', `/processes/${enc(process.id)}`, body, { ifMatch: `"${process.version}"` });
export const getProcessHistory = (id) => get(`/processes/${enc(id)}/history`);
