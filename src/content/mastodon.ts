// Content script on the Mastodon instances the writer enabled (registered at run time by the
// background: platform/instances.ts). Its own bundle, content-mastodon.js: the Mastodon page
// reader stays off X's and Bluesky's pages.
import { mastodonAdapter } from './mastodon-adapter';
import { start, takeOver } from './start';

start(takeOver(), mastodonAdapter(location.origin));
