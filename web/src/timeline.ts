/**
 * The daily timeline (uPlot): events and settlements attacked per day. Dragging across it selects a date
 * range (the brush), which filters the map and the list; a double-click clears it.
 */
import uPlot from 'uplot';
import type { Day } from './api';

export interface Timeline {
  show(days: Day[], range: { from: string; to: string } | null): void;
  onBrush(handler: (range: { from: string; to: string } | null) => void): void;
}

const DAY = 86_400;
const toSec = (d: string): number => Date.parse(`${d}T00:00:00Z`) / 1000;
const toDay = (s: number): string => new Date(s * 1000).toISOString().slice(0, 10);

export function createTimeline(container: HTMLElement): Timeline {
  let handler: (r: { from: string; to: string } | null) => void = () => {};
  let plot: uPlot | null = null;
  let quiet = false;
  const width = (): number => Math.max(300, container.clientWidth);

  const build = (data: uPlot.AlignedData): uPlot => new uPlot({
    width: width(), height: 140, tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
    cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
    select: { show: true, left: 0, top: 0, width: 0, height: 0 },
    legend: { show: true },
    scales: { x: { time: true } },
    axes: [{ space: 60 }, { size: 40 }],
    series: [
      {},
      { label: 'events', stroke: '#c0392b', fill: 'rgba(192,57,43,0.15)', width: 1.5, paths: uPlot.paths.stepped!({ align: 1 }) },
      { label: 'settlements attacked', stroke: '#2c3e50', width: 1.5 },
    ],
    hooks: {
      setSelect: [(u) => {
        if (quiet || u.select.width < 2) return;
        const from = toDay(Math.floor(u.posToVal(u.select.left, 'x') / DAY) * DAY);
        const to = toDay(Math.floor(u.posToVal(u.select.left + u.select.width, 'x') / DAY) * DAY);
        handler({ from, to });
      }],
    },
  }, data, container);

  container.addEventListener('dblclick', () => {
    plot?.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
    handler(null);
  });
  new ResizeObserver(() => plot?.setSize({ width: width(), height: 140 })).observe(container);

  return {
    show(days, range) {
      // Fill the days without events with zeros, so the line is a true daily series.
      const xs: number[] = [];
      const ev: number[] = [];
      const st: number[] = [];
      if (days.length) {
        const byDate = new Map(days.map((d) => [d.date, d]));
        for (let t = toSec(days[0]!.date); t <= toSec(days[days.length - 1]!.date); t += DAY) {
          const d = byDate.get(toDay(t));
          xs.push(t); ev.push(d?.events ?? 0); st.push(d?.settlements ?? 0);
        }
        if (xs.length === 1) { xs.unshift(xs[0]! - DAY); ev.unshift(0); st.unshift(0); }
      }
      plot?.destroy();
      plot = build([xs, ev, st]);
      if (range && xs.length) {
        quiet = true;
        const left = plot.valToPos(toSec(range.from), 'x');
        const right = plot.valToPos(toSec(range.to) + DAY, 'x');
        plot.setSelect({ left, width: Math.max(2, right - left), top: 0, height: plot.bbox.height / devicePixelRatio }, false);
        quiet = false;
      }
    },
    onBrush(h) { handler = h; },
  };
}
