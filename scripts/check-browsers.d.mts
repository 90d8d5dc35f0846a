// Types for scripts/check-browsers.mjs (plain JS, so that CI can run it before `npm ci`).
export type BrowserKey = 'chromium' | 'firefox';

export declare const MINIMUM: Readonly<Record<BrowserKey, number>>;
export declare const BROWSERS: Readonly<Record<BrowserKey, Readonly<{ name: string; env: string; defaultPath: string; pkg: string }>>>;
export declare const UPGRADE_COMMAND: string;
export declare function installCommand(packages: string[]): string;

export declare function parseBrowserVersion(browser: BrowserKey, output: string): { version: string; major: number } | null;

export interface BrowserCheck {
  browser: BrowserKey;
  name: string;
  path: string;
  env: string;
  pkg: string;
  needed: number;
  found: string | null;
  ok: boolean;
  problem?: 'missing' | 'unreadable' | 'old';
  detail?: string;
}

export declare function checkBrowsers(options?: { env?: Record<string, string | undefined>; timeoutMs?: number }): Promise<{
  ok: boolean;
  results: BrowserCheck[];
  message: string;
}>;
