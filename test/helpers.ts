import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run compiled from dist/test/). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where ../shared/data is, and whether it is there. */
export const sharedData = join(repoRoot, '..', 'shared', 'data');

/** Directories made by tempDir in this test process, removed when it exits. */
const made = new Set<string>();
let cleanupRegistered = false;

/** Removes every directory tempDir made; a test that wants one gone earlier calls it too. */
export const removeTempDirs = (): void => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
};

/**
 * A fresh temporary directory, removed when the test process exits (node --test runs each file in
 * its own process). Stores copied per test are ~90 MB each: left behind, a few hundred runs of the
 * suite fill the disk, which is what failed CI once.
 */
export const tempDir = (prefix = 'sitrep-test-'): string => {
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.once('exit', removeTempDirs);
  }
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
};
