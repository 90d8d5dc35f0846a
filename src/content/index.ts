// Content script on x.com / twitter.com and bsky.app (the manifest's): wiring only. The work is
// start.ts's; Mastodon instances have an entry of their own (mastodon.ts), so these pages
// never carry its reader.
import { pageAdapter } from './network';
import { start, takeOver } from './start';

start(takeOver(), pageAdapter());
