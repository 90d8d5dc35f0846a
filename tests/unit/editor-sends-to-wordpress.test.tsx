// @vitest-environment happy-dom
// "Send to WordPress" in the export view, end to end minus the browser: the real handlers and
// store (the harness) behind the view, and a small in-memory WordPress behind the one `call`
// the background makes (users/me, posts, media; recorded answers from tests/fixtures/wordpress).
// The browser's permission is asked in the click itself; the draft reaches the site with its
// kept pictures in the media library; the view says what the send did and links to the draft,
// also when it is opened again; a second send updates that draft; refusals and site errors
// show as alerts; a send in flight cannot be doubled; the password never reaches the page.
import { Blob as NodeBlob } from 'node:buffer';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PublishDeps } from '../../src/background/publish';
import type { Post } from '../../src/model/post';
import { ExportPanel } from '../../src/popup/ExportPanel';
import type { Ask } from '../../src/popup/export/ask';
import type { SendAccess } from '../../src/popup/export/SendToWordPress';
import { describeSend } from '../../src/publish/describe';
import type { SendReport, SendRequest } from '../../src/publish/types';
import { authorization } from '../../src/publish/wordpress';
import { fakeWordPress } from './helpers/fake-wordpress';
import { picturePost } from './helpers/export-pictures';
import { harness, type Harness } from './helpers/editor-harness';

afterEach(cleanup);

const SITE = 'https://blog.example.org';
const USER = 'roundup';
const PASSWORD = 'abcd EFGH 1234 ijkl MNOP 5678';
const SEND = 'Send to WordPress';
const OPEN = 'Open in WordPress';

/** A deferred promise: a test settles it when it wants the site to answer. */
function deferred() {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

// ---- The roundup: a post with every kind of picture (and a quoted post with a photo) ----

const POST: Post = picturePost(0);
const PHOTO = POST.media[0]!.url; // kept
const QUOTED_PHOTO = POST.quoted!.media[0]!.url; // kept
const VIDEO_STILL = POST.media[1]!.posterUrl!; // no copy: fetched from X
const GIF_STILL = POST.media[2]!.posterUrl!; // no copy, and X answers 404: not sent
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 4, 5]);
const STILL = new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 9, 9]);

interface Setup {
  h: Harness;
  wp: ReturnType<typeof fakeWordPress>;
  access: SendAccess & { request: ReturnType<typeof vi.fn> };
  /** Everything in the order it happened: the permission asked, messages sent, the site's requests. */
  order: string[];
  /** The background's answers to "sendToWordPress", in order. */
  reports: SendReport[];
  /** Renders the export view (again). */
  open(): Promise<void>;
}

async function setUp({ granted = true, site = true, password = PASSWORD }: { granted?: boolean; site?: boolean; password?: string } = {}): Promise<Setup> {
  const order: string[] = [];
  const wp = fakeWordPress({ site: SITE, user: USER, password: PASSWORD, order });
  const publishing: PublishDeps = {
    call: wp.call,
    fetchPicture: vi.fn(async (url: string) =>
      url === VIDEO_STILL ? new Response(STILL, { status: 200, headers: { 'content-type': 'image/jpeg' } }) : new Response('', { status: 404 }),
    ),
    maySendTo: async (url) => url === SITE,
    now: () => '2026-12-01T10:00:00.000Z',
  };
  const h = await harness({ publishing });
  await h.store.clip(POST);
  const current = await h.store.currentRoundup();
  await h.store.setRoundupText(current.id, 'title', 'The week on X');
  await h.store.setRoundupText(current.id, 'intro', 'Three things.\n\nAnd a fourth.');
  // Node's Blob: happy-dom's does not survive fake-indexeddb's structured clone, Node's does (as a browser's would).
  const kept = (url: string, type: string, bytes: Uint8Array) =>
    h.store.keepCopy({ url, status: 'kept', type, size: bytes.length, bytes: new NodeBlob([bytes]) as unknown as Blob, keptAt: '2026-11-30T09:00:00.000Z' });
  await kept(PHOTO, 'image/jpeg', JPEG);
  await kept(QUOTED_PHOTO, 'image/png', PNG);
  if (site) await h.store.saveSite({ url: SITE, user: USER, name: 'Rosa Writer', savedAt: '2026-11-01T09:30:00.000Z', applicationPassword: password, pretty: true });

  const access = {
    request: vi.fn((url: string) => {
      order.push(`permission: ${url}`);
      return Promise.resolve(granted);
    }),
  };
  const reports: SendReport[] = [];
  const ask: Ask = async (type, request) => {
    if (type === 'sendToWordPress') order.push('message: sendToWordPress');
    const value = await h.connection.request(type, request);
    if (type === 'sendToWordPress') reports.push(value as SendReport);
    return value;
  };
  const open = async () => {
    const { roundup, posts } = await h.store.loadRoundup(current.id);
    render(
      <ExportPanel
        roundup={roundup}
        posts={Object.fromEntries(posts.map((p) => [p.id, p]))}
        ask={ask}
        files={files}
        readPictures={async () => new Map()}
        siteAccess={Promise.resolve(access)}
      />,
    );
  };
  await open();
  return { h, wp, access, order, reports, open };
}

// The export code, as the built extension loads it from export-files.js.
const files = () => import('../../src/popup/export/files-entry');

const button = () => screen.getByRole('button', { name: SEND }) as HTMLButtonElement;
const note = () => document.getElementById('send-to-wordpress-note')!;
const problem = () => document.getElementById('send-to-wordpress-problem')!;
const sends = (h: Harness) => h.sent.filter((s) => s.type === 'sendToWordPress');
const ready = () => waitFor(() => expect(button().disabled).toBe(false));
const postId = (wp: Setup['wp']) => [...wp.posts.keys()][0]!;
const editUrl = (id: number) => `${SITE}/wp-admin/post.php?post=${id}&action=edit`;

function expectNoPassword() {
  for (const secret of [PASSWORD, PASSWORD.replace(/\s+/g, ''), authorization({ user: USER, applicationPassword: PASSWORD }).slice('Basic '.length)]) {
    expect(document.body.innerHTML).not.toContain(secret);
    expect(document.body.textContent).not.toContain(secret);
  }
}

async function noViolations() {
  // No layout in happy-dom: colour contrast is for the browser tests. The preview's sandboxed
  // frame is checked as a frame (its title), not entered: happy-dom has no frames axe can talk to.
  const result = await axe.run(document.body, { iframes: false, rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('"Send to WordPress" in the export view', () => {
  it('with no site saved: says to add one in Settings, asks no permission and sends nothing', async () => {
    const { h, wp, access } = await setUp({ site: false });
    await ready();
    expect(screen.queryByRole('link', { name: OPEN })).toBeNull();
    fireEvent.click(button());
    expect(problem().getAttribute('role')).toBe('alert');
    expect(problem().textContent).toMatch(/^No WordPress site yet: add yours in Settings \(/);
    expect(problem().textContent).toMatch(/application password/);
    expect(note().textContent).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(access.request).not.toHaveBeenCalled();
    expect(sends(h)).toEqual([]);
    expect(wp.call).not.toHaveBeenCalled();
    expect(button().disabled).toBe(false);
  });

  it('a site saved in Settings while the view was open is found when the editor gets the focus back', async () => {
    const { h } = await setUp({ site: false });
    await ready();
    expect(note().textContent).toBe('');
    await h.store.saveSite({ url: SITE, user: USER, name: 'Rosa Writer', savedAt: '2026-11-01T09:30:00.000Z', applicationPassword: PASSWORD, pretty: true });
    window.dispatchEvent(new Event('focus'));
    await waitFor(() => expect(note().textContent).toBe(`Sends a draft to ${SITE} (never publishes it).`));
  });

  it('sends the draft: permission asked in the click, kept pictures in the media library, what it did said, and a link to edit it', async () => {
    const { h, wp, access, order, reports } = await setUp();
    await ready();
    expect(note().textContent).toBe(`Sends a draft to ${SITE} (never publishes it).`);
    expect(sends(h)).toEqual([]);

    fireEvent.click(button());
    // Still inside the click: the browser only asks during the user's gesture.
    expect(access.request).toHaveBeenCalledTimes(1);
    expect(access.request).toHaveBeenCalledWith(SITE);
    expect(order).toEqual([`permission: ${SITE}`]);
    expect(note().textContent).toBe(`Sending to ${SITE}, with 4 pictures…`);

    const link = await screen.findByRole('link', { name: OPEN });
    expect(order[0]).toBe(`permission: ${SITE}`);
    expect(order[1]).toBe('message: sendToWordPress');
    expect(order.slice(2).every((o) => o.startsWith('site: '))).toBe(true);

    // What reached the site: one draft, its pictures uploaded from the kept copies (and X), none left as media/.
    expect(wp.posts.size).toBe(1);
    const id = postId(wp);
    const sent = wp.posts.get(id)!;
    expect(sent).toMatchObject({ status: 'draft', title: 'The week on X', excerpt: 'Three things.\n\nAnd a fourth.' });
    expect(sent.content).not.toContain('wp:heading');
    expect(sent.content).not.toContain('media/');
    for (const url of [PHOTO, QUOTED_PHOTO, VIDEO_STILL]) expect(sent.content).not.toContain(url.split('?')[0]);
    expect(sent.content.match(/src="https:\/\/blog\.example\.org\/wp-content\/uploads\/[^"]+"/g)).toHaveLength(3);
    // The one X would not give stays pointing at X.
    expect(sent.content).toContain(GIF_STILL);
    expect([...wp.media.values()].map((m) => [m.type, [...m.bytes]])).toEqual([
      ['image/jpeg', [...JPEG]],
      ['image/jpeg', [...STILL]],
      ['image/png', [...PNG]],
    ]);
    const request = sends(h)[0]!.request as SendRequest;
    expect(request.pictures.map((p) => p.url)).toEqual([PHOTO, VIDEO_STILL, GIF_STILL, QUOTED_PHOTO]);

    // What the view says: describeSend's sentence, and the draft's edit screen.
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ made: 'created', uploaded: 3, reused: 0, notSent: [{ url: GIF_STILL }], draft: { postId: id } });
    expect(note().getAttribute('role')).toBe('status');
    expect(note().textContent).toBe(describeSend(reports[0]!));
    expect(note().textContent).toMatch(new RegExp(`^Sent: a new draft on your site \\(post ${id}\\)\\. 3 pictures uploaded\\. 1 picture could not go to the media library and still points at X: `));
    expect(link.getAttribute('href')).toBe(editUrl(id));
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(button().disabled).toBe(false);
    expectNoPassword();
    await noViolations();
  });

  it('opened again, links to the draft at once; sending again updates the same post', async () => {
    const { h, wp, access, reports, open } = await setUp();
    await ready();
    fireEvent.click(button());
    await screen.findByRole('link', { name: OPEN });
    const id = postId(wp);
    cleanup();

    await open();
    // From getPublishState, before any click.
    const link = await screen.findByRole('link', { name: OPEN });
    expect(link.getAttribute('href')).toBe(editUrl(id));
    expect(note().textContent).toBe(`Sends a draft to ${SITE} (never publishes it); sending again updates it.`);
    expect(sends(h)).toHaveLength(1);

    await h.store.setRoundupText((await h.store.currentRoundup()).id, 'title', 'The week on X, revised');
    cleanup();
    await open();
    await ready();
    fireEvent.click(button());
    expect(access.request).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(reports).toHaveLength(2));
    await waitFor(() => expect(note().textContent).toBe(describeSend(reports[1]!)));
    expect(reports[1]).toMatchObject({ made: 'updated', uploaded: 0, reused: 3, draft: { postId: id } });
    expect(note().textContent).toMatch(new RegExp(`^Updated the draft on your site \\(post ${id}\\)\\. 3 pictures already in the media library\\.`));
    expect(wp.posts.size).toBe(1);
    expect(wp.posts.get(id)).toMatchObject({ status: 'draft', title: 'The week on X, revised' });
    expect(wp.media.size).toBe(3);
    expect(screen.getByRole('link', { name: OPEN }).getAttribute('href')).toBe(editUrl(id));
    expectNoPassword();
  });

  it('when the browser does not grant the permission: an alert, and nothing is sent', async () => {
    const { h, wp, access } = await setUp({ granted: false });
    await ready();
    fireEvent.click(button());
    expect(access.request).toHaveBeenCalledWith(SITE);
    await waitFor(() => expect(problem().textContent).toBe(`Roundup may not reach ${SITE}: allow it when your browser asks, then send again.`));
    expect(problem().getAttribute('role')).toBe('alert');
    expect(note().textContent).toBe('');
    await waitFor(() => expect(button().disabled).toBe(false));
    expect(sends(h)).toEqual([]);
    expect(wp.call).not.toHaveBeenCalled();
    expect(screen.queryByRole('link', { name: OPEN })).toBeNull();
  });

  it('when the site refuses (a 401): its reason in an alert, the button usable again, no link, no password', async () => {
    const { h, wp } = await setUp({ password: 'zzzz zzzz zzzz zzzz zzzz zzzz' });
    await ready();
    fireEvent.click(button());
    await waitFor(() => expect(problem().textContent).toMatch(/WordPress did not accept the user name and application password/));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(problem().textContent);
    expect(note().textContent).toBe('');
    expect(button().disabled).toBe(false);
    expect(sends(h)).toHaveLength(1);
    expect(wp.posts.size).toBe(0);
    expect(wp.media.size).toBe(0);
    expect(screen.queryByRole('link', { name: OPEN })).toBeNull();
    expect(document.body.innerHTML).not.toContain('zzzz zzzz');
    expectNoPassword();
    await noViolations();
  });

  it('while a send is on its way: the button is off, a second click does nothing, and one draft is made', async () => {
    const { h, wp, access } = await setUp();
    const held = deferred();
    wp.holdDrafts(held.promise);
    await ready();
    fireEvent.click(button());
    expect(button().disabled).toBe(true);
    await waitFor(() => expect(wp.requests.some((r) => r.method === 'POST' && r.url.endsWith('/wp/v2/posts'))).toBe(true));
    expect(button().disabled).toBe(true);
    expect(note().textContent).toBe(`Sending to ${SITE}, with 4 pictures…`);
    fireEvent.click(button());
    expect(access.request).toHaveBeenCalledTimes(1);
    expect(sends(h)).toHaveLength(1);
    await noViolations();

    held.release();
    await screen.findByRole('link', { name: OPEN });
    expect(button().disabled).toBe(false);
    expect(wp.posts.size).toBe(1);
    expect(wp.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/wp/v2/posts'))).toHaveLength(1);
    expect(sends(h)).toHaveLength(1);
  });
});
