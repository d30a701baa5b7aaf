// chart.js: daily counts over time, one line per event type (uPlot).
import uPlot from 'uplot';
import { TYPE_COLOURS } from './map.js';

export function drawChart(element, counts, types, sector) {
	element.replaceChildren();
	const days = counts.days;
	const xs = days.map((d) => Date.parse(`${d.day}T12:00:00Z`) / 1000);
	const value = (d, t) => {
		if (!sector) return d.by_type[t].violations;
		const s = d.sectors.find((x) => String(x.id) === sector);
		return s && s.by_type[t] ? s.by_type[t].violations : 0;
	};
	const shown = types.filter((t) => days.some((d) => value(d, t) > 0));
	const series = [{ label: 'day', value: (u, v) => (v == null ? '' : new Date(v * 1000).toISOString().slice(0, 10)) }];
	const data = [xs];
	for (const t of shown.length ? shown : ['explosion']) {
		series.push({ label: t, stroke: TYPE_COLOURS[t], width: 2, points: { show: true, size: 5 } });
		data.push(days.map((d) => value(d, t)));
	}
	const width = Math.max(280, element.clientWidth || 600);
	const plot = new uPlot({
		width, height: 220, series,
		scales: { x: { time: true } },
		axes: [{}, { label: 'violations' }],
		legend: { live: false },
	}, data, element);
	return plot;
}
