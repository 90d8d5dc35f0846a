// Typed sending over the one message map. A reply with `ok: false` becomes a thrown Error
// carrying the background's own clear message.
import { browser } from './index';
import type { MessageType, Reply, Request, Response } from '../messages';

export async function send<T extends MessageType>(type: T, request: Request<T>): Promise<Response<T>> {
  let reply: Reply<T> | undefined;
  try {
    reply = (await browser.runtime.sendMessage({ type, ...request })) as Reply<T> | undefined;
  } catch (e) {
    throw new Error(`Roundup's background could not be reached: ${(e as Error).message}`);
  }
  if (!reply || typeof reply !== 'object') throw new Error('Roundup\'s background gave no answer.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
