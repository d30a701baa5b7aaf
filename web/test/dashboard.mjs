// dashboard.mjs GUARANTOR ARTEFACTS: the dashboard in headless Chromium
// (playwright-core, Debian's /usr/bin/chromium) against a service this
// test starts with seeded reports: sign in (a wrong token, then each
// role), see the seeded events on the map, filter, open an event with its
// reports, verify it, propose a response to the breach, vote it to its
// decision, and check what the page shows at each step, at a laptop's
// width and a tablet's. Screenshots and a print PDF go to ARTEFACTS.
import { chromium } from 'playwright-core';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContract, checkExchange } from '../../tests/contract/check-trace.mjs';

const here = dirname(fileURLToPath(import.meta.url));

const [gt, artefacts] = process.argv.slice(2);
if (!gt || !artefacts) {
	console.error('usage: node dashboard.mjs GUARANTOR ARTEFACTS');
	process.exit(2);
}
mkdirSync(artefacts, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'gt-dashboard-'));
const db = join(dir, 's.db');
// the store's audit key, named to every command as the operator would
execFileSync(gt, ['audit', 'keygen', '--audit-key', join(dir, 'audit.key')], { stdio: 'ignore' });
process.env.GT_AUDIT_KEY = join(dir, 'audit.key');
let failures = 0;
function check(ok, what) {
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
	if (!ok) failures++;
}

// a scenario whose decisions two governments vote on
const yaml = execFileSync(gt, ['scenario', 'export'], { encoding: 'utf8' })
	.replace(/voters: \[[^\]]*\]/, 'voters: [GB, FR]');
writeFileSync(join(dir, 'two.yaml'), yaml);
const token = (name, role, member, observers = []) => execFileSync(gt,
	['users', 'add', name, '--role', role, ...(member ? ['--member', member] : []),
		...observers.flatMap((o) => ['--observer', o]), '--db', db],
	{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
const tokens = {
	monitor: token('kt3', 'monitor', null, ['team 1', 'team 3']), monitor4: token('kt4', 'monitor', null, ['team 2']),
	analyst: token('desk', 'analyst'), commander: token('gen', 'commander'),
	gb: token('london', 'member', 'GB'), fr: token('paris', 'member', 'FR'), observer: token('press', 'observer'),
};

// every answer the dashboard and this test get is traced and checked
// against docs/api.yaml at the end (tests/contract/check-trace.mjs)
const trace = join(dir, 'trace.jsonl');
const server = spawn(gt, ['serve', '--db', db, '--scenario', join(dir, 'two.yaml'), '--listen', '127.0.0.1:0',
	'--trace', trace],
	{ stdio: ['ignore', 'ignore', 'pipe'] });
const base = await new Promise((resolve, reject) => {
	let err = '';
	server.stderr.on('data', (d) => {
		err += d;
		const m = /http:\/\/(127\.0\.0\.1:\d+)\//.exec(err);
		if (m) resolve(`http://${m[1]}`);
	});
	server.on('exit', () => reject(new Error(`the service stopped: ${err}`)));
	setTimeout(() => reject(new Error('the service did not start')), 15000);
});

async function api(who, method, path, body) {
	const r = await fetch(`${base}/api/v1${path}`, {
		method, headers: { Authorization: `Bearer ${tokens[who]}`, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return r.json();
}

// two shellings seen by two teams each, through two monitors' accounts (30
// and 25 artillery explosions, in one sector: a breach of heavy-shelling),
// small-arms fire in another
const report = (id, lon, lat, minute, observer, event, weapon, count) => ({
	id, observed: { from: `2026-01-10T10:${minute}:00Z`, to: `2026-01-10T10:${minute}:30Z` },
	reported: '2026-01-10T11:00:00Z', position: { lon, lat, precision_m: 200 }, observer, source: 'patrol',
	// a1's text carries markup, as a hostile report might: it must show as text
	event, weapon, count, text: id === 'a1' ? 'craters east of the road <img src=x onerror="window.xss=1">' : undefined,
});
const stored = await api('monitor', 'POST', '/reports/batch', [
	report('a1', 37.70, 48.00, '05', 'team 1', 'explosion', 'artillery', 30),
	report('b1', 37.80, 48.05, '40', 'team 1', 'explosion', 'artillery', 25),
	report('c1', 37.56, 48.74, '20', 'team 3', 'small_arms', 'none', 40),
]);
const stored4 = await api('monitor4', 'POST', '/reports/batch', [
	report('a2', 37.70, 48.00, '06', 'team 2', 'explosion', 'artillery', 30),
	report('b2', 37.80, 48.05, '41', 'team 2', 'explosion', 'artillery', 25),
]);
check(stored.stored + stored4.stored === 5, `seeded 5 reports (${stored.stored + stored4.stored} stored)`);
const corr = await api('analyst', 'POST', '/events/correlate');
check(corr.new_events === 3, `correlated into 3 events (${corr.new_events})`);

const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
		'--disable-component-update', '--disable-sync'],
});
const problems = [];

async function session(who, width, height) {
	const context = await browser.newContext({ viewport: { width, height } });
	const page = await context.newPage();
	page.on('console', (m) => {
		// the wrong token's 401 is the one error the test itself causes
		if (m.type() === 'error' && !(who === null && m.text().includes('401')))
			problems.push(`${who || 'signed out'}: ${m.text()}`);
	});
	page.on('pageerror', (e) => problems.push(`${who}: ${e.message}`));
	await page.goto(base + '/');
	if (who) {
		await page.fill('#token', tokens[who]);
		await page.click('#signin button');
		await page.waitForSelector('#app:not([hidden])');
		await page.fill('#f-day', '2026-01-10');
		await page.dispatchEvent('#f-day', 'change');
		// the page first shows today's events, then the day asked for
		await page.waitForFunction(() => document.querySelector('#map-title').textContent.includes('2026-01-10'));
	}
	return { context, page };
}
const markers = (page) => page.locator('path.event-marker').count();
// a screenshot, and the page's DOM as it then is, which the Nu Html Checker
// reads at the end
const pages = [];
const shot = async (page, name) => {
	await page.screenshot({ path: join(artefacts, `${name}.png`), fullPage: true });
	const file = join(artefacts, `${name}.html`);
	writeFileSync(file, await page.content());
	pages.push(file);
};

try {
	// a wrong token is refused, with a message
	{
		const { context, page } = await session(null, 1280, 900);
		await page.fill('#token', 'gt1.99.nothing');
		await page.click('#signin button');
		await page.waitForFunction(() => document.querySelector('#signin-error').textContent !== '');
		check((await page.textContent('#signin-error')).includes('not valid'), 'a wrong token is refused');
		check(await page.isHidden('#app'), 'nothing is shown without a token');
		await context.close();
	}
	// the analyst: events on the map, filters, an event with its reports, verify
	{
		const { context, page } = await session('analyst', 1280, 900);
		check(await markers(page) === 3, `the analyst sees the 3 seeded events on the map (${await markers(page)})`);
		check((await page.textContent('#who')).includes('analyst'), 'the page says who is signed in');
		check((await page.textContent('#breaches h2')).includes('1 open'), 'one open breach is listed');
		await page.selectOption('#f-type', 'small_arms');
		await page.waitForFunction(() => document.querySelectorAll('path.event-marker').length === 1);
		check(true, 'filtering by type leaves the one small-arms event');
		await page.selectOption('#f-type', '');
		await page.selectOption('#f-grade', 'B');
		await page.waitForFunction(() => document.querySelectorAll('path.event-marker').length === 2);
		check(true, 'filtering by confidence B leaves the two corroborated shellings');
		await page.selectOption('#f-grade', '');
		await page.waitForFunction(() => document.querySelectorAll('path.event-marker').length === 3);
		// circles overlap at this zoom: the click goes to the one asked for
		await page.locator('path.event-1').dispatchEvent('click');
		await page.waitForSelector('#detail:not([hidden])');
		check((await page.textContent('#detail-title')).includes('Event 1'), 'clicking a circle opens the event');
		check(await page.locator('#detail .reports li').count() === 2, 'the event shows its two reports');
		check((await page.textContent('#detail')).includes('craters east of the road <img src=x onerror='),
			'a report\'s text is shown, markup and all, as text');
		check(await page.locator('#detail img').count() === 0 && await page.evaluate(() => window.xss) === undefined,
			'the markup in a report\'s text is not run');
		await shot(page, 'analyst-1280');
		await page.check('#detail .actions input[type=checkbox]');
		check(await page.isHidden('#merge-bar'), 'one event selected offers no merge');
		await page.uncheck('#detail .actions input[type=checkbox]');
		check(await page.isDisabled('#detail button:has-text("Split off")'), 'split waits for a ticked report');
		await page.click('#detail button:has-text("Verify")');
		await page.waitForFunction(() => document.querySelector('#events-table tr[data-event="1"]')?.textContent.includes('verified')
			&& !document.querySelector('#events-table tr[data-event="1"]').textContent.includes('unverified'));
		check(true, 'verifying the event shows it verified in the table');
		check((await page.textContent('#message')).startsWith('Done'), 'the page confirms the change');
		await page.click('#breach-list li[data-breach="1"]');
		await page.waitForSelector('#breach-detail h3');
		check(await page.locator('#breach-detail .list li').count() === 2, 'the breach shows its two events of evidence');
		check(await page.locator('#breach-detail button:has-text("Propose")').count() === 0, 'an analyst cannot propose');
		await context.close();
	}
	// a monitor is told what the dashboard is for
	{
		const { context, page } = await session(null, 1280, 900);
		await page.fill('#token', tokens.monitor);
		await page.click('#signin button');
		await page.waitForFunction(() => document.querySelector('#signin h2').textContent.includes('Monitors'));
		check(await page.isHidden('#app'), 'a monitor gets a note instead of the dashboard');
		await context.close();
	}
	// the commander proposes a response; a choice survives the page's refresh
	{
		const { context, page } = await session('commander', 1280, 900);
		await page.click('#breach-list li[data-breach="1"]');
		await page.waitForSelector('#breach-detail button:has-text("Propose")');
		await page.selectOption('#breach-detail select', 'defensive-fire');
		await page.fill('#breach-detail input[type=text]', 'after the mechanism failed');
		const before = await page.textContent('#updated');
		await page.waitForFunction((t) => document.querySelector('#updated').textContent !== t, before, { timeout: 15000 });
		check(await page.inputValue('#breach-detail select') === 'defensive-fire'
			&& await page.inputValue('#breach-detail input[type=text]') === 'after the mechanism failed',
			'a response chosen and a note typed survive the refresh');
		await page.selectOption('#breach-detail select', 'protest');
		await page.click('#breach-detail button:has-text("Propose")');
		await page.waitForSelector('#breach-detail .proposal-pending');
		check(true, 'the commander\'s proposal is pending');
		const said = await page.textContent('#message');
		check(said.startsWith('Done: response proposed (proposal '), `the page says what was done ("${said}")`);
		check(await page.locator('#detail button:has-text("Verify")').count() === 0, 'a commander cannot verify');
		await shot(page, 'commander-1280');
		await context.close();
	}
	// the two governments vote, at a tablet's width
	for (const [who, code, state] of [['gb', 'GB', 'pending'], ['fr', 'FR', 'approved']]) {
		const { context, page } = await session(who, 800, 1100);
		await page.click('#breach-list li[data-breach="1"]');
		await page.waitForSelector(`#breach-detail button:has-text("Approve for ${code}")`);
		if (code === 'GB') {
			const terms = await page.textContent('#breach-detail .proposal-pending p');
			check(/deadline \d{4}-\d\d-\d\d \d\d:\d\d UTC, \d+ d \d+ h from now; a government that has not voted by then counts against/.test(terms),
				`a government sees the deadline in UTC, the time left and what silence counts as ("${terms.split('; ').pop()}")`);
		}
		await page.click(`#breach-detail button:has-text("Approve for ${code}")`);
		await page.waitForSelector(`#breach-detail .proposal-${state}`);
		check(true, `${code} approves; the proposal is ${state}`);
		if (state === 'approved') {
			await page.waitForFunction(() => document.querySelector('#breach-detail h3').textContent.includes('answered'));
			check(true, 'the breach is answered');
			const side = await page.locator('aside.side').boundingBox(), map = await page.locator('#map').boundingBox();
			check(side.y > map.y + map.height - 1, 'at a tablet\'s width the side panel goes under the map');
			await shot(page, 'member-800');
		}
		await context.close();
	}
	// the observer sees what is published only
	{
		const { context, page } = await session('observer', 1280, 900);
		check(await markers(page) === 1, `the observer sees the one verified event (${await markers(page)})`);
		check(await page.isHidden('#breaches'), 'the observer sees no breaches');
		await page.click('#events-table tr[data-event="1"]');
		await page.waitForSelector('#detail:not([hidden])');
		check(await page.locator('#detail .reports').count() === 0, 'the observer sees no reports or observers');
		await shot(page, 'observer-1280');
		await page.emulateMedia({ media: 'print' });
		await page.pdf({ path: join(artefacts, 'observer-print.pdf'), format: 'A4' });
		check(readFileSync(join(artefacts, 'observer-print.pdf')).length > 10000, 'the page prints');
		await context.close();
	}
	// issue 17, finding 1: more breaches than a page holds are all listed,
	// the open ones first, and counted: heavy weapons near the line every
	// 25 hours, one breach each
	{
		const iso = (ms) => new Date(ms).toISOString().slice(0, 19) + 'Z';
		const many = Array.from({ length: 216 }, (_, k) => {
			const t = Date.UTC(2026, 0, 12) + k * 25 * 3600 * 1000;
			return { id: `hw${k}`, observed: { from: iso(t), to: iso(t + 600000) }, reported: iso(t + 3600000),
				position: { lon: 37.60, lat: 48.60, precision_m: 200 }, observer: 'team 1', source: 'uav',
				event: 'heavy_weapons_movement', count: 1 };
		});
		const sent = await api('monitor', 'POST', '/reports/batch', many);
		await api('analyst', 'POST', '/events/correlate');
		const all = [];
		for (let after = 0; after !== null;) {
			const page = await api('commander', 'GET', `/breaches?limit=100&after=${after}`);
			all.push(...page.breaches);
			after = page.next_after;
		}
		const open = all.filter((b) => b.status === 'open');
		const { context, page } = await session('commander', 1366, 768);
		await page.waitForFunction((n) => document.querySelectorAll('#breach-list li').length === n, all.length);
		const heading = await page.textContent('#breaches h2');
		const first = await page.getAttribute('#breach-list li:first-child', 'data-breach');
		check(sent.stored === 216 && all.length > 216 && heading === `Breaches (${open.length} open of ${all.length})`
			&& Number(first) === Math.max(...open.map((b) => b.id)),
		`all ${all.length} breaches are listed, the newest open one first ("${heading}", #${first})`);
		await context.close();
	}
	check(problems.length === 0, `no errors in the browser's console${problems.length ? ': ' + problems.join('; ') : ''}`);
} catch (e) {
	console.log(`FAIL ${e.message}`);
	failures++;
} finally {
	await browser.close();
	const stopped = new Promise((resolve) => server.on('exit', resolve));
	server.kill('SIGTERM');
	await stopped;
	// every page as it was drawn, under the Nu Html Checker (tests/contract's vnu-jar)
	const vnu = join(here, '..', '..', 'tests', 'contract', 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
	try {
		execFileSync('java', ['-jar', vnu, '--errors-only', ...pages], { stdio: 'pipe' });
		check(pages.length > 0, `the Nu Html Checker finds no error in the ${pages.length} pages as drawn`);
	} catch (e) {
		check(false, `the Nu Html Checker: ${String(e.stderr || e.message).trim().split('\n').slice(0, 8).join('\n  ')}`);
	}
	const contract = loadContract(join(here, '..', '..', 'docs', 'api.yaml'));
	const answers = readFileSync(trace, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
	const disagree = answers.map((x) => [x, checkExchange(contract, x)]).filter(([, p]) => p.length);
	check(answers.length > 0 && disagree.length === 0, `all ${answers.length} answers agree with docs/api.yaml` +
		disagree.slice(0, 5).map(([x, p]) => `\n  ${x.method} ${x.url} ${x.status}: ${p.join('; ')}`).join(''));
	rmSync(dir, { recursive: true, force: true });
}
console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
process.exit(failures ? 1 : 0);
