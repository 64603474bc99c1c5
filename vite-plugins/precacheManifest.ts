// Offline support (issue 6): public/sw.js precaches every file of the build, including the
// chunks loaded lazily (Monaco languages, workers) that a first visit may never request. Their
// names carry content hashes, so the build writes the list: `sw-assets.json` next to index.html.
import type { Plugin } from 'vite';

export const PRECACHE_MANIFEST = 'sw-assets.json';

export function precacheManifest(): Plugin {
  return {
    name: 'samlscope-precache-manifest',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => f !== PRECACHE_MANIFEST && !f.endsWith('.map'))
        .sort();
      this.emitFile({ type: 'asset', fileName: PRECACHE_MANIFEST, source: `${JSON.stringify({ files }, null, 1)}\n` });
    },
  };
}
