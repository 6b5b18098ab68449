import type { Gazetteer } from '../geo/gazetteer.js';
import { loadBuiltinGazetteer } from '../geo/gazetteer.js';
import type { Store } from '../store/index.js';

/**
 * The gazetteer a command reads with: the data directory's built one when
 * `sitrep gazetteer build` has run there, else the built-in city list.
 */
export async function gazetteerFor(store: Store | null): Promise<{ gazetteer: Gazetteer; source: 'database' | 'built-in' }> {
  const built = store ? await store.loadGazetteer() : null;
  return built ? { gazetteer: built, source: 'database' } : { gazetteer: loadBuiltinGazetteer(), source: 'built-in' };
}
