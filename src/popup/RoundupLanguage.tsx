// "Export language": the language a roundup's exports write their dates and few fixed words in
// (model/language.ts, export/locale.ts). Each language is named in itself ("Deutsch", "日本語"),
// so a writer finds theirs whatever the editor's own language. Props in, a callback out: the
// editor stores the choice.
import { EXPORT_LANGUAGES, DEFAULT_LANGUAGE } from '../model/language';
import { t } from '../platform/i18n';

/** `tag` named in its own language, its first letter capitalised as in a menu; the tag itself where the engine has no name. */
export function languageName(tag: string): string {
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
    if (name && name !== tag) return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    // no Intl.DisplayNames, or a tag it refuses: the tag
  }
  return tag;
}

export interface RoundupLanguageProps {
  /** The roundup's language; absent for a roundup made before languages, which exports in English. */
  value: string | undefined;
  onChange(language: string): void;
  disabled?: boolean;
}

export function RoundupLanguage({ value, onChange, disabled = false }: RoundupLanguageProps) {
  const current = value ?? DEFAULT_LANGUAGE;
  // A language the exports have no words for (the browser's, when the roundup was made) is still
  // the roundup's: offered too, so the select shows what the exports follow.
  const tags: readonly string[] = (EXPORT_LANGUAGES as readonly string[]).includes(current) ? EXPORT_LANGUAGES : [...EXPORT_LANGUAGES, current];
  return (
    <label class="roundup-language">
      {t('exportLanguage')}
      <select value={current} disabled={disabled} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {tags.map((tag) => (
          <option key={tag} value={tag} lang={tag}>
            {languageName(tag)}
          </option>
        ))}
      </select>
    </label>
  );
}
