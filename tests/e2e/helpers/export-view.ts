// What the export scenario needs of a browser beyond the shared Driver: the export view's
// controls, the clipboard, the downloaded file and the preview frame. One implementation per
// browser (export-chromium.ts, export-firefox.ts), so the scenario is written once.
import type { Driver } from './driver.js';
import type { EvalPage } from './picking.js';

/** The clipboard's flavours after Copy; `html` is null when only text was put there. */
export interface Clipboard {
  plain: string;
  html: string | null;
}

export interface ExportView {
  driver: Driver;
  /** The x.com tab and the editor tab, to run a few lines in (as the picking tests do). */
  x(): EvalPage;
  editor(): EvalPage;
  /** Presses "Export" in the editor and waits for the "Export format" select. */
  openExport(): Promise<void>;
  /** Picks the option with this label in "Export format". */
  chooseFormat(label: string): Promise<void>;
  /** The "Export format" select's chosen label. */
  chosenFormat(): Promise<string>;
  /** The "Export output" textbox's value. */
  output(): Promise<string>;
  /** Presses "Copy" and reads the clipboard back. */
  copy(): Promise<Clipboard>;
  /** Presses "Download" and reads the file the browser saved (as text, and its bytes). */
  download(): Promise<{ name: string; text: string; bytes: Buffer }>;
  /** Ticks (or unticks) the checkbox with this exact name in the export view. */
  tick(name: string): Promise<void>;
  /** Chooses this file in "Import backup". */
  importFile(path: string): Promise<void>;
  /** The import's result message, or '' while there is none. */
  importMessage(): Promise<string>;
  /**
   * The preview frame's sandbox attribute, how many loads its page attempted (resource
   * timing), how many images it has and its text; null without a preview.
   */
  preview(): Promise<{ sandbox: string | null; fetched: number; images: number; text: string } | null>;
}
