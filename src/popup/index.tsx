// Starts the editor. The roundup is read at once, alongside the first render; the Port to the
// background opens right after it shows, and the page asks the browser to keep its storage
// (drafts must not be evicted under storage pressure).
import { render } from 'preact';
import { App } from './App';
import { browserHost } from './browser-host';
import { trackPlace } from './caret';
import { connect } from './connection';
import { warmUp } from './editor-db';
import type { Home } from './host';
import { localizePage } from '../platform/i18n';

const firstRead = warmUp();
const asked = new URLSearchParams(location.search).get('home') ?? document.body.dataset.home;
const home: Home = asked === 'tab' || asked === 'panel' ? asked : 'popup';
localizePage('extName'); // lang, dir and title in the writer's language
trackPlace();
const root = document.getElementById('app');
if (root) render(<App connection={connect(firstRead)} host={browserHost(home)} />, root);
void firstRead.finally(() => navigator.storage?.persist?.().catch(() => false));
