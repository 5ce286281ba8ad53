// Every entry point of the packed package imports in plain Node (server-side rendering
// imports them there): by its name through `exports`, and every file any condition maps
// to (so the browser-only files load without a DOM too).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { NAME, unpack } from './packed.mjs';

/** `exports` as [subpath, [file…]]: every target under every condition. */
function entries(manifest) {
  const targets = (value) => (typeof value === 'string' ? [value] : Object.values(value).flatMap(targets));
  return Object.entries(manifest.exports).map(([subpath, value]) => [subpath, targets(value)]);
}

const isModule = (file) => file.endsWith('.js');

test('there is no DOM here: this is plain Node', () => {
  assert.equal(globalThis.HTMLElement, undefined);
  assert.equal(globalThis.customElements, undefined);
});

test('every entry point imports in Node without throwing', async (t) => {
  const { folder, manifest, importPackage } = unpack();
  const modules = entries(manifest).filter(([, files]) => files.some(isModule));
  assert.deepEqual(modules.map(([subpath]) => subpath), ['.', './element', './headless', './node']);
  for (const [subpath, files] of modules) {
    const specifier = subpath === '.' ? NAME : `${NAME}/${subpath.slice(2)}`;
    await t.test(specifier, async () => {
      await importPackage(specifier);
      for (const file of files.filter(isModule)) await import(pathToFileURL(join(folder, file)));
    });
  }
});

test('every file `exports` names is in the package', () => {
  const { folder, manifest } = unpack();
  for (const [, files] of entries(manifest)) {
    for (const file of files) assert.doesNotThrow(() => readFileSync(join(folder, file)), `${file} is missing`);
  }
});

test('the main entry offers the form; registering the element is a no-op without a DOM', async () => {
  const { importPackage } = unpack();
  const main = await importPackage(NAME);
  assert.deepEqual(Object.keys(main).sort(), ['CustomerUpdateForm', 'load', 'mount']);
  assert.throws(() => main.mount({}, {}), /needs a browser/);
  const element = await importPackage(`${NAME}/element`);
  assert.equal(element.CustomerUpdateForm, main.CustomerUpdateForm);
});

test('under Node, /headless resolves to the Node entry, which loads no form', async () => {
  const { folder, importPackage } = unpack();
  assert.equal(await importPackage(`${NAME}/headless`), await importPackage(`${NAME}/node`));
  // The modules the headless entries import, followed from file to file.
  const graph = (file, seen = new Set()) => {
    if (seen.has(file)) return seen;
    seen.add(file);
    const source = readFileSync(join(folder, file), 'utf8');
    for (const [, next] of source.matchAll(/\bfrom\s+'\.\/([^']+)'/g)) graph(next, seen);
    return seen;
  };
  for (const entry of ['headless.js', 'node.js']) {
    const files = [...graph(entry)];
    assert.ok(files.includes('customer_update_headless.js'), `${entry}: ${files}`);
    assert.ok(!files.some((file) => file.startsWith('customer_update_widget')), `${entry} imports the form: ${files}`);
  }
});
