import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSpeaker, mayAttribute } from '../src/locales/en/attribution.js';
import { segmentParagraph } from '../src/text/segment.js';
import { repoRoot } from './helpers.js';

/**
 * The cheap first tests the pipeline runs before its costly patterns must never
 * turn away a sentence the patterns would have read. Checked here on every
 * sentence of the gold cases and the example reports.
 */
function sentences(): string[] {
  const texts: string[] = [];
  const gold = join(repoRoot, 'test', 'gold');
  for (const dir of readdirSync(gold, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const f of readdirSync(join(gold, dir.name)).filter((n) => n.endsWith('.json'))) {
      const data = JSON.parse(readFileSync(join(gold, dir.name, f), 'utf8')) as { text?: string }[] | { text?: string };
      for (const c of Array.isArray(data) ? data : [data]) if (typeof c.text === 'string') texts.push(c.text);
    }
  }
  const examples = join(repoRoot, 'examples', 'reports');
  for (const f of readdirSync(examples)) texts.push(readFileSync(join(examples, f), 'utf8'));
  return texts.flatMap((t) => t.split('\n').filter((l) => l.trim() !== '').flatMap((l) => segmentParagraph(l, 0, 0, 0).map((s) => s.text)));
}

test('mayAttribute holds for every sentence in which findSpeaker finds a speaker', () => {
  let speakers = 0;
  for (const s of sentences()) {
    if (findSpeaker(s) === null) continue;
    speakers++;
    assert.ok(mayAttribute(s), `findSpeaker reads a speaker in a sentence mayAttribute turns away: ${s}`);
  }
  assert.ok(speakers >= 20, `only ${speakers} sentences with a speaker: the check proves little`);
});

test('mayAttribute turns away sentences without a reporting word', () => {
  assert.equal(mayAttribute('Russian forces shelled Kherson overnight.'), false);
  assert.equal(mayAttribute('The governor said two people were injured.'), true);
  assert.equal(mayAttribute('According to the General Staff, 31 attacks were repelled.'), true);
});
