import { test } from 'node:test';
import assert from 'node:assert/strict';

import { nameVariants, normaliseName } from '../../src/geo/normalise.js';

test('apostrophe forms give the same key', () => {
  const forms = ["Mar'inka", 'Mar’inka', 'Marʼinka', 'Mar`inka', 'Mar´inka', 'Mar‘inka', 'Marinka'];
  for (const f of forms) assert.equal(normaliseName(f), 'marinka', f);
});

test('Latin diacritics are stripped, ł and ß mapped', () => {
  assert.equal(normaliseName('Wuhłedar'), 'wuhledar');
  assert.equal(normaliseName('Lwów'), 'lwow');
  assert.equal(normaliseName('Záporoží'), 'zaporozi');
  assert.equal(normaliseName('Großmann'), 'grossmann');
  assert.equal(normaliseName('ZAPORIŽŽJA'), 'zaporizzja');
});

test('hyphens and dashes become one space, whitespace collapses', () => {
  assert.equal(normaliseName('Novo-Oleksandrivka'), 'novo oleksandrivka');
  assert.equal(normaliseName('Ivano–Frankivsk'), 'ivano frankivsk');
  assert.equal(normaliseName('  Velyka \t Novosilka  '), 'velyka novosilka');
  assert.equal(normaliseName('Chasiv - Yar'), 'chasiv yar');
});

test('Cyrillic stays Cyrillic: і ї є ґ й kept, ё → е, ь ъ and apostrophes removed', () => {
  assert.equal(normaliseName('Мар’їнка'), 'марїнка');
  assert.equal(normaliseName("Мар'їнка"), 'марїнка');
  assert.equal(normaliseName('Марьинка'), 'маринка');
  assert.equal(normaliseName('Запоріжжя'), 'запоріжжя');
  assert.equal(normaliseName('Гуляйполе'), 'гуляйполе');
  assert.equal(normaliseName('Єнакієве'), 'єнакієве');
  assert.equal(normaliseName('Ґорґани'), 'ґорґани');
  assert.equal(normaliseName('Артёмовск'), 'артемовск');
  assert.equal(normaliseName('Подъезд'), 'подезд');
  assert.equal(normaliseName('Львів'), 'лвів');
});

test('nameVariants: joined and split hyphen forms, base first', () => {
  assert.deepEqual(nameVariants('Novo-Oleksandrivka'), ['novo oleksandrivka', 'novooleksandrivka']);
  assert.deepEqual(nameVariants('Novooleksandrivka'), ['novooleksandrivka', 'novo oleksandrivka']);
  assert.deepEqual(nameVariants('Bakhmut'), ['bakhmut']);
  assert.deepEqual(nameVariants("Mar'inka"), ['marinka']);
  assert.deepEqual(nameVariants('Ново-Олександрівка'), ['ново олександрівка', 'новоолександрівка']);
  assert.deepEqual(nameVariants('Novoe'), ['novoe'], 'a short remainder is not split');
  assert.deepEqual(nameVariants('  '), []);
});
