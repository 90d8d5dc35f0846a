// The size of each bundle as shipped, raw and gzipped (their budgets are build.mjs's BUDGETS).
// background.js differs per browser (build.mjs targetBuilds): both are measured.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const figures = [
  ...['popup.js', 'content.js', 'content-mastodon.js', 'background.js', 'options.js', 'export-files.js'].map((entry) => ['chrome', entry]),
  ['firefox', 'background.js'],
];
for (const [target, entry] of figures) {
  const bytes = readFileSync(`dist/${target}/${entry}`);
  console.log(JSON.stringify({ figure: 'bundle-size', target, entry, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length }));
}
