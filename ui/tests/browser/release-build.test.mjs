// A release build (plain `npm run build`, as packages are made) leaves the component gallery out:
// no 样式库 page, no gallery code shipped. Test builds add it with VITE_HUIBAN_GALLERY=1.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const uiRoot = fileURLToPath(new URL('../..', import.meta.url));

test('a release build has no component gallery', async () => {
  delete process.env.VITE_HUIBAN_GALLERY;
  const outDir = mkdtempSync(join(tmpdir(), 'huiban-release-'));
  try {
    await build({ root: uiRoot, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const assets = readdirSync(join(outDir, 'assets'));
    assert.ok(assets.some((file) => file.endsWith('.js')), 'the build made its scripts');
    assert.deepEqual(assets.filter((file) => file.startsWith('Gallery')), [], 'no gallery chunk');
    for (const file of assets.filter((f) => f.endsWith('.js'))) {
      assert.ok(!readFileSync(join(outDir, 'assets', file), 'utf8').includes('样式库'), `${file} holds the gallery`);
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});
