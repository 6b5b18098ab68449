/**
 * `sitrep serve`: the API and the dashboard from one process, which holds the data directory.
 *
 * While it runs, the data directory's `server.json` (readable by its owner only) records its URL, process
 * and token, so that `sitrep ingest` against the same directory sends its reports to the server instead of
 * opening the embedded database a second time.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { gazetteerFor } from '../cli/context.js';
import { Store } from '../store/index.js';
import { createApp, type AppOptions } from './app.js';
import { Ledger } from './ledger.js';

export interface ServeOptions {
  /** The data directory. */
  dir: string;
  port?: number;
  host?: string;
  /** The bearer token for writing; a random one (written to server.json) when not given. */
  token?: string | null;
  /** Reading needs the token too. */
  private?: boolean;
  webRoot?: string;
}

export interface RunningServer {
  url: string;
  token: string;
  store: Store;
  close(): Promise<void>;
}

/** What `server.json` in a data directory holds while a server runs. */
export interface ServerInfo {
  url: string;
  pid: number;
  token: string;
  private: boolean;
}

export const SERVER_FILE = 'server.json';

/** The server running on a data directory, or null when none is (a file left by a dead process is ignored). */
export function runningServer(dir: string): ServerInfo | null {
  let info: ServerInfo;
  try {
    info = JSON.parse(readFileSync(join(dir, SERVER_FILE), 'utf8')) as ServerInfo;
  } catch {
    return null;
  }
  if (typeof info.url !== 'string' || typeof info.pid !== 'number' || typeof info.token !== 'string') return null;
  if (info.pid === process.pid) return info;
  try {
    process.kill(info.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return info;
}

/**
 * Opens the data directory, starts listening and records the server in `server.json`.
 *
 * @example
 * const s = await startServer({ dir: 'sitrep-data', port: 8080 });
 * console.log(s.url); await s.close();
 */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const store = await Store.open(opts.dir);
  let server: ServerType | null = null;
  try {
    const { gazetteer } = await gazetteerFor(store);
    const token = opts.token || randomBytes(24).toString('base64url');
    const appOptions: AppOptions = { store, gazetteer, token, private: Boolean(opts.private), ...(opts.webRoot ? { webRoot: opts.webRoot } : {}) };
    const ledger = new Ledger(store);
    await ledger.analyze();
    // What the dashboard asks for first, computed while the server starts listening.
    void ledger.points({}).catch(() => undefined);
    void ledger.daily({}).catch(() => undefined);
    const app = createApp(appOptions, ledger);
    const host = opts.host ?? '127.0.0.1';
    const address = await new Promise<AddressInfo>((resolve, reject) => {
      server = serve({ fetch: app.fetch, port: opts.port ?? 8080, hostname: host }, resolve);
      server.once('error', reject);
    });
    const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
    const url = `http://${shown}:${address.port}`;
    const info: ServerInfo = { url, pid: process.pid, token, private: Boolean(opts.private) };
    const file = join(opts.dir, SERVER_FILE);
    writeFileSync(`${file}.tmp`, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
    let closed = false;
    return {
      url,
      token,
      store,
      async close() {
        if (closed) return;
        closed = true;
        rmSync(file, { force: true });
        await new Promise<void>((resolve) => {
          const s = server as unknown as { close(cb: () => void): void; closeAllConnections?: () => void };
          s.close(() => resolve());
          s.closeAllConnections?.();
        });
        await store.close();
      },
    };
  } catch (e) {
    (server as unknown as { close(): void } | null)?.close();
    await store.close();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new Error(`port ${opts.port ?? 8080} on ${opts.host ?? '127.0.0.1'} is in use: choose another with --port`);
    throw e;
  }
}
