// The packed package as an app gets it: pkg/customer-update-widget-<version>.tgz (from
// scripts/build-npm.sh, or $CUW_TARBALL) unpacked into a fresh node_modules/, imported by
// its bare name so Node resolves it through package.json `exports` like any app.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const NAME = 'customer-update-widget';

function tarball() {
  if (process.env.CUW_TARBALL) return process.env.CUW_TARBALL;
  const pkg = fileURLToPath(new URL('../../../pkg/', import.meta.url));
  const found = readdirSync(pkg).filter((file) => file.startsWith(`${NAME}-`) && file.endsWith('.tgz'));
  if (found.length !== 1) throw new Error(`expected one ${NAME}-*.tgz in ${pkg} (run scripts/build-npm.sh), found: ${found.join(', ') || 'none'}`);
  return join(pkg, found[0]);
}

let unpacked = null;

/** Unpacks the tarball (once per test file, removed when the process exits); returns the
 *  package folder, its package.json and `importPackage(specifier)`, which imports as code
 *  in the app would. */
export function unpack() {
  if (unpacked) return unpacked;
  const app = mkdtempSync(join(tmpdir(), 'cuw-node-'));
  process.on('exit', () => rmSync(app, { recursive: true, force: true }));
  const modules = join(app, 'node_modules');
  mkdirSync(modules);
  execFileSync('tar', ['-xzf', tarball(), '-C', modules]);
  renameSync(join(modules, 'package'), join(modules, NAME));
  // A module inside the app: its dynamic import() resolves bare names from the app's node_modules/.
  const importer = join(app, 'importer.mjs');
  writeFileSync(importer, 'export const importPackage = (specifier) => import(specifier);\n');
  const folder = join(modules, NAME);
  unpacked = {
    folder,
    manifest: JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')),
    importPackage: async (specifier) => (await import(pathToFileURL(importer))).importPackage(specifier),
  };
  return unpacked;
}
