/**
 * The dashboard: a map, a daily timeline, filters, a list of events, an event panel, a statistics strip,
 * claims, aggregate reports and sources. The URL holds the filters, the open event and the tab, so every
 * view is a shareable link.
 */
import 'leaflet/dist/leaflet.css';
import 'uplot/dist/uPlot.min.css';
import './style.css';
import { api, query, type Day, type Event, type Filters, type Incident, type Page, type Points, type Summary } from './api';
import { $, append, clear, el } from './dom';
import { createMap, TYPE_COLOURS } from './map';
import { ADMIN1_NAMES } from './oblasts';
import { renderPanel } from './panel';
import { createTimeline } from './timeline';

const FILTERS = ['from', 'to', 'oblast', 'type', 'settlement', 'weapon', 'target', 'actor', 'min_corroboration', 'q'] as const;
const TYPES = ['Shelling/artillery/missile attack', 'Air/drone strike', 'Remote explosive/landmine/IED', 'Armed clash',
  'Government regains territory', 'Non-state actor overtakes territory', 'Disrupted weapons use', 'Attack', 'Abduction/forced disappearance'];

const form = $('#filter-form') as HTMLFormElement;
const map = createMap($('#map'));
const timeline = createTimeline($('#timeline'));
const panel = $('#panel');
let points: Points = { types: [], points: [], truncated: false };

interface State { filters: Filters; event: string; tab: string }

function readUrl(): State {
  const p = new URLSearchParams(location.search);
  const filters: Filters = {};
  for (const k of FILTERS) { const v = p.get(k); if (v) filters[k] = v; }
  return { filters, event: p.get('event') ?? '', tab: p.get('tab') ?? 'events' };
}
let state = readUrl();

function writeUrl(push = true): void {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(state.filters)) if (v) p.set(k, v);
  if (state.event) p.set('event', state.event);
  if (state.tab !== 'events') p.set('tab', state.tab);
  const url = `${location.pathname}${p.toString() ? `?${p}` : ''}`;
  if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
}

const withoutDates = (f: Filters): Filters => { const { from: _f, to: _t, ...rest } = f; return rest; };
const range = (): { from: string; to: string } | null => (state.filters.from || state.filters.to ? { from: state.filters.from ?? '0000-01-01', to: state.filters.to ?? '9999-12-31' } : null);

function fillForm(): void {
  for (const k of FILTERS) {
    const input = form.elements.namedItem(k) as HTMLInputElement | HTMLSelectElement | null;
    if (input) input.value = state.filters[k] ?? '';
  }
}

function showError(e: unknown): void {
  const banner = $('#banner');
  clear(banner);
  append(banner, el('p', { class: 'error' }, (e as Error).message));
  banner.hidden = false;
}

async function strip(): Promise<void> {
  const s = await api<Summary>(`/api/stats/summary${query(withoutDates(state.filters))}`);
  const node = $('#strip');
  if (!s.date) { node.textContent = 'No events yet.'; return; }
  const words = [`${s.date}: ${s.settlements} settlement${s.settlements === 1 ? '' : 's'} attacked in ${s.oblasts} oblast${s.oblasts === 1 ? '' : 's'}`];
  if (s.killed !== null) words.push(`${s.killed} killed`);
  if (s.injured !== null) words.push(`${s.injured} injured`);
  let record = '';
  const prev = s.previous_high;
  if (s.settlements > 0 && s.first_date && s.first_date < s.date) {
    if (!prev) record = `; the most on record (since ${s.first_date})`;
    else if (prev.settlements === s.settlements) record = `; as many as on ${prev.date}`;
    else record = `; the most since ${prev.date} (${prev.settlements})`;
  }
  node.textContent = words.join(', ') + record;
}

function eventItem(e: Event): HTMLElement {
  const li = el('li', { class: 'event', 'data-id': e.id, tabindex: '0' },
    el('span', { class: 'swatch', style: `background:${TYPE_COLOURS[TYPES.indexOf(e.sub_event_type)] ?? '#555'}` }),
    el('span', { class: 'date' }, e.date ?? '?'), ' ',
    el('strong', {}, e.place?.name ?? 'place unknown'), e.place?.admin1 ? el('span', { class: 'muted' }, ` (${e.place.admin1})`) : null, ' · ',
    e.sub_event_type,
    e.killed !== null ? el('span', { class: 'killed' }, ` · ${e.killed} killed`) : null,
    e.injured !== null ? el('span', { class: 'injured' }, ` · ${e.injured} injured`) : null,
    el('div', { class: 'snippet' }, e.sources[0]?.quote ?? ''));
  const open = (): void => void openEvent(e.id);
  li.addEventListener('click', open);
  li.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') open(); });
  return li;
}

let nextCursor: string | null = null;
async function list(append_ = false): Promise<void> {
  const page = await api<Page<Event>>(`/api/events${query(state.filters, { limit: '50', ...(append_ && nextCursor ? { cursor: nextCursor } : {}) })}`);
  const ol = $('#list');
  if (!append_) clear(ol);
  for (const e of page.items) ol.appendChild(eventItem(e));
  nextCursor = page.next_cursor;
  $('#more').hidden = !nextCursor;
}

function count(): void {
  $('#count').textContent = `${map.shown} event${map.shown === 1 ? '' : 's'} on the map${points.truncated ? ' (the newest 50,000)' : ''}`;
  for (const f of ['csv', 'geojson', 'jsonl']) $(`#export-${f}`).setAttribute('href', `/api/export/events.${f}${query(state.filters)}`);
}

async function openEvent(id: string, push = true): Promise<void> {
  state.event = id;
  if (push) writeUrl();
  try {
    const i = await api<Incident>(`/api/incidents/${encodeURIComponent(id)}`);
    renderPanel(panel, i, () => { panel.hidden = true; state.event = ''; writeUrl(); });
  } catch (e) {
    showError(e);
  }
}

/** Everything that depends on the filters. The timeline and the map ignore the dates: the brush filters them. */
async function load(): Promise<void> {
  const f = withoutDates(state.filters);
  // Every request at once: the list and the strip do not wait for the map.
  const others = Promise.all([list(), strip()]);
  const [days, pts] = await Promise.all([
    api<{ days: Day[] }>(`/api/stats/daily${query(f)}`),
    api<Points>(`/api/events/points${query(f)}`),
  ]);
  points = pts;
  timeline.show(days.days, range());
  map.show(points, range());
  map.selectOblast(state.filters.oblast ?? '');
  count();
  await others;
}

async function brushed(r: { from: string; to: string } | null): Promise<void> {
  if (r) { state.filters.from = r.from; state.filters.to = r.to; } else { delete state.filters.from; delete state.filters.to; }
  writeUrl();
  fillForm();
  map.show(points, range());
  count();
  await list();
}

async function tab(name: string, push = true): Promise<void> {
  state.tab = name;
  if (push) writeUrl();
  for (const b of document.querySelectorAll<HTMLButtonElement>('#tabs button')) b.classList.toggle('active', b.dataset.tab === name);
  for (const v of ['events', 'claims', 'reports', 'sources']) $(`#view-${v}`).hidden = v !== name;
  if (name === 'claims') {
    const page = await api<Page<{ speaker: string | null; role: string | null; side: string | null; statement: string; status: string; reason: string; quote: string; outlet: string | null; published: string | null }>>('/api/claims?limit=500');
    const ol = $('#claims');
    clear(ol);
    if (!page.items.length) ol.appendChild(el('li', { class: 'muted' }, 'No claims.'));
    for (const c of page.items) {
      ol.appendChild(el('li', { class: 'claim' },
        el('span', { class: `status status-${c.status}` }, c.status), ' ',
        el('strong', {}, c.speaker ?? 'unknown speaker'), c.side ? ` (${c.side})` : '', ': ', c.statement,
        el('div', { class: 'muted' }, `${c.reason} · ${c.outlet ?? 'outlet unknown'} · ${c.published?.slice(0, 10) ?? 'date unknown'}`),
        el('blockquote', {}, el('q', {}, c.quote))));
    }
  } else if (name === 'reports') {
    const page = await api<Page<{ kind: string; value: number; regions: number | null; region_names: string[]; period_start: string | null; period_end: string | null; speaker: string | null; quote: string; outlet: string | null }>>('/api/aggregate-reports?limit=500');
    const ol = $('#aggregates');
    clear(ol);
    if (!page.items.length) ol.appendChild(el('li', { class: 'muted' }, 'No aggregate reports.'));
    for (const r of page.items) {
      ol.appendChild(el('li', {},
        el('strong', {}, `${r.value} ${r.kind.replace(/_/g, ' ')}`), r.regions !== null ? ` in ${r.regions} regions` : '',
        r.region_names.length ? ` (${r.region_names.join(', ')})` : '', ` · ${r.period_start ?? '?'}${r.period_end && r.period_end !== r.period_start ? ` – ${r.period_end}` : ''}`,
        ` · ${r.speaker ?? 'speaker unknown'} · ${r.outlet ?? 'outlet unknown'}`,
        el('blockquote', {}, el('q', {}, r.quote))));
    }
  } else if (name === 'sources') {
    const { items } = await api<{ items: { outlet: string | null; documents: number; events: number; documents_without_events: number; documents_without_date: number; last_published: string | null; last_ingested: string | null }[] }>('/api/sources');
    const t = $('#sources');
    clear(t);
    t.appendChild(el('tr', {}, ...['outlet', 'reports', 'events', 'reports with no event', 'reports with no date', 'last published', 'last ingested'].map((h) => el('th', {}, h))));
    for (const s of items) {
      t.appendChild(el('tr', {}, ...[s.outlet ?? '(none given)', s.documents, s.events, s.documents_without_events, s.documents_without_date, s.last_published?.slice(0, 16) ?? '–', s.last_ingested?.slice(0, 16) ?? '–'].map((v) => el('td', {}, v))));
    }
  }
}

async function offerExamples(): Promise<void> {
  const health = await api<{ documents: number; examples_available: boolean }>('/api/health');
  const banner = $('#banner');
  if (!health.examples_available) return;
  clear(banner);
  const button = el('button', { id: 'ingest-examples' }, 'Ingest the example reports');
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = 'Reading the reports…';
    try {
      await api('/api/examples', { method: 'POST' });
      banner.hidden = true;
      await load();
    } catch (e) {
      showError(e);
    }
  });
  append(banner, el('p', {}, 'The database is empty. sitrep ships five short reports written by the sitrep team for illustration (real place names, invented incidents). '), button);
  banner.hidden = false;
}

function setup(): void {
  const oblast = form.elements.namedItem('oblast') as HTMLSelectElement;
  for (const a of ADMIN1_NAMES) oblast.appendChild(el('option', { value: a }, a));
  const type = form.elements.namedItem('type') as HTMLSelectElement;
  for (const t of TYPES) type.appendChild(el('option', { value: t }, t));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    state.filters = {};
    for (const k of FILTERS) { const v = String(data.get(k) ?? '').trim(); if (v) state.filters[k] = v; }
    writeUrl();
    load().catch(showError);
  });
  form.addEventListener('change', (ev) => {
    if ((ev.target as HTMLElement).tagName === 'SELECT') form.requestSubmit();
  });
  $('#reset').addEventListener('click', () => { state.filters = {}; fillForm(); writeUrl(); load().catch(showError); });
  $('#more').addEventListener('click', () => { list(true).catch(showError); });
  const settlement = form.elements.namedItem('settlement') as HTMLInputElement;
  settlement.addEventListener('input', async () => {
    if (settlement.value.length < 2) return;
    const { items } = await api<{ items: { name: string; admin1: string | null }[] }>(`/api/places?q=${encodeURIComponent(settlement.value)}&limit=10`);
    const dl = $('#places');
    clear(dl);
    for (const p of items) dl.appendChild(el('option', { value: p.name }, p.admin1 ?? ''));
  });
  for (const b of document.querySelectorAll<HTMLButtonElement>('#tabs button')) b.addEventListener('click', () => { tab(b.dataset.tab ?? 'events').catch(showError); });
  map.onPoint((id) => { openEvent(id).catch(showError); });
  map.onOblast((admin1) => {
    if (state.filters.oblast === admin1) delete state.filters.oblast; else state.filters.oblast = admin1;
    fillForm();
    writeUrl();
    load().catch(showError);
  });
  timeline.onBrush((r) => { brushed(r).catch(showError); });
  window.addEventListener('popstate', () => {
    state = readUrl();
    fillForm();
    load().catch(showError);
    if (state.event) openEvent(state.event, false).catch(showError); else panel.hidden = true;
    tab(state.tab, false).catch(showError);
  });
}

setup();
fillForm();
(async () => {
  await Promise.all([offerExamples(), load()]);
  if (state.event) await openEvent(state.event, false);
  if (state.tab !== 'events') await tab(state.tab, false);
  // Milliseconds since navigation start (the page's time origin): what the render benchmark reads.
  document.body.dataset.renderMs = String(Math.round(performance.now()));
  document.body.dataset.ready = '1';
})().catch(showError);
