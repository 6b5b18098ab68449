/** The event panel: every source with its outlet, speaker, date and quote, and the figures side by side. */
import type { Incident, Source } from './api';
import { append, clear, el, highlighted } from './dom';

const when = (iso: string | null): string => (iso ? iso.replace('T', ' ').replace(/:\d\d\.\d{3}Z$/, ' UTC') : 'date unknown');
const figure = (v: number | null): string => (v === null ? '–' : String(v));

/** A link only for http(s) addresses; anything else (javascript:, data:) stays text. */
function link(url: string | null | undefined, text: string): Node {
  if (url && /^https?:\/\//i.test(url)) return el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, text);
  return document.createTextNode(text);
}

function sourceItem(s: Source): HTMLElement {
  return el('li', { class: 'source' },
    el('div', { class: 'source-head' },
      el('strong', { class: 'outlet' }, s.outlet ?? 'outlet unknown'), ' · ',
      el('time', { class: 'published' }, when(s.published)),
      s.speaker ? el('span', { class: 'speaker' }, ' · ', s.speaker) : null),
    s.title ? el('div', { class: 'title' }, link(s.url, s.title)) : null,
    el('blockquote', {}, highlighted(s.quote, s.highlights ?? [])));
}

export function renderPanel(panel: HTMLElement, i: Incident, onClose: () => void): void {
  clear(panel);
  const close = el('button', { class: 'close', 'aria-label': 'close' }, '×');
  close.addEventListener('click', onClose);
  const place = i.place ? [i.place.name, i.place.admin2, i.place.admin1].filter(Boolean).join(', ') : 'place unknown';
  const dates = i.date ? (i.date_end && i.date_end !== i.date ? `${i.date} – ${i.date_end}` : i.date) : 'date unknown';
  const facts = el('dl', { class: 'facts' },
    el('dt', {}, 'Type'), el('dd', {}, `${i.event_type} / ${i.sub_event_type}`),
    el('dt', {}, 'Place'), el('dd', {}, place),
    el('dt', {}, 'Date'), el('dd', {}, dates),
    el('dt', {}, 'Actors'), el('dd', {}, [i.actor1, i.actor2].filter(Boolean).join(' → ') || 'unknown'),
    i.weapons.length ? el('dt', {}, 'Weapons') : null, i.weapons.length ? el('dd', {}, i.weapons.join(', ')) : null,
    i.targets.length ? el('dt', {}, 'Targets') : null, i.targets.length ? el('dd', {}, i.targets.join(', ')) : null,
    el('dt', {}, 'Sources'), el('dd', { class: 'corroboration' }, `${i.corroboration} independent source${i.corroboration === 1 ? '' : 's'}`));

  // Figures: one column per source, the incident's chosen figure first; a row where sources disagree is marked.
  const table = el('table', { class: 'figures' });
  const head = el('tr', {}, el('th', {}, ''), el('th', {}, 'chosen'));
  for (const f of i.figures) head.appendChild(el('th', { title: f.document }, f.outlet ?? 'outlet unknown', el('br'), el('small', {}, when(f.published))));
  table.appendChild(el('thead', {}, head));
  const body = el('tbody');
  for (const k of ['killed', 'injured', 'attacks'] as const) {
    const conflict = i.disagreements.includes(k);
    const row = el('tr', { class: conflict ? 'conflict' : undefined }, el('th', {}, k), el('td', { class: 'chosen' }, figure(i[k])));
    for (const f of i.figures) row.appendChild(el('td', {}, figure(f[k])));
    body.appendChild(row);
  }
  table.appendChild(body);

  append(panel,
    close,
    el('h2', {}, `${i.sub_event_type} in ${i.place?.name ?? 'an unknown place'}`),
    facts,
    el('h3', {}, 'Figures'),
    table,
    i.disagreements.length ? el('p', { class: 'conflict-note' }, `Sources disagree on ${i.disagreements.join(', ')}; rule: ${i.figure_rule}.`) : el('p', { class: 'muted' }, `Rule: ${i.figure_rule}.`),
    el('h3', {}, `Sources (${i.sources.length})`),
    el('ol', { class: 'sources' }, ...i.sources.map(sourceItem)),
    el('p', { class: 'muted' }, 'Highlighted: the words sitrep\'s rules read (hover for the rule).'));
  panel.hidden = false;
}
