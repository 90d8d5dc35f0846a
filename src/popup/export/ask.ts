// How the export view asks the background for something: the typed one-shot message. A prop
// with this default, so the view is tested with a stand-in and no browser. The platform is
// loaded on first use, not at import: webextension-polyfill throws when loaded outside an
// extension, and the editor's views are imported by tests that never open the export.
import type { MessageType, Request, Response } from '../../messages';

export type Ask = <T extends MessageType>(type: T, request: Request<T>) => Promise<Response<T>>;

export const askBackground: Ask = async (type, request) => (await import('../../platform/messaging')).send(type, request);
