// Words a person reads, written into the code instead of taken from the catalogue: a focused
// look at a TS/TSX source (TypeScript's own parser, no type checking) for
// - JSX text (`<button>Move up</button>`), and strings in JSX children (`{busy ? 'Saving…' : ''}`);
// - the attributes a person reads or hears — aria-label, title, placeholder, alt, label — given
//   a string (`aria-label="Posts"`, `title={'…'}`, `label={`…`}`, either side of a `?:`);
// - the same set in the DOM: `el.textContent = '…'` (also title, placeholder, alt, innerText)
//   and `el.setAttribute('aria-label', '…')`;
// - sentences handed to what shows them: the first argument of notify/showNotice/say/setNote/
//   setMessage/setProblem/setError/setResult/setSaid/setRestored/setMoved/setAsked, and a
//   `text`, `message` or `label` property given a string.
// What counts as words: some letters, and not an address (`mastodon.social`,
// `https://example.org`), nor a name the allow-list keeps (format names, keys), nor a key of
// the catalogue (`text: 'formatText'` names a message, it is not one).
import ts from 'typescript';

export interface Literal {
  file: string;
  line: number;
  text: string;
}

const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-roledescription', 'aria-placeholder', 'aria-valuetext']);
const READ_PROPERTIES = new Set(['textContent', 'innerText', 'title', 'placeholder', 'alt', 'label']);
const SHOWN_BY = new Set(['notify', 'showNotice', 'say', 'setNote', 'setMessage', 'setProblem', 'setError', 'setResult', 'setSaid', 'setRestored', 'setMoved', 'setAsked']);
const SHOWN_FIELDS = new Set(['text', 'message', 'label']);

/** Literal text a person never needs translated: addresses, keyboard keys, format and product names. */
const ALLOWED = new Set(['HTML', 'Markdown', 'WordPress', 'JSON', 'GIF', 'Esc']);
const isAddress = (s: string) => /^(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)+(?:\/\S*)?$/.test(s);

/** Whether `text` is words a person reads (and so belongs in the catalogue); `keys`: the catalogue's keys. */
export function isWords(text: string, keys: ReadonlySet<string> = new Set()): boolean {
  const s = text.replace(/\s+/g, ' ').trim();
  if (!/\p{L}/u.test(s)) return false;
  return !ALLOWED.has(s) && !isAddress(s) && !keys.has(s);
}

/** The text of a string-ish expression: every literal part of it (ternaries, `||`, templates, concatenations). */
function literalParts(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  // `Sending to ${url}…`: its fixed parts, the substitutions as "…".
  if (ts.isTemplateExpression(node)) return [[node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…')];
  if (ts.isParenthesizedExpression(node)) return literalParts(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalParts(node.whenTrue), ...literalParts(node.whenFalse)];
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.PlusToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(node.operatorToken.kind)) {
    return [...literalParts(node.left), ...literalParts(node.right)];
  }
  if (ts.isJsxExpression(node) && node.expression) return literalParts(node.expression);
  return [];
}

const nameOf = (node: ts.Node): string | undefined =>
  ts.isIdentifier(node) || ts.isPrivateIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : ts.isStringLiteral(node) ? node.text : undefined;

/** Every literal a person would read in `source` (the file `file`); `keys`: the catalogue's keys. */
export function uiLiterals(file: string, source: string, keys: ReadonlySet<string> = new Set()): Literal[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Literal[] = [];
  const add = (node: ts.Node, texts: string[]) => {
    for (const text of texts) {
      if (!isWords(text, keys)) continue;
      found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: text.replace(/\s+/g, ' ').trim() });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) add(node, [node.text]);
    else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) add(node, literalParts(node.expression));
    else if (ts.isJsxAttribute(node) && node.initializer && READ_ATTRIBUTES.has(node.name.getText(sf))) add(node, literalParts(node.initializer));
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && READ_PROPERTIES.has(node.left.name.text)) {
      add(node, literalParts(node.right));
    } else if (ts.isCallExpression(node)) {
      const callee = nameOf(node.expression);
      const [first, second] = node.arguments;
      if (callee === 'setAttribute' && first && second && ts.isStringLiteral(first) && READ_ATTRIBUTES.has(first.text)) add(node, literalParts(second));
      else if (callee && SHOWN_BY.has(callee) && first) add(node, literalParts(first));
    } else if (ts.isPropertyAssignment(node) && SHOWN_FIELDS.has(nameOf(node.name) ?? '')) add(node, literalParts(node.initializer));
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
