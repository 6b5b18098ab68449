import type { Gazetteer } from '../geo/gazetteer.js';
import { loadBuiltinGazetteer } from '../geo/gazetteer.js';
import { existsSync } from 'node:fs';
import { dataDir, Store } from '../store/index.js';

/**
 * The gazetteer a command reads with: the data directory's built one when
 * `sitrep gazetteer build` has run there, else the built-in city list.
 */
export async function gazetteerFor(store: Store | null): Promise<{ gazetteer: Gazetteer; source: 'database' | 'built-in' }> {
  const built = store ? await store.loadGazetteer() : null;
  return built ? { gazetteer: built, source: 'database' } : { gazetteer: loadBuiltinGazetteer(), source: 'built-in' };
}

/**
 * The gazetteer of a data directory for a command that stores nothing (eval, places): the directory is opened
 * only when it exists, and closed at once.
 */
export async function gazetteerForDataDir(db: string | undefined): Promise<{ gazetteer: Gazetteer; source: 'database' | 'built-in'; dir: string }> {
  const dir = dataDir(db);
  const store = existsSync(dir) ? await Store.open(dir) : null;
  try {
    return { ...(await gazetteerFor(store)), dir };
  } finally {
    await store?.close();
  }
}
