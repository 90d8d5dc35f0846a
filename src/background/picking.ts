// Ways of picking posts that start in the background: the context menu on post links, the
// keyboard commands, and telling x.com tabs when clips or settings change.
import type { Handlers } from './router';
import { startCommands } from './commands';
import { startContextMenu } from './context-menu';

export { withTabNotices } from './broadcast';

export function startPicking(handlers: Handlers): void {
  startContextMenu(handlers);
  startCommands();
}
