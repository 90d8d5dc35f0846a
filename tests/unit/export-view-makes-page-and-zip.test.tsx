// @vitest-environment happy-dom
// The export view's two file formats and its picture choice: "Web page (self-contained)" and
// "Archive (.zip)" sum up the file in "Export output" and "Download" saves the file itself
// (Copy is for text); "Pictures" switches HTML, Markdown and WordPress between links to X
// and files beside the export. The kept pictures come from the function the view is given.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { ExportPanel } from '../../src/popup/ExportPanel';
import type { Ask } from '../../src/popup/export/ask';
import type { ReadPictures } from '../../src/popup/export/read-pictures';
import { renderPage } from '../../src/export/page';
import { mediaFileName } from '../../src/export/pictures';
import { DEFAULT_SETTINGS, type Settings } from '../../src/model/settings';
import { allUrls, copiesOf, only, pictureInput, picturePost } from './helpers/export-pictures';
import { captureDownloads } from './helpers/downloads';

const files = () => import('../../src/popup/export/files-entry');
const input = pictureInput(2);
const urls = allUrls(input);
const copies = copiesOf(urls);
// Two photos have no copy.
const kept = only(copies, (url) => url !== picturePost(0).media[0]!.url && url !== picturePost(1).media[0]!.url);

const saved = captureDownloads();

function setUp(settings: Partial<Settings> = {}, read: ReadPictures = async () => kept) {
  const asked: string[][] = [];
  const readPictures: ReadPictures = (wanted) => {
    asked.push(wanted);
    return read(wanted);
  };
  const ask = (async (type: string) => {
    if (type === 'getSettings') return { ...DEFAULT_SETTINGS, signature: input.settings.signature, ...settings };
    throw new Error(`not in this test: ${type}`);
  }) as Ask;
  render(<ExportPanel roundup={input.roundup} posts={input.posts} ask={ask} readPictures={readPictures} files={files} />);
  return { asked };
}

const format = () => screen.getByRole('combobox', { name: 'Export format' }) as HTMLSelectElement;
const output = () => (screen.getByRole('textbox', { name: 'Export output' }) as HTMLTextAreaElement).value;
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;
const message = () => document.querySelector('.export__actions [role="status"]')!.textContent;
const choose = (value: string) => fireEvent.change(format(), { target: { value } });

describe('the file formats', () => {
  it('are options of "Export format" by their names', async () => {
    setUp();
    const labels = [...format().options].map((o) => o.textContent);
    expect(labels).toEqual(['HTML', 'Markdown', 'WordPress', 'Plain text', 'JSON backup', 'Web page (self-contained)', 'Archive (.zip)']);
  });

  it('"Web page (self-contained)": a summary in "Export output", Copy off, Download saves the page with the kept pictures inside', async () => {
    const { asked } = setUp();
    choose('page');
    await waitFor(() => expect(output()).toMatch(/^A web page of \d+ KB with 13 pictures inside it\./));
    expect(asked).toEqual([urls]);
    expect(output()).toContain('2 pictures have no copy and show as words: [Photo: A photo 0');
    expect(button('Copy').disabled).toBe(true);
    expect(message()).toBe('Copy is for the text formats: download this file.');
    await waitFor(() => expect(button('Download').disabled).toBe(false));
    fireEvent.click(button('Download'));
    expect(message()).toBe('Downloaded pictures-friends.page.html.');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.type).toBe('text/html;charset=utf-8');
    expect(await saved[0]!.text()).toBe(renderPage({ ...input, settings: { ...DEFAULT_SETTINGS, signature: input.settings.signature } }, kept));
  });

  it('"Archive (.zip)": a summary, and Download saves the zip, binary, its pictures in media/', async () => {
    setUp();
    choose('zip');
    await waitFor(() => expect(output()).toMatch(/^A zip of \d+ KB: index\.html \(the page\), roundup\.md, roundup\.json and 13 pictures in media\/\./));
    await waitFor(() => expect(button('Download').disabled).toBe(false));
    fireEvent.click(button('Download'));
    expect(saved[0]!.type).toBe('application/zip');
    const zip = unzipSync(new Uint8Array(await saved[0]!.arrayBuffer()));
    expect(Object.keys(zip).filter((n) => n.startsWith('media/'))).toHaveLength(kept.size);
    expect(message()).toBe('Downloaded pictures-friends.zip.');
  });

  it('says so when the kept pictures cannot be read, and still makes the file (pictures as words)', async () => {
    setUp({}, async () => {
      throw new Error('the database is closed');
    });
    choose('page');
    await waitFor(() => expect(output()).toMatch(/^A web page of \d+ KB with no pictures inside it\. The kept pictures could not be read \(the database is closed\)\./));
  });

  it('opens in the default format the user chose, even a file format', async () => {
    setUp({ defaultFormat: 'zip' });
    await waitFor(() => expect(format().value).toBe('zip'));
    await waitFor(() => expect(output()).toMatch(/^A zip of/));
  });
});

describe('"Pictures"', () => {
  it('links to X by default; "Files beside the export" names the kept copies as media/ files, the rest as words', async () => {
    const { asked } = setUp();
    await waitFor(() => expect(output()).toContain('<img src="https://pbs.twimg.com/'));
    expect(asked).toEqual([]); // linked to X: no picture is read
    const pictures = screen.getByRole('combobox', { name: 'Pictures' }) as HTMLSelectElement;
    expect([...pictures.options].map((o) => o.textContent)).toEqual(['Link to X', 'Files beside the export']);
    fireEvent.change(pictures, { target: { value: 'files' } });
    await waitFor(() => expect(output()).toContain('<img src="media/'));
    expect(output()).not.toContain('pbs.twimg.com');
    const still = picturePost(0).media[1]!.posterUrl!;
    expect(output()).toContain(`<img src="media/${mediaFileName(still, kept.get(still)!.type)}"`);
    expect(output()).toContain('[Image: A photo 0');
    choose('markdown');
    await waitFor(() => expect(output()).toContain('](media/'));
    choose('text');
    await waitFor(() => expect(screen.queryByRole('combobox', { name: 'Pictures' })).toBeNull());
  });

  it('starts from the user\'s setting', async () => {
    setUp({ pictures: 'files', defaultFormat: 'wordpress' });
    await waitFor(() => expect(output()).toContain('<img src="media/'));
    expect((screen.getByRole('combobox', { name: 'Pictures' }) as HTMLSelectElement).value).toBe('files');
  });
});
