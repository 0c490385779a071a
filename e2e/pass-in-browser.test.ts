// The pass package in a real browser: bundled by Vite (as the web app bundles it) with no Node
// built-ins, it issues and verifies a pass with Chromium's WebCrypto and verifies an EU DCC.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { build } from 'vite';
import { openBrowser, root, skipBrowser } from './harness.js';

describe('pass in the browser', { skip: skipBrowser }, () => {
  it('signs and verifies offline with WebCrypto, and reads an EU DCC', async () => {
    const output = await build({
      configFile: false,
      logLevel: 'silent',
      root,
      build: { write: false, minify: false, lib: { entry: join(root, 'e2e/fixtures/pass-in-browser.ts'), formats: ['es'], fileName: 'pass-in-browser' } },
    });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []));
    const bundle = chunks.map((c) => ('code' in c ? c.code : '')).join('\n');
    assert.ok(bundle.length > 1000, 'the bundle was built');
    assert.doesNotMatch(bundle, /from ["']node:/, 'no Node built-in in the browser bundle');

    const vector = JSON.parse(readFileSync(join(root, '../shared/data/dgc-testdata/common/2DCode/raw/CO1.json'), 'utf8'));
    const browser = await openBrowser();
    try {
      // A localhost origin is a secure context, where WebCrypto is available.
      await browser.page.route('http://localhost/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>pass</title>' }));
      await browser.page.goto('http://localhost/pass.html');
      await browser.page.addScriptTag({ content: bundle, type: 'module' });
      await browser.page.waitForFunction(() => typeof window.runPassChecks === 'function');
      const result = await browser.page.evaluate(
        (dcc) => window.runPassChecks(dcc),
        { prefix: vector.PREFIX as string, certificate: vector.TESTCTX.CERTIFICATE as string, at: vector.TESTCTX.VALIDATIONCLOCK as string },
      );
      assert.deepEqual(result, {
        prefix: 'EGP1:',
        valid: true,
        colour: 'red',
        expiredSteps: ['expiry'],
        dccValid: true,
        dccSteps: ['prefix:true', 'base45:true', 'zlib:true', 'cose:true', 'cbor:true', 'signature:true', 'key-usage:true', 'expiry:true', 'revocation:true'],
      });
      assert.deepEqual(browser.errors, []);
    } finally {
      await browser.close();
    }
  });
});
