// @vitest-environment happy-dom
// Settings: "WordPress site". The real handlers and store (the harness) answer the page, and a
// small fake WordPress answers "who am I" with the recorded answers (tests/fixtures/wordpress):
// the right application password gets users-me.json, any other users-me-401.json.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Options } from '../../src/options/Options';
import type { SiteAccess } from '../../src/options/WordPressSite';
import type { PublishDeps } from '../../src/background/publish';
import type { Call } from '../../src/publish/connect';
import { authorization } from '../../src/publish/wordpress';
import { harness, type Harness } from './helpers/editor-harness';

afterEach(cleanup);

// happy-dom lacks HTMLElement.spellcheck; browsers reflect it as the attribute, and Preact sets it
// as a property where it exists. Given the browser's reflection, the test sees what a browser shows.
if (!('spellcheck' in HTMLElement.prototype)) {
  Object.defineProperty(HTMLElement.prototype, 'spellcheck', {
    get(this: HTMLElement) {
      return this.getAttribute('spellcheck') !== 'false';
    },
    set(this: HTMLElement, on: boolean) {
      this.setAttribute('spellcheck', String(on));
    },
  });
}

const SITE = 'https://wp.test';
const USER = 'roundup';
const PASSWORD = 'abcd EFGH 1234 ijkl MNOP 5678';

interface Recorded {
  response: { status: number; body: unknown };
}
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/wordpress');
const recorded = (name: string): Recorded['response'] => (JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Recorded).response;

/** A WordPress at wp.test whose user "roundup" has PASSWORD; `gate` holds every answer back until it settles. */
function wordpress({ canUpload = true, gate }: { canUpload?: boolean; gate?: Promise<unknown> } = {}) {
  const asked: string[] = [];
  const call: Call = async (request) => {
    asked.push(request.url);
    await gate;
    const url = new URL(request.url);
    const route = url.searchParams.get('rest_route') ?? url.pathname.replace(/^\/wp-json/, '');
    if (url.host !== 'wp.test') throw new Error('no such host');
    if (route !== '/wp/v2/users/me' || url.searchParams.get('context') !== 'edit') {
      return { status: 404, body: JSON.stringify({ code: 'rest_no_route', message: 'No route', data: { status: 404 } }), url: request.url };
    }
    const right = request.headers.Authorization === authorization({ user: USER, applicationPassword: PASSWORD });
    const answer = recorded(right ? 'users-me.json' : 'users-me-401.json');
    const body = structuredClone(answer.body) as { capabilities?: Record<string, boolean> };
    if (right && !canUpload && body.capabilities) body.capabilities.upload_files = false;
    return { status: answer.status, body: JSON.stringify(body), url: request.url };
  };
  const publishing: PublishDeps = {
    call,
    fetchPicture: () => Promise.reject(new Error('no pictures here')),
    maySendTo: async (siteUrl) => siteUrl === SITE,
    now: () => '2026-03-01T10:00:00.000Z',
  };
  return { publishing, asked };
}

function access(granted = true): SiteAccess & { request: ReturnType<typeof vi.fn>; remove: ReturnType<typeof vi.fn> } {
  return { request: vi.fn(async () => granted), remove: vi.fn(async () => {}) };
}

/** The settings page, and its "WordPress site" fieldset once it shows. */
async function open(h: Harness, siteAccess: SiteAccess) {
  render(<Options connection={h.connection} siteAccess={siteAccess} />);
  const legend = await screen.findByText('WordPress site', { selector: 'legend' });
  return within(legend.closest('fieldset') as HTMLElement);
}

const box = (name: string) => screen.getByLabelText(name) as HTMLInputElement;

function fill(url: string, user = USER, password = PASSWORD) {
  fireEvent.input(box('Site address'), { target: { value: url } });
  fireEvent.input(box('User name'), { target: { value: user } });
  fireEvent.input(box('Application password'), { target: { value: password } });
}

const sentTypes = (h: Harness) => h.sent.map((s) => s.type);

async function savedSite(h: Harness) {
  await h.store.saveSite({ url: SITE, user: USER, name: 'Rosa Writer', savedAt: '2026-02-01T09:30:00.000Z', applicationPassword: PASSWORD, pretty: true });
}

describe('"WordPress site" in Settings', () => {
  it('has each field and button once, by the names the page promises, with hints on what to type', async () => {
    const h = await harness();
    const form = await open(h, access());
    for (const name of ['Site address', 'User name']) expect(screen.getAllByRole('textbox', { name })).toHaveLength(1);
    expect(screen.getAllByLabelText('Application password')).toHaveLength(1);
    const password = box('Application password');
    expect(password).toMatchObject({ type: 'password', autocomplete: 'off' });
    expect(password.getAttribute('spellcheck')).toBe('false');
    expect(document.querySelector(`label[for="${password.id}"]`)?.textContent).toBe('Application password');
    expect(box('Site address')).toMatchObject({ type: 'url', autocomplete: 'url' });
    expect(box('User name')).toMatchObject({ type: 'text', autocomplete: 'username' });
    for (const name of ['Check connection', 'Save site']) expect(screen.getAllByRole('button', { name })).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Remove site' })).toBeNull();

    const hint = (input: HTMLElement) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
    expect(hint(password)).toMatch(/Users → Profile → Application Passwords/);
    expect(hint(password)).toMatch(/WordPress 5\.6/);
    expect(hint(password)).toMatch(/Not the password you sign in with/);
    expect(hint(box('Site address'))).toMatch(/https:\/\/ unless the site is on this computer/);
    expect(hint(box('Site address'))).toMatch(/permission to reach this site alone/);
    expect(form.getByRole('status').textContent).toBe('');
  });

  it('"Check connection" asks the browser in the click, says "Checking…" meanwhile, then who it connected as — and stores nothing', async () => {
    let answer!: () => void;
    const wp = wordpress({ gate: new Promise<void>((resolve) => (answer = resolve)) });
    const h = await harness({ publishing: wp.publishing });
    const site = access();
    const form = await open(h, site);
    fill('wp.test/');
    fireEvent.click(form.getByRole('button', { name: 'Check connection' }));
    expect(site.request).toHaveBeenCalledWith(SITE); // before any await: the browser asks only then

    await waitFor(() => expect(form.getByRole('status').textContent).toBe('Checking…'));
    expect(form.getByRole('button', { name: 'Check connection' })).toHaveProperty('disabled', true);
    expect(form.getByRole('button', { name: 'Save site' })).toHaveProperty('disabled', true);
    answer();

    await waitFor(() => expect(form.getByRole('status').textContent).toBe(`Connected to ${SITE} as roundup.`));
    expect(form.getByRole('alert').textContent).toBe('');
    expect(form.getByRole('button', { name: 'Save site' })).toHaveProperty('disabled', false);
    expect(wp.asked[0]).toBe(`${SITE}/wp-json/wp/v2/users/me?context=edit`);
    expect(sentTypes(h)).toContain('checkWordPressSite');
    expect(await h.store.savedSite()).toBeUndefined();
    expect(box('Application password').value).toBe(PASSWORD);
  });

  it('says pictures will link to X when the user may not upload', async () => {
    const h = await harness({ publishing: wordpress({ canUpload: false }).publishing });
    const form = await open(h, access());
    fill(SITE);
    fireEvent.click(form.getByRole('button', { name: 'Check connection' }));
    await waitFor(() => expect(form.getByRole('status').textContent).toMatch(/^Connected to https:\/\/wp\.test as roundup\. .*may not upload pictures.*link to X/));
  });

  it('a wrong application password is said in an alert, in WordPress’s own terms', async () => {
    const h = await harness({ publishing: wordpress().publishing });
    const form = await open(h, access());
    fill(SITE, USER, 'my login password');
    fireEvent.click(form.getByRole('button', { name: 'Check connection' }));
    const alert = form.getByRole('alert');
    await waitFor(() => expect(alert.textContent).toMatch(/WordPress did not accept the user name and application password/));
    expect(alert.textContent).toMatch(/the password you sign in with does not work here/);
    expect(form.getByRole('status').textContent).toBe('');
    expect(await h.store.savedSite()).toBeUndefined();
  });

  it('"Save site" keeps the site with its password in the store, lists it, and empties the password field', async () => {
    const h = await harness({ publishing: wordpress().publishing });
    const site = access();
    const form = await open(h, site);
    fill(`${SITE}/wp-admin/`);
    fireEvent.click(form.getByRole('button', { name: 'Save site' }));
    expect(site.request).toHaveBeenCalledWith(SITE);
    await waitFor(() => expect(form.getByRole('status').textContent).toBe(`Saved. “Send to WordPress” in the editor now sends to ${SITE}.`));

    expect(await h.store.savedSite()).toMatchObject({ url: SITE, user: USER, name: 'roundup', applicationPassword: PASSWORD });
    expect(form.getByRole('link', { name: SITE }).getAttribute('href')).toBe(SITE);
    expect(form.getAllByRole('button', { name: 'Remove site' })).toHaveLength(1);
    expect(box('Application password').value).toBe('');
    expect(box('Site address').value).toBe(`${SITE}/wp-admin/`);
    expect(box('User name').value).toBe(USER);
    for (const secret of [PASSWORD, PASSWORD.replace(/\s/g, '')]) {
      expect(document.body.textContent).not.toContain(secret);
      expect(document.body.innerHTML).not.toContain(secret);
    }
  });

  it('lists the saved site when the page opens, never its password, and says saving replaces it', async () => {
    const h = await harness();
    await savedSite(h);
    const form = await open(h, access());
    const link = await form.findByRole('link', { name: SITE });
    const listing = link.closest('div') as HTMLElement;
    expect(listing.textContent).toMatch(/as roundup \(Rosa Writer\), saved .*2026/);
    expect(listing.textContent).toMatch(/replaces this one/);
    await waitFor(() => expect(box('Site address').value).toBe(SITE));
    expect(box('User name').value).toBe(USER);
    expect(box('Application password').value).toBe('');
    expect(document.body.innerHTML).not.toContain(PASSWORD);
    expect(sentTypes(h)).toContain('getPublishState');
  });

  it('when the browser does not let Roundup reach the site, sends nothing and says so', async () => {
    const wp = wordpress();
    const h = await harness({ publishing: wp.publishing });
    const refused = access(false);
    const form = await open(h, refused);
    fill(SITE);
    fireEvent.click(form.getByRole('button', { name: 'Save site' }));
    expect(refused.request).toHaveBeenCalledWith(SITE);
    await waitFor(() => expect(form.getByRole('alert').textContent).toMatch(/^Roundup may not reach https:\/\/wp\.test — nothing was saved\./));
    fireEvent.click(form.getByRole('button', { name: 'Check connection' }));
    await waitFor(() => expect(form.getByRole('alert').textContent).toMatch(/— nothing was checked\./));
    expect(sentTypes(h)).not.toContain('saveWordPressSite');
    expect(sentTypes(h)).not.toContain('checkWordPressSite');
    expect(wp.asked).toEqual([]);
    expect(await h.store.savedSite()).toBeUndefined();
  });

  it('a bad address is refused at once with siteAddress’s reason: no permission asked, nothing sent', async () => {
    const h = await harness({ publishing: wordpress().publishing });
    const site = access();
    const form = await open(h, site);
    fill('ftp://wp.test');
    fireEvent.click(form.getByRole('button', { name: 'Save site' }));
    expect(form.getByRole('alert').textContent).toBe('The site address must start with https:// (or http:// for a site on this computer).');
    fill('https://me:secret@wp.test');
    fireEvent.click(form.getByRole('button', { name: 'Check connection' }));
    expect(form.getByRole('alert').textContent).toMatch(/without a user name or password in it/);
    expect(site.request).not.toHaveBeenCalled();
    expect(sentTypes(h).filter((t) => t !== 'getPublishState' && t !== 'getSettings' && t !== 'getCopiesSummary')).toEqual([]);
  });

  it('"Remove site" forgets the site, gives the permission back, and says the drafts stay on the site', async () => {
    const h = await harness();
    await savedSite(h);
    const site = access();
    const form = await open(h, site);
    fireEvent.click(await form.findByRole('button', { name: 'Remove site' }));
    await waitFor(() => expect(form.queryByRole('button', { name: 'Remove site' })).toBeNull());
    expect(form.queryByRole('link', { name: SITE })).toBeNull();
    await waitFor(() => expect(site.remove).toHaveBeenCalledWith(SITE));
    expect(await h.store.savedSite()).toBeUndefined();
    await waitFor(() => expect(form.getByRole('status').textContent).toMatch(/drafts and pictures already sent stay on the site/));
    expect(sentTypes(h)).toContain('removeWordPressSite');
  });

  it('has no accessibility violations, with a site saved and an error shown', async () => {
    const h = await harness();
    await savedSite(h);
    const form = await open(h, access());
    await form.findByRole('button', { name: 'Remove site' });
    fill('ftp://wp.test');
    fireEvent.click(form.getByRole('button', { name: 'Check connection' }));
    expect(form.getByRole('alert').textContent).not.toBe('');
    // No layout in happy-dom: colour contrast is for the browser tests.
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
