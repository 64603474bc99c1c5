#!/usr/bin/env node
// Builds the browser extension into dist/extension/ (CONTRACT §6, docs/extension.md): the panel
// and the samlscope app (vite.extension.config.ts), the background script (esbuild, one classic
// script: a Chromium service worker and a Firefox event page both load it) and the manifest.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { extensionManifest } from '../src/extension/manifest.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, 'dist/extension');
const started = Date.now();

// The app's page: the site's index.html (its CSP and text) with the entry and icon addresses
// of the extension build; generated so that the two never drift apart.
const index = readFileSync(resolve(root, 'index.html'), 'utf8');
const appHtml = index.replace('href="/favicon.svg"', 'href="../favicon.svg"').replace('src="/src/main.tsx"', 'src="../../app/main.tsx"');
if (appHtml === index) throw new Error('index.html changed: update scripts/build-extension.mjs');
mkdirSync(resolve(root, 'src/extension/pages/app'), { recursive: true });
writeFileSync(resolve(root, 'src/extension/pages/app/index.html'), appHtml);

await viteBuild({ configFile: resolve(root, 'vite.extension.config.ts') });

await esbuild({
  entryPoints: [resolve(root, 'src/extension/background.ts')],
  outfile: resolve(out, 'background.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome121', 'firefox128'],
  legalComments: 'none',
  logLevel: 'warning',
});

copyFileSync(resolve(root, 'public/favicon.svg'), resolve(out, 'favicon.svg'));
writeFileSync(resolve(out, 'icon-128.png'), iconPng(128));
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
writeFileSync(resolve(out, 'manifest.json'), `${JSON.stringify(extensionManifest(version), null, 2)}\n`);
console.log(`built dist/extension (samlscope ${version}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

/**
 * The toolbar icon, drawn here rather than stored: browsers want a PNG for the toolbar (Chromium
 * does not take SVG icons), and a flat disc in the app's colour needs no image file in the repo.
 * PNG (RFC 2083): signature, IHDR, one IDAT of zlib-compressed RGBA scanlines, IEND.
 */
function iconPng(size) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const rows = [];
  const r = size / 2;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x + 0.5 - r, y + 0.5 - r);
      const ring = d < r * 0.95 && d > r * 0.55;
      const dot = d < r * 0.3;
      row.set(ring || dot ? [0x1a, 0x5f, 0xb4, 0xff] : [0, 0, 0, 0], 1 + x * 4);
    }
    rows.push(row);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
