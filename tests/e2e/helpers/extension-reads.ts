// What the end-to-end scenarios read back from the extension and its exports, written once:
// a message to the background from the editor page (as the editor's own code sends them), the
// whole database as the JSON backup has it, and a few ways to look into HTML parse5 parsed.
import { parse } from 'parse5';
import type { BackupData } from '../../../src/export';
import type { EvalPage } from './picking.js';

type ApiHolder = { browser?: { runtime: { sendMessage(m: object): Promise<unknown> } }; chrome?: ApiHolder['browser'] };
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; transient?: boolean };

/** A message to the background from the editor page. */
export const send = <T>(editor: EvalPage, message: object): Promise<Reply<T>> =>
  editor.evaluate((m) => ((globalThis as ApiHolder).browser ?? (globalThis as ApiHolder).chrome)!.runtime.sendMessage(m), message) as Promise<Reply<T>>;

/** The whole database, as the background exports it, asked from the editor page. */
export async function backup(editor: EvalPage): Promise<BackupData> {
  const reply = await send<BackupData>(editor, { type: 'exportAll' });
  if (!reply.ok) throw new Error(`exportAll: ${reply.error}`);
  return reply.value;
}

/** A node of parse5's tree, as far as the scenarios look. */
export interface Node { nodeName: string; value?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; content?: Node }
export const attr = (n: Node, name: string) => n.attrs?.find((a) => a.name === name)?.value;
export const hasClass = (n: Node, c: string) => (attr(n, 'class') ?? '').split(/\s+/).includes(c);
export const textOf = (n: Node): string => (n.nodeName === '#text' ? (n.value ?? '') : (n.childNodes ?? []).map(textOf).join(''));

/** The nodes under `root` (markup, or a node parsed from it) that `keep` keeps, in document order. */
export function all(root: string | Node, keep: (n: Node) => boolean): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    if (keep(n)) out.push(n);
    n.childNodes?.forEach(walk);
  };
  walk(typeof root === 'string' ? (parse(root) as unknown as Node) : root);
  return out;
}
