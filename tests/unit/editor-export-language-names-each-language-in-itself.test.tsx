// @vitest-environment happy-dom
// "Export language" (src/popup/RoundupLanguage.tsx): a labelled select of the languages the
// exports have words for, each named in itself, showing the roundup's language and reporting
// the writer's choice; it asks nothing of the store (the editor wires it).
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RoundupLanguage, languageName } from '../../src/popup/RoundupLanguage';

afterEach(cleanup);

const select = () => screen.getByRole('combobox', { name: 'Export language' }) as HTMLSelectElement;
const options = () => [...select().options].map((o) => [o.value, o.textContent, o.lang]);

describe('the export language select', () => {
  it('offers every language the exports have words for, each named in itself', () => {
    render(<RoundupLanguage value="de" onChange={() => {}} />);
    expect(options()).toEqual([
      ['en', 'English', 'en'], ['de', 'Deutsch', 'de'], ['es', 'Español', 'es'], ['fr', 'Français', 'fr'],
      ['ja', '日本語', 'ja'], ['pt-BR', 'Português (Brasil)', 'pt-BR'], ['ar', 'العربية', 'ar'],
    ]);
    expect(select().value).toBe('de');
  });

  it('reports the language chosen, and nothing before', () => {
    const onChange = vi.fn();
    render(<RoundupLanguage value="en" onChange={onChange} />);
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(select(), { target: { value: 'ja' } });
    expect(onChange).toHaveBeenCalledWith('ja');
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('shows English for a roundup made before languages, which exports in English', () => {
    render(<RoundupLanguage value={undefined} onChange={() => {}} />);
    expect(select().value).toBe('en');
    expect(select().options).toHaveLength(7);
  });

  it('shows a roundup’s language the exports have no words for as one more choice, named in itself', () => {
    render(<RoundupLanguage value="he" onChange={() => {}} />);
    expect(select().value).toBe('he');
    expect(options().at(-1)).toEqual(['he', 'עברית', 'he']);
  });

  it('can be disabled while the roundup loads', () => {
    render(<RoundupLanguage value="fr" onChange={() => {}} disabled />);
    expect(select().disabled).toBe(true);
  });
});

describe('a language’s name', () => {
  it('is its tag where the engine has no name for it', () => {
    expect(languageName('qaa')).toBe('qaa');
  });

  it('is its tag where the engine refuses the tag', () => {
    expect(languageName('not a tag')).toBe('not a tag');
  });
});
