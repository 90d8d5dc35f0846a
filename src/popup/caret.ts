// "Open in tab" keeps the cursor's place: the focused field, its selection and the scroll
// position travel in the new tab's address (#place=…) and are put back once the roundup shows.

let lastField: HTMLInputElement | HTMLTextAreaElement | null = null;

/** Remembers the last field written in: pressing "Open in tab" moves the focus to that button. */
export function trackPlace(doc: Document = document): void {
  doc.addEventListener('focusin', (e) => {
    const el = e.target as HTMLElement;
    if (el.getAttribute?.('data-place')) lastField = el as HTMLInputElement | HTMLTextAreaElement;
  });
}

export function capturePlace(doc: Document = document): string {
  const active = doc.activeElement as HTMLInputElement | HTMLTextAreaElement | null;
  const el = active?.getAttribute?.('data-place') ? active : lastField?.isConnected ? lastField : null;
  const params = new URLSearchParams();
  const place = el?.getAttribute?.('data-place');
  if (el && place) {
    params.set('field', place);
    params.set('start', String(el.selectionStart ?? 0));
    params.set('end', String(el.selectionEnd ?? 0));
  }
  params.set('scroll', String(Math.round(doc.defaultView?.scrollY ?? 0)));
  return params.toString();
}

/** Puts the cursor back where `hash` says; false when that field is not (yet) there. */
export function restorePlace(hash: string, doc: Document = document): boolean {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const field = params.get('field');
  if (!field) return true;
  const el = [...doc.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-place]')]
    .find((e) => e.getAttribute('data-place') === field);
  if (!el) return false;
  el.focus();
  const start = Number(params.get('start')) || 0;
  const end = Number(params.get('end')) || start;
  el.setSelectionRange(start, end);
  const scroll = Number(params.get('scroll'));
  if (scroll > 0) doc.defaultView?.scrollTo(0, scroll);
  return true;
}
