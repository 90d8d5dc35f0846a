// The size of each bundle as shipped, raw and gzipped (their budgets are build.mjs's BUDGETS),
// counted as the budgets count it: a page with the chunks it imports at once.
// background.js differs per browser (build.mjs targetBuilds): both are measured.
import { sizeAtOnce } from '../scripts/loaded-at-once.mjs';

const figures = [
  ...['popup.js', 'content.js', 'content-mastodon.js', 'background.js', 'options.js', 'export-files.js'].map((entry) => ['chrome', entry]),
  ['firefox', 'background.js'],
];
for (const [target, entry] of figures) {
  const { files, bytes, gzipBytes } = sizeAtOnce(`dist/${target}`, entry);
  console.log(JSON.stringify({ figure: 'bundle-size', target, entry, files: files.length, bytes, gzipBytes }));
}
