// A labelled textbox: one line (input) or a multi-paragraph textarea that grows with its text.
import { useLayoutEffect, useRef } from 'preact/hooks';

// CSS sizes a textarea to its text where `field-sizing` exists (Chromium); elsewhere the
// GrowingArea below measures it. Decided once, so each textarea pays only for what it needs.
const growsByItself = typeof CSS !== 'undefined' && CSS.supports?.('field-sizing', 'content');

/** Words of this field that could not be stored: said under the box, with what the writer can do. */
export interface FieldProblem {
  message: string;
  actions: ReadonlyArray<{ label: string; run(): void }>;
  /** What the last action did, e.g. "Copied". */
  note?: string;
}

interface Props {
  label: string;
  value: string;
  onInput(value: string): void;
  multiline?: boolean;
  placeholder?: string;
  hint?: string;
  /** While the roundup is still loading: shown, but not yet editable. */
  readOnly?: boolean;
  /** Names the field across views, so "Open in tab" can put the cursor back in it. */
  place?: string;
  /** The writer's words, which may hold links and emphasis: their shortcuts work here. */
  rich?: boolean;
  problem?: FieldProblem | undefined;
}

type BoxProps = Record<string, unknown> & { value: string };

type Box = HTMLTextAreaElement | HTMLInputElement;

/**
 * Replaces the selection with `text` the way typing does (so Undo takes it back, and the
 * field's input event stores it), then selects `[from, to]` within what was inserted.
 */
function insert(el: Box, text: string, from: number, to: number): void {
  const start = el.selectionStart ?? 0;
  // execCommand keeps the browser's undo history; where it does nothing, the value is set.
  if (!document.execCommand?.('insertText', false, text)) {
    el.setRangeText(text, start, el.selectionEnd ?? start, 'end');
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }
  el.setSelectionRange(start + from, start + to);
}

const selected = (el: Box) => el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0);
const isUrl = (s: string) => /^https?:\/\/\S+$/.test(s);

/**
 * Links and emphasis as the exports read them (export/inline.ts): Ctrl/Cmd+B `**strong**`,
 * Ctrl/Cmd+I `*emphasis*`, Ctrl/Cmd+K `[words](https://…)` with the address selected to type
 * over; pasting an address over selected words links them.
 */
function formatKey(e: KeyboardEvent): void {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
  const el = e.currentTarget as Box;
  const words = selected(el);
  const key = e.key.toLowerCase();
  if (key === 'b' || key === 'i') {
    const mark = key === 'b' ? '**' : '*';
    insert(el, `${mark}${words}${mark}`, mark.length, mark.length + words.length);
  } else if (key === 'k') {
    insert(el, `[${words}](https://)`, words.length + 3, words.length + 11);
  } else return;
  e.preventDefault();
}

function pasteLink(e: ClipboardEvent): void {
  const el = e.currentTarget as Box;
  const url = e.clipboardData?.getData('text/plain').trim() ?? '';
  const words = selected(el);
  if (!words || !isUrl(url) || isUrl(words)) return;
  e.preventDefault();
  const text = `[${words}](${url})`;
  insert(el, text, text.length, text.length);
}

function GrowingArea(props: BoxProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
  }, [props.value]);
  return <textarea ref={area} rows={2} {...props} />;
}

// Ids come from the field's place (or label, for the few fields without one): stable across
// renders and views, with no hook per field — a long roundup renders two fields per item.
const idOf = (place: string | undefined, label: string) => `field-${(place ?? label).replace(/\s+/g, '-')}`;

/** The label, the textbox and its hint, without a wrapper of their own (fewer elements per item). */
export function TextField({ label, value, onInput, multiline = false, placeholder, hint, readOnly = false, place, problem, rich = false }: Props) {
  const id = idOf(place, label);
  const described = [hint && `${id}-hint`, problem && `${id}-problem`].filter(Boolean).join(' ');
  const common: BoxProps = {
    id,
    class: 'field__box',
    value,
    placeholder,
    readOnly,
    'data-place': place,
    'aria-describedby': described || undefined,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
    ...(rich && !readOnly && { onKeyDown: formatKey, onPaste: pasteLink, 'aria-keyshortcuts': 'Control+B Control+I Control+K' }),
  };
  return (
    <>
      <label class="field__label" for={id}>
        {label}
      </label>
      {!multiline ? <input type="text" {...common} /> : growsByItself ? <textarea rows={2} {...common} /> : <GrowingArea {...common} />}
      {hint && (
        <p class="hint field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {problem && (
        <div class="field__problem" role="alert" id={`${id}-problem`}>
          <p class="field__problem-text">{problem.message}</p>
          {problem.actions.map((a) => (
            <button type="button" key={a.label} onClick={a.run}>
              {a.label}
            </button>
          ))}
          {problem.note && <span class="field__problem-note">{problem.note}</span>}
        </div>
      )}
    </>
  );
}
