import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run compiled from dist/test/). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where ../shared/data is, and whether it is there. */
export const sharedData = join(repoRoot, '..', 'shared', 'data');

/** A fresh temporary directory. */
export const tempDir = (prefix = 'sitrep-test-'): string => mkdtempSync(join(tmpdir(), prefix));
