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
  problem?: FieldProblem | undefined;
}

type BoxProps = Record<string, unknown> & { value: string };

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
export function TextField({ label, value, onInput, multiline = false, placeholder, hint, readOnly = false, place, problem }: Props) {
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
