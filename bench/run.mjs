// `npm run bench`: measured figures, one JSON line each. Builds first so the figures describe
// the current source. More figures (capture cost, editor load time, export speed) join as the
// issues that set their targets are done.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });

for (const entry of ['popup.js', 'content.js', 'background.js']) {
  const bytes = readFileSync(join(root, 'dist', 'chrome', entry));
  console.log(JSON.stringify({ figure: 'bundle-size', entry, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length }));
}
