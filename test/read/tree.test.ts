import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { parseTree, type TreeElement, type TreeNode } from '../../src/read/tree.js';

/**
 * The light tree must answer what linkedom's DOM answers for the same page:
 * html.ts switched from one to the other for speed, not to read pages differently.
 */

/** Every element in document order, as [tag, class attribute, text length, parent tag]. */
function describeTree(root: TreeNode): string[][] {
  const out: string[][] = [];
  const walk = (n: TreeNode): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const el = c as TreeElement;
      out.push([el.localName, el.getAttribute('class') ?? 'null', String(el.textContent.length), el.parentElement?.localName ?? '-']);
      walk(el);
    }
  };
  walk(root);
  return out;
}

function describeDom(root: Node): string[][] {
  const out: string[][] = [];
  const walk = (n: Node): void => {
    // childNodes, not firstChild/nextSibling: linkedom's doctype node has no nextSibling.
    for (const c of n.childNodes) {
      if (c.nodeType !== 1) continue;
      const el = c as Element;
      out.push([el.localName, el.getAttribute('class') ?? 'null', String((el.textContent ?? '').length), el.parentElement?.localName ?? '-']);
      walk(el);
    }
  };
  walk(root);
  return out;
}

// Pages written for this test: the odd shapes real pages come in.
const PAGES: Record<string, string> = {
  plain: '<!DOCTYPE html><html><head><title>T</title></head><body><main><p class="lead  intro lead">One &amp; two</p><pre>x</pre></main></body></html>',
  'no head': '<!DOCTYPE html><html><body><article><p>Only a body here.</p></article></body></html>',
  'element between head and body': '<html><head></head><div class="banner">Top</div><body><p>Text</p></body></html>',
  'no body': '<html><head><title>x</title></head><p>Loose paragraph</p></html>',
  'text outside html': 'before<html><body><p>In</p></body></html>after',
  'unclosed tags': '<html><body><div><p>One<p>Two<ul><li>a<li>b</ul><table><tr><td>c<td>d</table>',
  'attributes': '<html><body><p CLASS="Up" class="low" Data-X="1" hidden>Case</p><a href="/x" class="">link</a><span class=" \t ">s</span></body></html>',
  template: '<html><body><template><p>inside template</p></template><p>after</p></body></html>',
  'void and self-closed': '<html><body><p>a<br>b<br/>c<img src="x"><input/></p><hr><p>d</p></body></html>',
  'nested links': '<html><body><p>x <a>one <a>two</a></a> y</p></body></html>',
};

for (const [name, html] of Object.entries(PAGES)) {
  test(`tree matches linkedom: ${name}`, () => {
    const tree = parseTree(html);
    const { document } = parseHTML(html);
    assert.deepEqual(describeTree(tree), describeDom(document));
    // Tag-name searches, in document order.
    assert.deepEqual(
      tree.querySelectorAll('p, pre').map((e) => e.textContent),
      [...document.querySelectorAll('p, pre')].map((e) => e.textContent),
    );
    // `body`: the element after the head when it is a <body>; linkedom makes an empty one otherwise (null here).
    const domBody = document.body;
    const treeBody = tree.body;
    if (treeBody === null) assert.equal(domBody.textContent, '');
    else assert.equal(treeBody.textContent, domBody.textContent);
  });
}

test('tree: attribute names are kept as written, the first of repeated ones wins', () => {
  const p = parseTree('<html><body><p CLASS="Up" class="low" id="a" id="b">x</p></body></html>').querySelector('p')!;
  assert.equal(p.getAttribute('id'), 'a');
  assert.equal(p.getAttribute('class'), 'low');
  assert.equal(p.hasAttribute('CLASS'), true);
  assert.equal(p.getAttribute('title'), null);
});

test('tree: the class attribute reads as its distinct words, one space apart, and as "" when absent', () => {
  const doc = parseTree('<html><body><p class="  b a  b ">x</p><p>y</p></body></html>');
  const [first, second] = doc.querySelectorAll('p');
  assert.equal(first!.getAttribute('class'), 'b a');
  assert.equal(second!.getAttribute('class'), '');
});

test('tree: only tag-name selectors are accepted', () => {
  assert.throws(() => parseTree('<p>x</p>').querySelector('p.lead'), /only tag-name selectors/);
});
