// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Options } from '../../src/options/Options';
import { harness } from './helpers/editor-harness';

afterEach(cleanup);

describe('the settings page', () => {
  it('stores each setting as it is changed', async () => {
    const h = await harness();
    render(<Options connection={h.connection} />);
    const signature = (await screen.findByRole('textbox', { name: 'Signature' })) as HTMLTextAreaElement;
    fireEvent.input(signature, { target: { value: 'About the author\n\nJohn Lynn is the Founder of HealthcareScene.com.' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Default export format' }), { target: { value: 'markdown' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /Include X’s embed script/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /do-not-track/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'Dark embeds' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /front matter/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Show photos as images/ }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Pictures point to' }), { target: { value: 'files' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /Show “Clip post” buttons on x.com/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Show “Clip post” buttons on bsky.app/ }));
    await waitFor(async () =>
      expect(await h.store.getSettings()).toEqual({
        signature: 'About the author\n\nJohn Lynn is the Founder of HealthcareScene.com.',
        defaultFormat: 'markdown',
        includeEmbedScript: false,
        doNotTrack: false,
        theme: 'dark',
        markdownFrontMatter: true,
        markdownImages: false,
        keepCopies: true,
        pictures: 'files',
        inlineButtons: { x: false, bluesky: false },
      }),
    );
  });

  it('shows the stored settings when it opens', async () => {
    const h = await harness();
    await h.store.updateSettings({ signature: 'Kept', defaultFormat: 'wordpress', theme: 'dark' });
    render(<Options connection={h.connection} />);
    expect(((await screen.findByRole('textbox', { name: 'Signature' })) as HTMLTextAreaElement).value).toBe('Kept');
    expect((screen.getByRole('combobox', { name: 'Default export format' }) as HTMLSelectElement).value).toBe('wordpress');
    expect((screen.getByRole('radio', { name: 'Dark embeds' }) as HTMLInputElement).checked).toBe(true);
  });
});

describe('the inline buttons setting, per site', () => {
  it('a settings change naming only X (as written before Bluesky) gives Bluesky the same; unknown sites are refused', async () => {
    const { parseSettingsPatch } = await import('../../src/model/settings');
    expect(parseSettingsPatch({ inlineButtons: { x: false } })).toEqual({ ok: true, value: { inlineButtons: { x: false, bluesky: false } } });
    expect(parseSettingsPatch({ inlineButtons: { x: true, bluesky: false } })).toEqual({ ok: true, value: { inlineButtons: { x: true, bluesky: false } } });
    expect(parseSettingsPatch({ inlineButtons: { x: true, myspace: true } })).toMatchObject({ ok: false });
    expect(parseSettingsPatch({ inlineButtons: { bluesky: true } })).toMatchObject({ ok: false });
  });
});
