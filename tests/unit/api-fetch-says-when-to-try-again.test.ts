// The one GET on a network's public API: no cookies, no referrer; and when it is told to wait,
// when to try again — Retry-After where it can be read, else Mastodon's X-RateLimit-Reset (the
// only rate-limit header Mastodon's API exposes to another origin).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiUnreachable, getApi } from '../../src/platform/api-fetch';

afterEach(() => vi.unstubAllGlobals());

describe('getApi', () => {
  it('asks without cookies or referrer, and hands back the answer as text', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response('{"ok":1}', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    expect(await getApi('https://public.api.bsky.app/xrpc/x')).toEqual({ status: 200, body: '{"ok":1}' });
    expect(fetch.mock.calls[0]![1]).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
  });

  it('a 429 says when to try again: Retry-After, else X-RateLimit-Reset', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 429, headers: { 'retry-after': '30' } })));
    expect((await getApi('https://a.example/')).retryAfter).toBe('30');
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 429, headers: { 'x-ratelimit-reset': '2026-11-29T14:35:00.123456Z' } })));
    expect((await getApi('https://a.example/')).retryAfter).toBe('2026-11-29T14:35:00.123456Z');
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 200, headers: { 'x-ratelimit-reset': '2026-11-29T14:35:00Z' } })));
    expect((await getApi('https://a.example/')).retryAfter).toBeUndefined();
  });

  it('a network failure is ApiUnreachable, with the reason', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    await expect(getApi('https://a.example/')).rejects.toEqual(new ApiUnreachable('Failed to fetch'));
  });
});
