import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { boilerplateReason, clean, documentId, normaliseCharacters } from '../src/clean/index.js';
import type { RawReport } from '../src/core/types.js';
import { analyse } from '../src/pipeline.js';

const PUBLISHED = '2024-03-06T09:00:00+02:00';

const raw = (text: string, title: string | null = null): RawReport => ({
  origin: 'test', format: 'txt', text, title, outlet: 'Test Outlet', url: null, published: PUBLISHED, publishedSource: 'cli',
});

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

// ---------------------------------------------------------------------------
// Boilerplate rules: one line per rule, each dropped with the rule's reason.

const boilerplateLines: [string, string][] = [
  ['Follow us on Telegram', 'promotion: follow us'],
  ['Subscribe to our channel on YouTube for daily updates', 'promotion: follow us'],
  ['Join us on Facebook', 'promotion: follow us'],
  ['Read also: Russian drones hit Odesa port overnight', 'cross-link: read also'],
  ['Read more - Zelensky meets EU leaders in Brussels', 'cross-link: read also'],
  ['See also: Kharkiv spends another night in shelters', 'cross-link: read also'],
  ['Related content', 'cross-link heading'],
  ['Related articles:', 'cross-link heading'],
  ['Most read', 'cross-link heading'],
  ['You may also like', 'cross-link heading'],
  ['Photo: Oleh Syniehubov / Telegram', 'image credit'],
  ['Photo: Serhii Petrenko / Reuters', 'image credit'],
  ['Image credit: State Emergency Service of Ukraine', 'image credit'],
  ['Illustrative photo: Depositphotos', 'image credit'],
  ['Video © Kharkiv Oblast police', 'image credit'],
  ['Firefighters put out a blaze at a warehouse in Odesa via Getty Images', 'image credit'],
  ['© 2024 Kyiv Daily News', 'copyright line'],
  ['Copyright 2024 Example Media Group', 'copyright line'],
  ['All rights reserved.', 'copyright line'],
  ['Share', 'share buttons'],
  ['Share this article', 'share buttons'],
  ['Share on Facebook', 'share buttons'],
  ['Facebook | Twitter | Telegram', 'share buttons'],
  ['Share • Tweet • Email', 'share buttons'],
  ['Copy link', 'share buttons'],
  ['Print', 'share buttons'],
  ['Advertisement', 'advertisement or appeal'],
  ['ADVERTISEMENT', 'advertisement or appeal'],
  ['Sponsored content', 'advertisement or appeal'],
  ['Sign up for our newsletter to get the morning briefing', 'advertisement or appeal'],
  ['Support our journalism with a monthly donation', 'advertisement or appeal'],
  ['If you have found a spelling error, please select it and press Ctrl+Enter.', 'typo notice'],
  ['Found a typo? Let us know', 'typo notice'],
  ['Tags: Kharkiv, shelling, Russian invasion', 'tags line'],
  ['Topics: war in Ukraine', 'tags line'],
  ['Categories: Regions', 'tags line'],
  ['Click here to read the full statement', 'interface text'],
  ['Listen to this article', 'interface text'],
  ['Reading time: 3 min', 'interface text'],
];

for (const [line, reason] of boilerplateLines) {
  test(`boilerplate line is dropped as "${reason}": ${line}`, () => {
    assert.equal(boilerplateReason(line), reason);
    const c = clean(raw(`${line}\nRussian troops shelled Kherson.`));
    assert.equal(c.text, 'Russian troops shelled Kherson.');
    assert.deepEqual(c.dropped, [{ line, reason }]);
  });
}

test('a boilerplate line is dropped wherever it is: top, between paragraphs, bottom', () => {
  const c = clean(raw([
    'Follow us on Telegram',
    'Russian troops shelled Kherson on Tuesday.',
    'Advertisement',
    'Two houses were damaged, the regional administration said.',
    'Tags: Kherson, shelling',
  ].join('\n')));
  assert.equal(c.text, 'Russian troops shelled Kherson on Tuesday.\nTwo houses were damaged, the regional administration said.');
  assert.deepEqual(c.dropped.map((d) => d.reason), ['promotion: follow us', 'advertisement or appeal', 'tags line']);
});

test('a repeated headline or caption line is dropped the second time only', () => {
  const headline = 'Russian drones hit Odesa port overnight, two killed';
  const caption = 'Rescuers work at the site of the strike in Odesa.';
  const c = clean(raw([
    headline,
    headline,
    caption,
    'Russian forces attacked Odesa with Shahed drones overnight, killing two civilians, the governor said.',
    caption,
  ].join('\n')));
  assert.deepEqual(c.text.split('\n'), [
    headline,
    caption,
    'Russian forces attacked Odesa with Shahed drones overnight, killing two civilians, the governor said.',
  ]);
  assert.deepEqual(c.dropped, [
    { line: headline, reason: 'repeated headline or caption' },
    { line: caption, reason: 'repeated headline or caption' },
  ]);
});

test('a repeated line is recognised after its quotes and spaces are normalised', () => {
  const c = clean(raw('\u201CWe will rebuild\u201D, says Kharkiv\u2019s mayor\n"We will rebuild", says Kharkiv\'s mayor'));
  assert.equal(c.text, '"We will rebuild", says Kharkiv\'s mayor');
  assert.equal(c.dropped.length, 1);
  assert.equal(c.dropped[0]!.reason, 'repeated headline or caption');
});

test('a repeated paragraph of 300 characters or more is prose and is kept both times', () => {
  const long = `Russian forces shelled the centre of Kherson on Tuesday morning, damaging a school, a pharmacy and several private houses in the Dniprovskyi district, the regional military administration said, adding that utility workers were restoring power lines and that residents of the riverside streets had been asked to stay in shelters until the evening.`;
  assert.ok(long.length >= 300, `fixture is ${long.length} characters`);
  const c = clean(raw(`${long}\n${long}`));
  assert.equal(c.text, `${long}\n${long}`);
  assert.deepEqual(c.dropped, []);
});

test('content lines that merely contain words like share, photo, follow or related are kept', () => {
  const content = [
    'Residents were asked to share information about the strike with the police.',
    'The governor shared a photo of the damaged school on Telegram.',
    'A photo published by the regional police shows a burnt-out bus.',
    'Video footage shows a column of smoke rising over the port.',
    'Follow-up strikes hit the same building an hour later, the police said.',
    'Related to the attack, prosecutors opened a criminal case for violating the laws of war.',
    'Tags on the missile debris showed it had been made in 2023, investigators said.',
    'Advertisements for military recruitment lined the damaged street.',
    'Print shops in Kharkiv were among the businesses hit in May.',
  ];
  for (const line of content) assert.equal(boilerplateReason(line), null, line);
  const c = clean(raw(content.join('\n')));
  assert.equal(c.text, content.join('\n'));
  assert.deepEqual(c.dropped, []);
});

test('a quoted social-media post is kept with its author and date line', () => {
  const post = [
    'The governor wrote on X:',
    '"Another night of terror. Russian drones hit a residential building in Kharkiv. Two people are injured."',
    '— Governor Oleh Syniehubov (@synegubov) March 3, 2024',
    'Emergency crews worked at the scene until the morning.',
  ];
  for (const line of post) assert.equal(boilerplateReason(line), null, line);
  const c = clean(raw(post.join('\n')));
  assert.equal(c.text, post.join('\n'));
  assert.deepEqual(c.dropped, []);
});

// ---------------------------------------------------------------------------
// Character normalisation.

test('no-break, narrow and odd spaces and tabs become one ASCII space', () => {
  assert.equal(normaliseCharacters('Kyiv\u00A0Oblast'), 'Kyiv Oblast');
  assert.equal(normaliseCharacters('5\u202F000 drones'), '5 000 drones');
  assert.equal(normaliseCharacters('at\u2009night'), 'at night');
  assert.equal(normaliseCharacters('Kherson\tregion'), 'Kherson region');
  assert.equal(normaliseCharacters('two \u00A0 spaces'), 'two spaces');
});

test('typographic double quotes and guillemets become ASCII double quotes', () => {
  assert.equal(normaliseCharacters('\u201CWe hold the line\u201D'), '"We hold the line"');
  assert.equal(normaliseCharacters('\u201EAzov\u201C and \u00ABKhortytsia\u00BB'), '"Azov" and "Khortytsia"');
});

test('typographic apostrophes and single quotes become ASCII apostrophes', () => {
  assert.equal(normaliseCharacters('Ukraine\u2019s Air Force'), "Ukraine's Air Force");
  assert.equal(normaliseCharacters('Ukraine\u02BCs \u2018south\u2019'), "Ukraine's 'south'");
});

test('invisible characters (zero-width space, BOM, soft hyphen) are removed', () => {
  assert.equal(normaliseCharacters('\uFEFFZapo\u00ADrizhzhia\u200B Oblast'), 'Zaporizhzhia Oblast');
});

test('clean normalises each line, trims it and drops blank lines; the title is normalised too', () => {
  const c = clean(raw('  Russian\u00A0drones hit Odesa.  \n\n\r\n\u201CIt was loud\u201D, a resident said.\r\n', 'Odesa\u2019s port hit'));
  assert.equal(c.text, 'Russian drones hit Odesa.\n"It was loud", a resident said.');
  assert.equal(c.title, "Odesa's port hit");
});

// ---------------------------------------------------------------------------
// Document id.

test('the document id is the sha256 of the cleaned text', () => {
  const c = clean(raw('Follow us on Telegram\nRussian troops shelled Kherson.\nShare'));
  assert.equal(c.text, 'Russian troops shelled Kherson.');
  assert.equal(c.id, sha256('Russian troops shelled Kherson.'));
  assert.equal(c.id, documentId(c.text));
  assert.match(c.id, /^[0-9a-f]{64}$/);
});

test('the document id changes when the content changes, not when only boilerplate or typography does', () => {
  const a = clean(raw('Russian troops shelled Kherson.'));
  const b = clean(raw('Advertisement\nRussian\u00A0troops shelled Kherson.\nRead also: Odesa port hit again'));
  const c = clean(raw('Russian troops shelled Kharkiv.'));
  assert.equal(a.id, b.id);
  assert.notEqual(a.id, c.id);
});

// ---------------------------------------------------------------------------
// Acceptance criterion: boilerplate changes nothing about the events.

interface Pair {
  name: string;
  plain: string;
  laden: string;
  /** Lower bound on events, so that the comparison is about something. */
  minEvents: number;
}

const pairs: Pair[] = [
  {
    name: 'Odesa drone attack report',
    minEvents: 2,
    plain: [
      'Russian drones hit Odesa port overnight, two killed',
      "Russian forces attacked Odesa with Shahed drones overnight, killing two civilians and injuring five, Governor Oleh Kiper said on Telegram.",
      "A drone struck a residential building in the city's Prymorskyi district, and a fire broke out in a warehouse near the port, he added.",
      "Ukraine's Air Force said its air defence shot down 28 of the 32 drones launched overnight.",
      "In Kharkiv Oblast, Russian troops shelled Kupiansk with artillery on Tuesday, wounding a 64-year-old man, the regional prosecutor's office reported.",
    ].join('\n'),
    laden: [
      'Follow us on Telegram',
      'Latest news',
      'Russian drones hit Odesa port overnight, two killed',
      'Photo: Odesa Oblast Military Administration / Telegram',
      'Russian drones hit Odesa port overnight, two killed',
      'Russian forces attacked Odesa with Shahed drones overnight, killing two civilians and injuring five, Governor Oleh\u00A0Kiper said on Telegram.',
      'Read also: Zelensky asks partners for more air defence systems',
      'A drone struck a residential building in the city\u2019s Prymorskyi district, and a fire broke out in a warehouse near the port, he added.',
      'Advertisement',
      '',
      'Ukraine\u2019s Air Force said its air defence shot down 28 of the 32 drones launched overnight.',
      'Share this article',
      "In Kharkiv Oblast, Russian troops shelled Kupiansk with artillery on Tuesday, wounding a 64-year-old man, the regional prosecutor's office reported.",
      'Tags: Odesa, Kharkiv Oblast, drones, Shahed',
      'Facebook | Twitter | Telegram',
      'If you have found a spelling error, please select it and press Ctrl+Enter.',
      '© 2024 Kyiv Daily News. All rights reserved.',
    ].join('\n'),
  },
  {
    name: 'Kherson shelling report',
    minEvents: 2,
    plain: [
      'Kherson under fire: one dead after shelling',
      'Russian troops shelled Kherson on March 5, killing a 58-year-old woman, the regional military administration said.',
      "The shelling damaged a school and several private houses in the city's Dniprovskyi district.",
      'On the same day, a Russian FPV drone attacked a car in the village of Bilozerka, wounding the driver, according to the Kherson Oblast Military Administration.',
      'Over the past day, Russian forces attacked 92 settlements in 8 regions, the General Staff reported.',
    ].join('\n'),
    laden: [
      'Subscribe to our channel on YouTube',
      'Reading time: 2 min',
      'Kherson under fire: one dead after shelling',
      'Listen to this article',
      'Russian troops shelled Kherson on March\u00A05, killing a 58-year-old woman, the regional military administration said.',
      'Related content',
      'See also: Kherson residents queue for water after strike on pumping station',
      'The shelling damaged a school and several private houses in the city\u2019s Dniprovskyi district.',
      'Image credit: Kherson Oblast Military Administration',
      'On the same day, a Russian FPV drone attacked a car in the village of Bilozerka, wounding the driver, according to the Kherson Oblast Military Administration.',
      'Sponsored content',
      'Over the past day, Russian forces attacked 92 settlements in 8 regions, the General Staff reported.',
      'Share',
      'Copy link',
      'Topics: Kherson, shelling',
      'Support our journalism with a monthly donation',
    ].join('\n'),
  },
  {
    name: 'Zaporizhzhia guided bombs report',
    minEvents: 3,
    plain: [
      'Guided bombs hit Zaporizhzhia suburbs',
      'Russian aviation dropped guided aerial bombs on the village of Stepnohirsk in Zaporizhzhia Oblast on Monday, the regional governor Ivan Fedorov said.',
      'Three people were injured and a shop was destroyed, Fedorov added.',
      '"The enemy does not stop terrorising our communities," he wrote.',
      'Nobody was injured in a separate missile strike on an industrial facility in Zaporizhzhia city on Tuesday evening, Fedorov said.',
    ].join('\n'),
    laden: [
      'Join us on Facebook',
      'Most read',
      'Guided bombs hit Zaporizhzhia suburbs',
      'Illustrative photo: Depositphotos',
      'Russian aviation dropped guided aerial bombs on the village of Stepnohirsk in Zaporizhzhia Oblast on Monday, the regional governor Ivan Fedorov said.',
      'Click here to read the full statement',
      'Three people were injured and a shop was destroyed, Fedorov added.',
      '\u201CThe enemy does not stop terrorising our communities,\u201D he wrote.',
      'ADVERTISEMENT',
      'Nobody was injured in a separate missile strike on an industrial facility in Zaporizhzhia city on Tuesday evening, Fedorov\u00A0said.',
      'Share on Facebook',
      'Print',
      'Sign up for our newsletter to get the morning briefing',
      'Categories: Regions',
      'Copyright 2024 Example Media Group',
    ].join('\n'),
  },
];

for (const p of pairs) {
  test(`acceptance: the ${p.name} gives exactly the same analysis with and without boilerplate`, () => {
    const plain = analyse(raw(p.plain));
    const laden = analyse(raw(p.laden));
    assert.ok(plain.events.length >= p.minEvents, `expected at least ${p.minEvents} events, got ${plain.events.length}`);
    assert.ok(laden.report.dropped.length >= 10, `the laden version should lose its boilerplate, dropped ${laden.report.dropped.length}`);
    assert.equal(laden.report.text, plain.report.text);
    assert.equal(laden.report.id, plain.report.id);
    assert.deepEqual(laden.events, plain.events);
    assert.deepEqual(laden.reports, plain.reports);
    assert.deepEqual(laden.claims, plain.claims);
  });
}

test('every line the acceptance reports add is dropped as boilerplate, not kept as content', () => {
  for (const p of pairs) {
    const plainLines = new Set(clean(raw(p.plain)).text.split('\n'));
    const c = clean(raw(p.laden));
    const extra = p.laden.split('\n').map((l) => normaliseCharacters(l).trim()).filter((l) => l !== '' && !plainLines.has(l));
    assert.deepEqual(c.dropped.map((d) => d.line).filter((l) => extra.includes(l)), extra, p.name);
  }
});

// ---------------------------------------------------------------------------

test('a caption credit with a space before the slash ("… in Odesa / Reuters") is dropped as an image credit', () => {
  assert.equal(boilerplateReason('Rescuers work at the site of a Russian missile strike in Odesa / Reuters'), 'image credit');
  assert.equal(boilerplateReason('A destroyed car in Kherson / AFP'), 'image credit');
});

test('a report with a "/ Reuters" caption gives the same events as without it', () => {
  const body = 'Russian forces attacked Odesa with Shahed drones overnight, killing two civilians, Governor Oleh Kiper said.';
  const plain = analyse(raw(body));
  const laden = analyse(raw(`${body}\nRescuers at the site of a Russian missile strike in Odesa / Reuters`));
  assert.equal(laden.report.text, plain.report.text);
  assert.deepEqual(laden.events.map((e) => e.quote.text), plain.events.map((e) => e.quote.text));
});

test('a content line that starts with "Donated" is kept', () => {
  assert.equal(boilerplateReason('Donated generators arrived in Kherson hospitals on Tuesday.'), null);
});
