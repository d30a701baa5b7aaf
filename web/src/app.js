// app.js: the monitoring dashboard. Signs in with a token, then shows what
// the user's role may see and offers what it may do: the day's events on a
// map and in a table (filtered by day, sector, type, confidence, status),
// an event with its reports, breaches with their evidence and votes, daily
// counts over time. Every change goes through the API; the page refreshes
// itself every 10 seconds. Untrusted text is only ever set as text.
import { call, get, post, setToken, hasToken } from './api.js';
import { createMap, TYPE_COLOURS } from './map.js';
import { drawChart } from './chart.js';

const $ = (id) => document.getElementById(id);
const state = { ticket: 0, chartTicket: 0, dirty: false, me: null, scenario: null, map: null, events: [], selected: new Set(), openEvent: null, openBreach: null };

// --- small DOM helpers: text only, never HTML --------------------------------

function el(tag, attrs = {}, ...children) {
	const e = document.createElement(tag);
	for (const [k, v] of Object.entries(attrs)) {
		if (k === 'class') e.className = v;
		else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
		else if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v === true ? '' : v);
	}
	for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
	return e;
}

function say(text, kind = 'info') {
	const m = $('message');
	m.textContent = text;
	m.className = `message ${kind}`;
}

const can = (...roles) => state.me && roles.includes(state.me.role);
const time = (t) => t.slice(0, 16).replace('T', ' ');

// --- the reporting day's period, as the service computes it -----------------

function period(day) {
	const [h, m] = state.scenario.day_ends.split(':').map(Number);
	const ends = h * 60 + m || 24 * 60;
	const midnight = Date.parse(`${day}T00:00:00Z`);
	const to = new Date(midnight + ends * 60000);
	const from = new Date(to.getTime() - 86400000);
	const iso = (d) => d.toISOString().replace('.000Z', 'Z');
	return { from: iso(from), to: iso(to) };
}

function shiftDay(day, n) {
	return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
}

// --- sign in and out ----------------------------------------------------------

async function signIn(token) {
	setToken(token);
	try {
		state.me = await get('/me');
		state.scenario = await get('/scenario');
	} catch (e) {
		setToken('');
		$('signin-error').textContent = e.status === 401 ? 'That token is not valid (wrong, revoked or mistyped).' : e.message;
		return;
	}
	$('signin').hidden = true;
	if (state.me.role === 'monitor') {
		$('signout').hidden = false;
		$('who').textContent = `${state.me.name} (monitor)`;
		$('signin').hidden = false;
		$('signin').replaceChildren(el('h2', {}, 'Monitors submit reports'),
			el('p', {}, 'This dashboard is for analysts, commanders, member representatives and observers. '
				+ 'Monitors send reports to POST /api/v1/reports (or a batch to /api/v1/reports/batch) '
				+ 'from their devices.'));
		return;
	}
	$('app').hidden = false;
	$('signout').hidden = false;
	$('who').textContent = `${state.me.name} (${state.me.role}${state.me.member ? ' for ' + state.me.member : ''})`;
	$('scenario-title').textContent = state.scenario.title;
	setUp();
}

function signOut() {
	setToken('');
	location.reload();
}

// --- the page -----------------------------------------------------------------

function setUp() {
	const sc = state.scenario;
	for (const s of sc.sectors) {
		$('f-sector').append(el('option', { value: s.id }, `${s.name} (km ${Math.round(s.from_km)}–${Math.round(s.to_km)})`));
		$('chart-sector').append(el('option', { value: s.id }, s.name));
	}
	for (const t of sc.event_types) $('f-type').append(el('option', { value: t }, t.replaceAll('_', ' ')));
	$('f-day').value = sc.today;
	// observers see verified events only; the filter would only mislead
	$('f-status-label').hidden = can('observer');
	$('breaches').hidden = !can('analyst', 'commander', 'member');
	for (const id of ['f-day', 'f-sector', 'f-type', 'f-grade', 'f-status']) $(id).addEventListener('change', refresh);
	$('chart-sector').addEventListener('change', refreshChart);
	$('merge').addEventListener('click', merge);
	$('merge-clear').addEventListener('click', () => { state.selected.clear(); showEvents(); });
	state.map = createMap($('map'), sc.geometry, openEvent);
	legend();
	refresh();
	setInterval(() => { if (!document.hidden) refresh(); }, 10000);
	for (const panel of ['detail', 'breach-detail'])
		for (const kind of ['input', 'change'])
			$(panel).addEventListener(kind, () => { state.dirty = true; });
	let resizing = null;
	window.addEventListener('resize', () => {
		state.map.resize();
		clearTimeout(resizing);
		resizing = setTimeout(() => refreshChart().catch((e) => say(e.message, 'error')), 200);
	});
}

function legend() {
	const box = $('legend');
	for (const t of state.scenario.event_types)
		box.append(el('span', { class: 'key' }, el('span', { class: `swatch type-${t}` }), t.replaceAll('_', ' ')));
	box.append(el('span', { class: 'key muted' }, 'size: count; fill: grade A (solid) to C (faint, dashed)'));
}

// A refresh redraws the open panels only when nothing in them is being
// edited: a note typed, a report ticked or a response chosen survives it,
// whether the refresh is the clock's or one that was under way when the
// panel was opened (opening a panel, and any change sent, clear `dirty`).
async function refresh() {
	try {
		await Promise.all([refreshEvents(), refreshBreaches(), refreshChart()]);
		if (!state.dirty) {
			if (state.openEvent) await openEvent(state.openEvent, false);
			if (state.openBreach) await openBreach(state.openBreach);
		}
		$('updated').textContent = `updated ${new Date().toISOString().slice(11, 19)} UTC`;
	} catch (e) {
		say(e.message, 'error');
	}
}

async function refreshEvents() {
	const day = $('f-day').value || state.scenario.today;
	const p = period(day);
	const q = new URLSearchParams({ from: p.from, to: p.to });
	if ($('f-sector').value) q.set('sector', $('f-sector').value);
	if ($('f-type').value) q.set('event', $('f-type').value);
	if ($('f-grade').value) q.set('grade', $('f-grade').value);
	if (!can('observer')) q.set('status', $('f-status').value);
	const ticket = ++state.ticket;
	const events = await allPages(`/events?${q}`, 'events');
	if (ticket !== state.ticket) return; // an answer to filters since changed
	state.events = events;
	$('map-title').textContent = `Events of ${day} (${time(p.from)} to ${time(p.to)} UTC): ${state.events.length}`;
	showEvents();
}

function showEvents() {
	state.map.show(state.events, state.selected);
	const body = $('events-table').tBodies[0];
	body.replaceChildren();
	for (const e of state.events) {
		const row = el('tr', { class: 'clickable', 'data-event': e.id, onclick: () => openEvent(e.id) },
			el('td', {}, e.id), el('td', {}, time(e.observed.from)),
			el('td', {}, e.event.replaceAll('_', ' ') + (e.weapon ? `, ${e.weapon}` : '')),
			el('td', { class: 'num' }, e.count), el('td', {}, e.sector.name), el('td', {}, e.side),
			el('td', {}, e.grade), el('td', {}, e.status));
		body.append(row);
	}
	if (!state.events.length)
		body.append(el('tr', {}, el('td', { colspan: 8, class: 'muted' }, 'No events match.')));
	// only unverified events merge: drop any that have since been judged
	for (const e of state.events) if (e.status !== 'unverified') state.selected.delete(e.id);
	$('merge-bar').hidden = !(can('analyst') && state.selected.size >= 2);
	$('merge-ids').textContent = [...state.selected].join(', ');
}

// --- one event ------------------------------------------------------------------

async function openEvent(id, focus = true) {
	let e;
	try {
		e = await get(`/events/${id}`);
	} catch (err) {
		if (err.status === 404) { $('detail').hidden = true; state.openEvent = null; return; }
		throw err;
	}
	state.openEvent = id;
	state.dirty = false;
	if (focus) state.map.focus(e);
	$('detail').hidden = false;
	$('detail-title').textContent = `Event ${e.id}: ${e.event.replaceAll('_', ' ')}`;
	const dl = el('dl', { class: 'facts' });
	const fact = (k, v) => dl.append(el('dt', {}, k), el('dd', {}, v));
	fact('status', e.status + (e.merged_into ? ` into ${e.merged_into}` : ''));
	fact('when', `${time(e.observed.from)} to ${time(e.observed.to)} UTC`);
	fact('count', `${e.count}${e.weapon ? ` (${e.weapon})` : ''}` +
		(e.held && e.status !== 'verified' ? `: held for review (${e.held} report(s) count more than one report is trusted with); not counted until verified` : ''));
	fact('confidence', `grade ${e.grade}: ${e.reports} report(s), ${e.observers} observer(s) through ${e.accounts} account(s), ${e.sources} kind(s) of source`);
	fact('where', `${e.position.lat.toFixed(4)}, ${e.position.lon.toFixed(4)} ± ${e.position.radius_km.toFixed(2)} km${e.position.triangulated ? ' (bearings crossed)' : ''}`);
	fact('sector', `${e.sector.name}, ${e.side}, ${e.distance_km.toFixed(1)} km from the line`);
	const body = $('detail-body');
	body.replaceChildren(dl);
	if (e.submitted) {
		const list = el('ul', { class: 'list reports' });
		for (const r of e.submitted) {
			const how = r.heard ? `heard, ${r.heard.bearing_deg}° at ${r.heard.distance_km} km` : `seen ± ${r.position.precision_m} m`;
			list.append(el('li', {},
				can('analyst') && e.status === 'unverified' ? el('input', { type: 'checkbox', class: 'split-pick', value: `#${r.seq}`, 'aria-label': `split off ${r.id}` }) : null,
				el('strong', {}, r.id), ` ${r.observer}${r.account ? ` (account ${r.account})` : ''}, ${r.source}, ${time(r.observed.from)}: ${r.count} ${r.weapon || ''}, ${how}`,
				r.text ? el('div', { class: 'muted' }, r.text) : null));
		}
		body.append(el('h3', {}, 'Reports'), list);
	}
	if (can('analyst')) body.append(eventActions(e));
}

function eventActions(e) {
	const box = el('div', { class: 'actions' });
	const note = el('input', { type: 'text', placeholder: 'note (optional)', 'aria-label': 'note', maxlength: 1000 });
	const act = (label, path, body) => el('button', { type: 'button', onclick: () => change(`/events/${e.id}/${path}`, body ? body() : { note: note.value }) }, label);
	if (e.status === 'unverified') {
		box.append(note, act('Verify', 'verify'), act('Reject', 'reject'));
		const pick = el('label', { class: 'inline' }, el('input', {
			type: 'checkbox', checked: state.selected.has(e.id) || null,
			onchange: (ev) => { if (ev.target.checked) state.selected.add(e.id); else state.selected.delete(e.id); showEvents(); },
		}), ' select for merge');
		box.append(pick);
		if (e.reports > 1) {
			const split = act('Split off ticked reports', 'split', () => ({
				reports: [...document.querySelectorAll('.split-pick:checked')].map((x) => x.value), note: note.value,
			}));
			split.disabled = true;
			for (const pick of document.querySelectorAll('.split-pick'))
				pick.addEventListener('change', () => {
					split.disabled = !document.querySelector('.split-pick:checked');
				});
			box.append(split);
		}
	} else if (e.status === 'verified' || e.status === 'rejected') {
		box.append(note, act('Reopen', 'reopen'));
	}
	return box;
}

// What a change did, in words (issue 17, finding 6: not "Done: proposals.").
const done = {
	correlate: () => 'reports put into events', verify: () => 'event verified', reject: () => 'event rejected',
	reopen: () => 'event reopened', merge: (r) => `events merged into event ${r.id}`,
	split: (r) => `reports split off as event ${r.id}`, proposals: (r) => `response proposed (proposal ${r.id}); the governments now vote`,
	dismiss: () => 'breach dismissed: no response', approve: () => 'your government\'s approval is recorded',
	veto: () => 'your government\'s veto is recorded',
};

async function change(path, body) {
	try {
		const r = await post(path, body);
		state.dirty = false;
		const what = path.split('/').filter((x) => x && !/^\d+$/.test(x)).pop();
		say(`Done: ${done[what] ? done[what](r) : what}.`, 'ok');
		await refresh();
		return true;
	} catch (e) {
		say(e.message, 'error');
		return false;
	}
}

async function merge() {
	if (await change('/events/merge', { events: [...state.selected] })) {
		state.selected.clear();
		showEvents();
	}
}

// --- breaches and decisions -------------------------------------------------------

// Every page of a list (`key` of each answer), following next_after: a
// list is never cut at a page's length (issue 17, finding 1).
async function allPages(path, key) {
	const out = [];
	for (let after = 0; ;) {
		const data = await get(`${path}${path.includes('?') ? '&' : '?'}limit=1000&after=${after}`);
		out.push(...data[key]);
		if (data.next_after === null) return out;
		after = data.next_after;
	}
}

async function refreshBreaches() {
	if (!can('analyst', 'commander', 'member')) return;
	const breaches = await allPages('/breaches', 'breaches');
	const list = $('breach-list');
	list.replaceChildren();
	const open = breaches.filter((b) => b.status === 'open');
	// the open ones first, then the rest; the newest first in each
	const shown = [...open.reverse(), ...breaches.filter((b) => b.status !== 'open').reverse()];
	for (const b of shown) {
		list.append(el('li', { class: `clickable breach-${b.status}`, 'data-breach': b.id, onclick: () => openBreach(b.id) },
			el('strong', {}, `${b.id} ${b.status}`), ` ${b.threshold.name}, ${b.sector ? b.sector.name : 'whole line'}, ${time(b.at)}: ${b.total}`));
	}
	if (!breaches.length) list.append(el('li', { class: 'muted' }, 'No breaches.'));
	$('breaches').querySelector('h2').textContent = `Breaches (${open.length} open of ${breaches.length})`;
}

async function openBreach(id) {
	const b = await get(`/breaches/${id}`);
	state.openBreach = id;
	state.dirty = false;
	const box = $('breach-detail');
	box.replaceChildren(el('h3', {}, `Breach ${b.id}: ${b.status}`),
		el('p', {}, b.threshold.text || b.threshold.name),
		el('p', { class: 'muted' }, `${b.sector ? b.sector.name : 'whole line'}, crossed ${time(b.at)} UTC with ${b.total} (since ${time(b.window_from)})`));
	const ev = el('ul', { class: 'list' });
	for (const e of b.evidence)
		ev.append(el('li', { class: 'clickable', onclick: () => openEvent(e.id) }, `event ${e.id}: ${e.count} ${e.weapon || e.event}, grade ${e.grade}, ${e.status}`));
	box.append(el('h4', {}, 'Evidence'), ev);
	// a breach stands on the evidence it opened with; say when none of it stands now
	if (b.evidence.length && b.evidence.every((e) => e.status === 'rejected'))
		box.append(el('p', { class: 'warning', role: 'note' }, 'Every event of its evidence has since been rejected by an analyst: this breach may be a false alarm.'));
	for (const p of b.proposals) box.append(proposalView(p));
	const pending = b.proposals.some((p) => p.state === 'pending');
	if (can('commander') && b.status === 'open' && !pending) {
		const rung = el('select', { 'aria-label': 'response' }, ...state.scenario.ladder.map((r) => el('option', { value: r.name }, `${r.name}: ${r.text}`)));
		const note = el('input', { type: 'text', placeholder: 'note (optional)', 'aria-label': 'note', maxlength: 1000 });
		box.append(el('div', { class: 'actions' }, rung, note,
			el('button', { type: 'button', onclick: () => change(`/breaches/${b.id}/proposals`, { rung: rung.value, note: note.value }) }, 'Propose'),
			el('button', { type: 'button', class: 'quiet', onclick: () => {
				if (confirm(`Dismiss breach ${b.id}: judge that it needs no response? This cannot be undone.`))
					change(`/breaches/${b.id}/dismiss`, { note: note.value });
			} }, 'Dismiss')));
	}
}

// The time from now to t (an ISO UTC time), in days and hours or minutes.
function timeLeft(t) {
	const min = Math.max(0, Math.round((Date.parse(t) - Date.now()) / 60000));
	const d = Math.floor(min / 1440), h = Math.floor((min % 1440) / 60);
	return d ? `${d} d ${h} h` : h ? `${h} h ${min % 60} min` : `${min} min`;
}

function proposalView(p) {
	const box = el('div', { class: `proposal proposal-${p.state}`, 'data-proposal': p.id });
	// the deadline in UTC, with the time left and what silence counts as
	const deadline = p.state === 'pending'
		? `deadline ${time(p.deadline)} UTC, ${timeLeft(p.deadline)} from now; a government that has not voted by then counts against`
		: `deadline ${time(p.deadline)} UTC; decided ${time(p.decided)} UTC`;
	box.append(el('h4', {}, `Proposal ${p.id}: ${p.rung.name} (${p.state})`),
		el('p', { class: 'muted' }, `${p.rung.text}. By ${p.proposed_by}, ${time(p.proposed)} UTC; ${p.rule.replaceAll('_', ' ')}; ${deadline}`));
	const votes = el('table', { class: 'table votes' }, el('tr', {}, el('th', {}, 'government'), el('th', {}, 'vote'), el('th', {}, 'when')));
	// once decided, a vote not cast is no longer awaited
	const none = p.state === 'pending' ? 'not yet' : 'not cast';
	for (const v of p.votes)
		votes.append(el('tr', {}, el('td', {}, v.member), el('td', { class: `vote-${v.vote || 'none'}` }, v.vote || none), el('td', {}, v.at ? `${time(v.at)} UTC` : '')));
	box.append(votes);
	const mine = state.me.member && p.votes.find((v) => v.member === state.me.member);
	if (can('member') && p.state === 'pending' && mine && !mine.vote) {
		box.append(el('div', { class: 'actions' },
			el('button', { type: 'button', onclick: () => change(`/proposals/${p.id}/approve`) }, `Approve for ${state.me.member}`),
			el('button', { type: 'button', class: 'danger', onclick: () => {
				// a vote is final: a veto asks first
				if (confirm(`Veto proposal ${p.id} (${p.rung.name}) for ${state.me.member}? A vote cannot be changed.`))
					change(`/proposals/${p.id}/veto`);
			} }, `Veto for ${state.me.member}`)));
	}
	return box;
}

// --- daily counts -------------------------------------------------------------------

async function refreshChart() {
	const day = $('f-day').value || state.scenario.today;
	const ticket = ++state.chartTicket;
	const counts = await get(`/counts?from=${shiftDay(day, -13)}&to=${day}`);
	if (ticket !== state.chartTicket) return; // an answer to a day since changed
	drawChart($('chart'), counts, state.scenario.event_types, $('chart-sector').value);
}

// --- start ----------------------------------------------------------------------------

document.addEventListener('DOMContentLoaded', () => {
	$('signin-form').addEventListener('submit', (ev) => {
		ev.preventDefault();
		signIn($('token').value.trim());
	});
	$('signout').addEventListener('click', signOut);
	if (hasToken()) signIn(sessionStorage.getItem('gt-token'));
});


