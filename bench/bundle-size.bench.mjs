// The size of each bundle as shipped, raw and gzipped (the popup's budget is 25 KB gzipped).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

for (const entry of ['popup.js', 'content.js', 'background.js']) {
  const bytes = readFileSync(`dist/chrome/${entry}`);
  console.log(JSON.stringify({ figure: 'bundle-size', entry, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length }));
}
