// X's own wording of the few labels that capture reads as words, in every language below.
// Words are the last resort: ads, reposts, pinned posts and replies are found by X's data
// attributes, icons and page structure first (x-find.ts, x-author.ts), so a language missing
// here loses only the fallback. A word is a sign only where it stands alone (a whole label,
// never a part of a post's text), so the lists are of whole labels.
//
// Sources, per string: X's own translation catalogues for its web app
// (abs.twimg.com/responsive-web/client-web/i18n/<lang>.js, as archived in
// github.com/DzikStar/X-SCRAPER client-web/i18n/, web build 56f29d4, commit 9cd43d5,
// 2025-07-01), by the catalogue key given beside each string. Arabic is X's `ar-x-fm`
// catalogue (the only Arabic one archived there); none of the strings used here addresses the
// reader. Control Panel for Twitter's `locales` table (MIT,
// github.com/insin/control-panel-for-twitter, script.js) is extracted from the same catalogues
// by the same keys, but holds none of these strings; where it and the catalogue both give a
// string (its QUOTE, GROK_ACTIONS) they agree, but for Arabic "Quote", left in English in the
// archived `ar-x-fm`. X's English "Pinned" label is in neither: it is
// from the saved real pages (tests/fixtures/x), and no source gives it in other languages, so
// there only the pin icon finds a pinned post.

// Every list covers English, German, Spanish, French, Japanese, Portuguese, Arabic and Hindi.

/**
 * An ad's label ("Ad", key ec6907ba; "Promoted", key c61c6624), as the catalogue words them
 * (French "Ad" is plural there). X has labelled ads "Ad" since mid-2023; "Promoted" is its
 * earlier label, still in the catalogue.
 */
export const AD_LABELS: ReadonlySet<string> = new Set([
  'Ad', 'Promoted', // en
  'Anzeige', 'Gesponsert', // de
  'Anuncio', 'Promocionado', // es
  'Publicités', 'Sponsorisé', // fr
  '広告', 'プロモーション', // ja
  'Anúncio', 'Promovido', // pt
  'الإعلان', 'مُروَّج', // ar
  'विज्ञापन', 'प्रचारित', // hi
]);

/** The longest ad label, in UTF-16 units: a longer text is no label (a cheap first test). */
export const AD_LABEL_MAX = Math.max(...Array.from(AD_LABELS, (w) => w.length));

/**
 * The alt text (and label) X gives a photo whose author wrote no description ("Image", key
 * b327c12a): it describes nothing, so it is not kept as the photo's alt text.
 */
export const PHOTO_NO_ALT: ReadonlySet<string> = new Set(['Image', 'Bild', 'Imagen', '画像', 'Imagem', 'الصورة', 'छवि']);

/**
 * "<name> reposted", as the text before and after the reposter's name (key fcd931ed, whose
 * parts go around the name's element). English also keeps Twitter's older "retweeted".
 */
export const REPOSTED: readonly (readonly [before: string, after: string])[] = [
  ['', ' reposted'], // en
  ['', ' retweeted'], // en, Twitter's wording before 2023 (the earlier capture code's)
  ['', ' hat repostet'], // de
  [' ', ' reposteó'], // es (X's own leading space; text is compared with spaces collapsed)
  ['', ' a reposté'], // fr
  ['', 'さんがリポスト'], // ja
  ['', ' repostou'], // pt
  ['أعاد ', ' النشر'], // ar: the name sits between the two words
  ['', ' ने रीपोस्ट किया'], // hi
];

/**
 * The "Pinned" label, or the first word of it (Twitter's earlier "Pinned Tweet"): English only
 * (see above).
 */
export const PINNED: readonly string[] = ['Pinned'];

/**
 * "Replying to @x", as the text before and after the first handle (key h5970807). Used only
 * for a handle X printed as plain text; a linked handle is found by its place.
 */
export const REPLYING_TO: readonly (readonly [before: string, after: string])[] = [
  ['Replying to ', ''], // en
  ['Antwort an ', ''], // de
  ['En respuesta a ', ''], // es
  ['En réponse à ', ''], // fr
  ['返信先: ', 'さん'], // ja
  ['Em resposta a ', ''], // pt
  ['ردًا على ', ''], // ar
  ['', ' को जवाब दे रहे हैं'], // hi: the handle comes first
];

/**
 * X's badge on a GIF (key i0db46e6). Every one holds the Latin "GIF", and so does X's "Play
 * this GIF" button label in each language (key df1b0708).
 */
export const GIF_BADGES: ReadonlySet<string> = new Set(['GIF', 'GIF画像', 'صورة GIF']);
