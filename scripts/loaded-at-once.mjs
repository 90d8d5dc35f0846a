// What a page must load before it runs: its bundle and every chunk that bundle imports at
// once (not the ones `import()` loads when a view first opens), transitively. build.mjs's
// budgets and the bench's bundle sizes both count a page this way, each file gzipped alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** `file` and the chunks it imports at once, by their names in `dir`. */
export function loadedAtOnce(dir, file, seen = new Set()) {
  if (seen.has(file)) return [...seen];
  seen.add(file);
  const code = readFileSync(join(dir, file), 'utf8');
  // esbuild's minified static imports: `import{a as b}from"./popup-chunk-x.js"`, `import"./x.js"`.
  for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[^"'();]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) loadedAtOnce(dir, m[1], seen);
  return [...seen];
}

/** Raw and gzipped bytes of what `file` loads at once, and how many files that is. */
export function sizeAtOnce(dir, file) {
  const files = loadedAtOnce(dir, file);
  const contents = files.map((f) => readFileSync(join(dir, f)));
  return {
    files,
    bytes: contents.reduce((sum, c) => sum + c.length, 0),
    gzipBytes: contents.reduce((sum, c) => sum + gzipSync(c, { level: 9 }).length, 0),
  };
}
