// The headless checks from the Node entry (a backend checking a body before it calls the
// proxy): the wasm read from the package's file, real results for good and bad input.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { NAME, unpack } from './packed.mjs';

let checks;
before(async () => {
  checks = await unpack().importPackage(`${NAME}/node`);
});

test('before load() the functions say what to do', () => {
  assert.throws(() => checks.checkEmail('ana@example.com'), /call `await load\(\)`/);
});

test('load() reads the wasm once', async () => {
  const first = checks.load();
  assert.equal(checks.load(), first);
  await first;
});

test('normalizePhone: E.164, or the reason it is not a number', async () => {
  await checks.load();
  assert.deepEqual(checks.normalizePhone('(415) 555-0123', 'US'), { ok: true, value: '+14155550123' });
  const bad = checks.normalizePhone('+999 1234');
  assert.equal(bad.ok, false);
  assert.equal(bad.error.code, 'phone.unknown_calling_code');
  assert.equal(bad.error.pointer, '');
  assert.equal(typeof bad.error.message, 'string');
});

test('normalizePhone: an extension after the number is left out, with a notice saying so', async () => {
  await checks.load();
  const typed = checks.normalizePhone('(415) 555-0123 ext. 12', 'US');
  assert.equal(typed.ok, true);
  assert.equal(typed.value, '+14155550123');
  assert.equal(typed.notice.code, 'phone.extension_not_stored');
  assert.equal(typed.notice.params.extension, '12');
  assert.match(typed.notice.message, /12/);
});

test('checkEmail: the trimmed address, or email.invalid', async () => {
  await checks.load();
  assert.deepEqual(checks.checkEmail('  ana@example.com '), { ok: true, value: 'ana@example.com' });
  const bad = checks.checkEmail('ana@');
  assert.equal(bad.ok, false);
  assert.equal(bad.error.code, 'email.invalid');
});

test('checkPostalCode: any country, with an example as a plain params object', async () => {
  await checks.load();
  assert.deepEqual(checks.checkPostalCode('BR', '01310-100'), { ok: true, value: '01310-100' });
  const bad = checks.checkPostalCode('US', '1234');
  assert.equal(bad.ok, false);
  assert.equal(bad.error.code, 'postal_code.invalid');
  assert.deepEqual(bad.error.params, { example: '95014', kind: 'zip' });
});

test('validate: the proxy’s check of an update body', async () => {
  await checks.load();
  assert.deepEqual(checks.validate('swipelux', { email: 'ana@example.com' }), { ok: true, errors: [] });
  const bad = checks.validate('spherepay', { address: { line1: '' } });
  assert.equal(bad.ok, false);
  assert.ok(Array.isArray(bad.errors));
  assert.ok(
    bad.errors.some((error) => error.pointer === '/address/line1' && error.code === 'required'),
    JSON.stringify(bad.errors),
  );
  const unknown = checks.validate('acme', {});
  assert.deepEqual(unknown.errors.map((error) => error.code), ['invalid_value']);
});
