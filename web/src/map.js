// map.js: the events map: the scenario's own geometry (outline, lines,
// sectors, cities and bases) drawn with Leaflet and no tiles, and
// the events as circles coloured by type, sized by count, filled by grade.
import L from 'leaflet';

// Names come from scenario files: always text, never markup.
const text = (s) => Object.assign(document.createElement('span'), { textContent: s });

export const TYPE_COLOURS = {
	explosion: '#c0392b', small_arms: '#e67e22', drone: '#8e44ad',
	heavy_weapons_movement: '#1f4e79', mine: '#7f6000', airspace: '#16a085', other: '#7f7f7f',
};
const GRADE_FILL = { A: 0.85, B: 0.55, C: 0.25 };

export function createMap(element, geometry, onPick) {
	const map = L.map(element, { zoomSnap: 0.25, attributionControl: false, preferCanvas: false });
	L.geoJSON(geometry, {
		filter: (f) => f.properties.kind === 'outline',
		style: { color: '#7a6a4f', weight: 1, fillColor: '#f3eee2', fillOpacity: 1 },
		interactive: false,
	}).addTo(map);
	// every line: a front solid red, a border to watch dashed purple (as on
	// the printed maps), never one drawn as the other
	const lines = L.geoJSON(geometry, {
		filter: (f) => f.properties.kind === 'line_of_contact',
		style: (f) => (f.properties.role === 'border'
			? { color: '#6c3483', weight: 2.5, opacity: 0.8, dashArray: '6 4' }
			: { color: '#c0392b', weight: 3, opacity: 0.8 }),
		interactive: false,
	}).addTo(map);
	L.geoJSON(geometry, {
		filter: (f) => f.properties.kind === 'sector',
		style: { color: '#7a0000', weight: 1, opacity: 0 },
		onEachFeature: (f, layer) => {
			layer.bindTooltip(text(f.properties.name), { permanent: true, direction: 'right', className: 'sector-label' });
		},
	}).addTo(map);
	L.geoJSON(geometry, {
		filter: (f) => f.properties.kind === 'city' || f.properties.kind === 'air_base',
		pointToLayer: (f, at) => L.circleMarker(at, {
			radius: 2.5, color: f.properties.kind === 'city' ? '#333' : '#1f5fa8', weight: 1,
			fillOpacity: 1, interactive: false,
		}).bindTooltip(text(f.properties.name), { permanent: f.properties.kind === 'city', direction: 'right', className: 'place-label' }),
	}).addTo(map);
	if (lines.getLayers().length) map.fitBounds(lines.getBounds().pad(0.12));
	const events = L.layerGroup().addTo(map);
	return {
		map,
		show(list, selected) {
			events.clearLayers();
			for (const e of list) {
				const colour = TYPE_COLOURS[e.event] || '#333';
				const marker = L.circleMarker([e.position.lat, e.position.lon], {
					radius: 5 + 2.5 * Math.sqrt(e.count),
					color: colour,
					weight: selected.has(e.id) ? 3 : 1.5,
					dashArray: e.grade === 'C' ? '3 3' : null,
					fillColor: colour,
					fillOpacity: GRADE_FILL[e.grade] ?? 0.4,
					className: `event-marker event-${e.id} grade-${e.grade} status-${e.status}`,
				});
				marker.bindTooltip(text(`${e.event}${e.weapon ? ', ' + e.weapon : ''}: ${e.count} (grade ${e.grade}, ${e.status})`));
				marker.on('click', () => onPick(e.id));
				marker.addTo(events);
			}
		},
		focus(e) {
			map.setView([e.position.lat, e.position.lon], Math.max(map.getZoom(), 9));
		},
		resize() {
			map.invalidateSize();
		},
	};
}
