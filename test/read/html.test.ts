import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../src/core/types.js';
import { htmlFragmentToText, readHtml } from '../../src/read/html.js';

const PARAGRAPHS = [
  'Russian forces struck the city of Kharkiv overnight with two Iskander missiles, the regional governor said on Sunday morning.',
  'Three civilians were killed and twelve were injured when one of the missiles hit a five-storey residential building in the Kyivskyi district.',
  'Emergency services worked through the night to clear the rubble &amp; search for survivors, according to the State Emergency Service.',
];

/** A news page with boilerplate around the article. */
function page(head: string, article = `<article>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}</article>`): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">${head}
<style>body { color: red; }</style><script>var tracking = "Do not read this script";</script></head>
<body>
<header role="banner"><a href="/">Daily Front</a></header>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news menu</a></li></ul></nav>
<main>${article}
<aside class="related"><p>Related: Ten things you need to know about drones today.</p></aside>
<form><input name="q"><button>Search the site</button></form>
</main>
<div class="sidebar"><p>Subscribe to our newsletter to get the latest headlines every morning.</p></div>
<footer><p>Copyright 2024 Daily Front Media Group. All rights reserved by the publisher.</p></footer>
</body></html>`;
}

const BOILERPLATE = ['Daily Front', 'Home', 'World news menu', 'Related:', 'Search the site', 'newsletter', 'Copyright', 'tracking', 'color: red'];

function assertNoBoilerplate(text: string): void {
  for (const b of BOILERPLATE) assert.ok(!text.includes(b), `boilerplate "${b}" in text:\n${text}`);
}

test('reads the article text, one paragraph per line, without boilerplate', () => {
  const r = readHtml('a.html', page('<title>Strike on Kharkiv</title>'));
  assert.deepEqual(r.text.split('\n'), PARAGRAPHS.map((p) => p.replace('&amp;', '&')));
  assertNoBoilerplate(r.text);
});

test('metadata: OpenGraph, article:published_time, canonical', () => {
  const r = readHtml(
    'a.html',
    page(`<title>Strike on Kharkiv | Daily Front</title>
      <meta property="og:title" content="Missile strike on Kharkiv kills three">
      <meta property="og:site_name" content="Daily Front">
      <meta property="og:url" content="https://front.example/2024/03/03/kharkiv">
      <link rel="canonical" href="https://front.example/kharkiv-canonical">
      <meta property="article:published_time" content="2024-03-03T09:45:00+02:00">
      <meta name="date" content="2020-01-01">`),
  );
  assert.equal(r.title, 'Missile strike on Kharkiv kills three');
  assert.equal(r.outlet, 'Daily Front');
  assert.equal(r.url, 'https://front.example/2024/03/03/kharkiv');
  assert.equal(r.published, '2024-03-03T09:45:00+02:00');
  assert.equal(r.publishedSource, 'html-meta');
});

test('metadata: <title> without the outlet suffix, application-name, meta name=date', () => {
  const r = readHtml(
    'a.html',
    page(`<title>Strike on Kharkiv – Daily Front</title>
      <meta name="application-name" content="Daily Front">
      <link rel="canonical" href="https://front.example/kharkiv">
      <meta name="date" content="2024-03-03 09:45">`),
  );
  assert.equal(r.title, 'Strike on Kharkiv');
  assert.equal(r.outlet, 'Daily Front');
  assert.equal(r.url, 'https://front.example/kharkiv');
  assert.equal(r.published, '2024-03-03T09:45:00+02:00');
});

test('metadata: JSON-LD datePublished and publisher, <h1> title', () => {
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: 'Front' },
      { '@type': 'NewsArticle', headline: 'LD headline', datePublished: '2024-03-03T07:45:00Z', publisher: { '@type': 'Organization', name: 'Front Media' } },
    ],
  });
  const r = readHtml('a.html', page(`<script type="application/ld+json">${ld}</script>`, `<article><h1>Kharkiv under fire</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>`));
  assert.equal(r.published, '2024-03-03T07:45:00Z');
  assert.equal(r.outlet, 'Front Media');
  assert.equal(r.title, 'Kharkiv under fire');
  assert.ok(r.text.startsWith('Kharkiv under fire\n'), 'the heading is its own line');
});

test('metadata: itemprop datePublished and <time datetime> in the article', () => {
  const itemprop = readHtml('a.html', page('<meta itemprop="datePublished" content="2024-03-03">'));
  assert.equal(itemprop.published, '2024-03-03');
  const time = readHtml(
    'a.html',
    page('', `<article><p class="byline">By A. Writer, <time datetime="2024-03-03T09:45:00+02:00">3 March</time></p>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}<time datetime="2020-01-01">old</time></article>`),
  );
  assert.equal(time.published, '2024-03-03T09:45:00+02:00');
  assert.equal(time.publishedSource, 'html-meta');
  const none = readHtml('a.html', page('<meta name="date" content="not a date">'));
  assert.equal(none.published, null);
  assert.equal(none.publishedSource, 'none');
});

test('ISW-like page: og:title is the site name, og:url a bare root, relative canonical, RDFa dc:date', () => {
  const html = `<!DOCTYPE html><html><head>
<link rel="canonical" href="/backgrounder/assessment-march-3" />
<title>Assessment, March 3 | Institute for Testing</title>
<meta property="og:title" content="Institute for Testing" />
<meta property="og:url" content="http://dev.example.org/" />
<meta property="og:site_name" content="Institute for Testing" />
</head><body>
<header id="header"><ul class="menu"><li><a href="/">Home</a></li></ul></header>
<section id="main" role="main"><h1 class="title">Assessment, March 3</h1>
<span class="submitted"><span property="dc:date dc:created" content="2024-03-03T18:24:47-05:00">Mar 3, 2024</span></span>
<div class="field-item"><p><strong>Analyst One and Analyst Two</strong></p><p><strong>March 3, 7:15pm ET</strong></p>
${PARAGRAPHS.map((p) => `<p>${p}[1]</p>`).join('\n')}
<p>[1] https://t.me/example/1</p></div>
<div class="sharethis"><span st_url="https://www.testing.example/backgrounder/assessment-march-3"></span></div>
</section>
<aside id="sidebar-second"><p><a href="/podcast">Podcast</a></p></aside>
<footer id="footer"><div id="copy">1400 Street NW, Washington</div></footer>
</body></html>`;
  const r = readHtml('isw.html', html);
  assert.equal(r.title, 'Assessment, March 3');
  assert.equal(r.outlet, 'Institute for Testing');
  assert.equal(r.url, 'https://www.testing.example/backgrounder/assessment-march-3');
  assert.equal(r.published, '2024-03-03T18:24:47-05:00');
  const lines = r.text.split('\n');
  assert.equal(lines[0], 'Analyst One and Analyst Two');
  assert.equal(lines[1], 'March 3, 7:15pm ET');
  assert.equal(lines.at(-1), '[1] https://t.me/example/1');
  for (const b of ['Home', 'Podcast', 'Washington']) assert.ok(!r.text.includes(b), b);
});

test('Readability fallback: text in <div>s with <br>, no paragraphs', () => {
  const lines = [
    'Air raid alert was declared in Odesa oblast at 03:10 local time as drones approached from the sea.',
    'Air defence units shot down eleven Shahed-type drones over the southern region overnight, the command said.',
    'Debris fell on a port warehouse and started a fire that firefighters put out by the morning, with no casualties.',
    'Local authorities asked residents to stay in shelters until the all-clear signal was given at 05:40.',
    'The regional military administration said that power supply in two districts of the city was restored by noon.',
    'It was the third drone attack on the region this week, after strikes on Izmail and Bilhorod-Dnistrovskyi.',
  ];
  const html = `<html><head><title>Night attack on Odesa</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News menu</a></nav>
<div id="wrapper"><div class="story-body">${lines.join('<br>\n')}</div>
<div class="comment-list"><div>Comment: great article, thanks for sharing this with all of us here</div></div></div>
<div class="gdpr-consent">We use cookies to improve your experience on this website.</div>
<footer>Footer text © Odesa News Agency</footer></body></html>`;
  const r = readHtml('b.html', html);
  for (const l of lines) assert.ok(r.text.includes(l), `missing: ${l}\n---\n${r.text}`);
  for (const b of ['News menu', 'Footer text', 'great article', 'cookies']) assert.ok(!r.text.includes(b), b);
  assert.equal(r.title, 'Night attack on Odesa');
});

test('last resort: a short <article> without paragraphs', () => {
  const html = `<html><body><nav>Menu Home About</nav><article><h2>Alert</h2><span>Explosions heard in Odesa.</span></article><footer>Footer</footer></body></html>`;
  const r = readHtml('c.html', html);
  assert.equal(r.text, 'Alert\nExplosions heard in Odesa.');
  assert.equal(r.title, null);
});

test('structure: lists, headings, tables, <br>, entities, hidden and inline elements', () => {
  const html = `<html><body><article>
<h2>Casualties &ndash; update</h2>
<p>Officials <b>said</b> on   Sunday <a href="#">that</a>&nbsp;the toll had risen.<br>Second line of the same paragraph.</p>
<ul><li>Kharkiv: 3 killed</li><li>Odesa: 1 injured</li></ul>
<table><tr><th>Oblast</th><th>Killed</th></tr><tr><td>Donetsk</td><td>5</td></tr></table>
<div hidden>Hidden text</div><p style="display:none">Invisible paragraph</p><span class="sr-only">Screen reader only</span>
<figure><img src="x.jpg" alt="Alt text"><figcaption>Rescuers at the site.</figcaption></figure>
<noscript>Enable JavaScript</noscript><svg><text>SVG label</text></svg>
</article></body></html>`;
  const r = readHtml('d.html', html);
  assert.equal(
    r.text,
    [
      'Casualties – update',
      'Officials said on Sunday that the toll had risen.',
      'Second line of the same paragraph.',
      'Kharkiv: 3 killed',
      'Odesa: 1 injured',
      'Oblast | Killed',
      'Donetsk | 5',
      'Rescuers at the site.',
    ].join('\n'),
  );
});

test('scripts, styles, comments and SVG are removed before parsing; JSON-LD and self-closed tags are safe', () => {
  const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-03T07:45:00Z"}</script>
<script>document.write("<p>Injected paragraph from a script that must not be read as text</p>")</script><!-- <p>Commented-out paragraph that must not be read either</p> --></head>
<body><article><svg class="icon"/><p>${PARAGRAPHS[0]}</p><svg viewBox="0 0 1 1"><text>Icon label</text></svg><p>${PARAGRAPHS[1]}</p></article></body></html>`;
  const r = readHtml('s.html', html);
  assert.equal(r.published, '2024-03-03T07:45:00Z');
  assert.equal(r.text, `${PARAGRAPHS[0]}\n${PARAGRAPHS[1]}`);
});

test('pages without <html>/<body> tags still parse', () => {
  const r = readHtml('e.html', `<!doctype html><title>Bare page</title><meta property="og:site_name" content="Bare"><p>${PARAGRAPHS[0]}</p>`);
  assert.equal(r.title, 'Bare page');
  assert.equal(r.outlet, 'Bare');
  assert.equal(r.text, PARAGRAPHS[0]);
});

test('a page with no text is an InputError', () => {
  assert.throws(
    () => readHtml('f.html', '<html><head><title>x</title><script>var a = 1;</script></head><body><nav>Home</nav></body></html>'),
    (e: unknown) => e instanceof InputError && e.origin === 'f.html' && /no readable text/.test(e.message),
  );
});

test('htmlFragmentToText', () => {
  assert.equal(htmlFragmentToText('<p>One &amp; two</p><p>Three<br>four</p>'), 'One & two\nThree\nfour');
});
