// Content script on x.com / twitter.com: wiring only. Features start with an AbortSignal so a
// re-injected script (extension update) can take the old one's place cleanly.
import { startClipButtons } from './clip-buttons';

const KEY = '__roundupContent';
const global = globalThis as typeof globalThis & { [KEY]?: AbortController };
global[KEY]?.abort();
const controller = new AbortController();
global[KEY] = controller;

startClipButtons(controller.signal);
