// A labelled textbox: one line (input) or a multi-paragraph textarea that grows with its text.
import { useLayoutEffect, useRef } from 'preact/hooks';

const growsByItself = typeof CSS !== 'undefined' && CSS.supports?.('field-sizing', 'content');

interface Props {
  label: string;
  value: string;
  onInput(value: string): void;
  multiline?: boolean;
  placeholder?: string;
  hint?: string;
  /** While the roundup is still loading: shown, but not yet editable. */
  readOnly?: boolean;
}

let nextId = 0;

export function TextField({ label, value, onInput, multiline = false, placeholder, hint, readOnly = false }: Props) {
  const id = useRef(`field-${++nextId}`).current;
  const area = useRef<HTMLTextAreaElement>(null);

  useLayoutEffect(() => {
    // Where CSS cannot size the box to its text, size it here (the editor, not a hot path).
    const el = area.current;
    if (!el || growsByItself) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
  }, [value]);

  const common = {
    id,
    value,
    placeholder,
    readOnly,
    'aria-describedby': hint ? `${id}-hint` : undefined,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline ? <textarea ref={area} rows={2} {...common} /> : <input type="text" {...common} />}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
