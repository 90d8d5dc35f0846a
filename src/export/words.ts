// The exports' few fixed words, in each language a roundup may be written in: the one table.
// Everything else an export writes is the writer's words, the posts' words or markup. A
// language not here writes English words (its dates still follow it: see locale.ts).
//
// Not here, and why: "Roundup" (the self-contained page's title when the roundup has none) is
// the product's name; a post's repost, reply and thread position are the clipper's context and
// no export writes them (see DESIGN.md: the post as its network's embed shows it).

import type { ExportLanguage } from '../model/language';

export interface ExportWords {
  /** A photo named in words: the link to it, or where its address is unusable (`[Image: alt]`). */
  image: string;
  /** A video (its poster still), likewise. */
  video: string;
  /** An animated GIF, likewise. */
  gif: string;
  /** The self-contained page's words for a photo it holds no copy of (`[Photo: alt]`), as the editor says it. */
  photo: string;
  /** Between a label and what it labels: `Image: alt`, `Post not available: address`. */
  colon: string;
  /** Between the author and the date in plain text: `— Name (@handle), November 20, 2025`. */
  comma: string;
  /** The post's link when its date is unknown. */
  viewPost: string;
  /** A post whose author has neither a name nor a handle. */
  unknownAuthor: string;
  /** Before the author's content warning (its own colon included). */
  contentWarning: string;
  /** Where an item's post is missing from the data. */
  postNotAvailable: string;
  /** Ends that note as a sentence. */
  fullStop: string;
}

/** The table's languages: the model's list (model/language.ts), which the editor offers. */
export type WordsLanguage = ExportLanguage;

const NBSP = '\u00a0';

/** By language. Each network's own wording where it has one ("post", Mastodon's "content warning"). */
export const EXPORT_WORDS: Readonly<Record<WordsLanguage, Readonly<ExportWords>>> = {
  en: {
    image: 'Image', video: 'Video', gif: 'GIF', photo: 'Photo', colon: ': ', comma: ', ',
    viewPost: 'View post', unknownAuthor: 'Unknown author', contentWarning: 'Content warning:',
    postNotAvailable: 'Post not available', fullStop: '.',
  },
  de: {
    image: 'Bild', video: 'Video', gif: 'GIF', photo: 'Foto', colon: ': ', comma: ', ',
    viewPost: 'Beitrag ansehen', unknownAuthor: 'Unbekannte Person', contentWarning: 'Inhaltswarnung:',
    postNotAvailable: 'Beitrag nicht verfügbar', fullStop: '.',
  },
  es: {
    image: 'Imagen', video: 'Video', gif: 'GIF', photo: 'Foto', colon: ': ', comma: ', ',
    viewPost: 'Ver publicación', unknownAuthor: 'Autor desconocido', contentWarning: 'Advertencia de contenido:',
    postNotAvailable: 'Publicación no disponible', fullStop: '.',
  },
  // French sets a space (no-break) before a colon.
  fr: {
    image: 'Image', video: 'Vidéo', gif: 'GIF', photo: 'Photo', colon: `${NBSP}: `, comma: ', ',
    viewPost: 'Voir la publication', unknownAuthor: 'Auteur inconnu', contentWarning: `Avertissement de contenu${NBSP}:`,
    postNotAvailable: 'Publication non disponible', fullStop: '.',
  },
  // Full-width punctuation, no spaces around it; X calls a post ポスト.
  ja: {
    image: '画像', video: '動画', gif: 'GIF', photo: '写真', colon: '：', comma: '、',
    viewPost: 'ポストを表示', unknownAuthor: '作成者不明', contentWarning: '閲覧注意：',
    postNotAvailable: 'ポストを表示できません', fullStop: '。',
  },
  'pt-BR': {
    image: 'Imagem', video: 'Vídeo', gif: 'GIF', photo: 'Foto', colon: ': ', comma: ', ',
    viewPost: 'Ver post', unknownAuthor: 'Autor desconhecido', contentWarning: 'Aviso de conteúdo:',
    postNotAvailable: 'Post indisponível', fullStop: '.',
  },
  // The Arabic comma.
  ar: {
    image: 'صورة', video: 'فيديو', gif: 'GIF', photo: 'صورة', colon: ': ', comma: '، ',
    viewPost: 'عرض المنشور', unknownAuthor: 'مؤلف غير معروف', contentWarning: 'تحذير بشأن المحتوى:',
    postNotAvailable: 'المنشور غير متاح', fullStop: '.',
  },
};

/** The table's language for a tag, by its language subtag: `de-AT` → `de`, `pt` and `pt-PT` → `pt-BR`; others English. */
export function wordsLanguage(tag: string | null | undefined): WordsLanguage {
  const primary = (tag ?? '').split('-')[0]!.toLowerCase();
  if (primary === 'pt') return 'pt-BR';
  return primary === 'de' || primary === 'es' || primary === 'fr' || primary === 'ja' || primary === 'ar' ? primary : 'en';
}
