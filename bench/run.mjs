// `npm run bench`: every bench/*.bench.mjs in turn, after one fresh build, each printing one
// JSON line per figure on stdout. Benchmarks measure; they never fail a test run.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
execFileSync(process.execPath, [join(root, 'build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });

const only = process.argv[2];
let failed = 0;
for (const file of readdirSync(here).filter((f) => f.endsWith('.bench.mjs')).sort()) {
  if (only && !file.includes(only)) continue;
  const run = spawnSync(process.execPath, [join(here, file)], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) {
    failed++;
    console.error(`bench/${file} exited with ${run.status}`);
  }
}
process.exit(failed ? 1 : 0);
