// api.js: calls to the monitoring API with the signed-in token; a refused
// call throws an Error carrying the service's message and status.

let token = sessionStorage.getItem('gt-token') || '';

export function setToken(t) {
	token = t;
	if (t) sessionStorage.setItem('gt-token', t);
	else sessionStorage.removeItem('gt-token');
}

export function hasToken() {
	return token !== '';
}

export async function call(method, path, body) {
	const options = { method, headers: { Authorization: `Bearer ${token}` } };
	if (body !== undefined) {
		options.headers['Content-Type'] = 'application/json';
		options.body = JSON.stringify(body);
	}
	const response = await fetch(`/api/v1${path}`, options);
	const text = await response.text();
	let data = null;
	try {
		data = text ? JSON.parse(text) : null;
	} catch {
		throw Object.assign(new Error(`the service answered ${response.status}`), { status: response.status });
	}
	if (!response.ok) {
		const e = data && data.error ? data.error : { message: `error ${response.status}` };
		const where = e.field ? `${e.field}: ` : '';
		throw Object.assign(new Error(where + e.message), { status: response.status });
	}
	return data;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body === undefined ? {} : body);
