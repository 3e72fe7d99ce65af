/**
 * Checks a locale's strings against its glossary (locales/glossary/<code>.json): the fixed word for
 * each key term, the register, and the typography. The completeness check (check-locale) proves a
 * translation is all there; this one proves it speaks with one voice, so strings added later by
 * someone without the first translator's notes cannot drift. Pure: used by the unit tests and the build.
 */

/**
 * How a word ends where it meets its neighbours:
 * - word: both sides (most languages with spaces);
 * - start: only the start, because suffixes and particles attach (Korean 제공자가, Turkish sağlayıcınız);
 * - none: anywhere in the text (Chinese and Japanese write no spaces; Arabic attaches ال/و/ب/ل in front).
 */
export type Boundary = 'word' | 'start' | 'none';

/**
 * A fixed word choice. `forbid` entries match case-insensitively as words; a trailing `*` also matches any longer
 * word, and a leading `^` only at the start of a sentence (where an imperative stands, e.g. Portuguese “Clica”,
 * which mid-sentence is the você indicative “você clica”).
 */
export interface GlossaryTerm {
  /** The English concept, as en.json uses it ("entry", "API key"). */
  term: string;
  /** The one translation to use (for people; the check enforces `forbid`). */
  use: string;
  /** Variants that must not appear. */
  forbid: string[];
  /**
   * Only check keys matching this regular expression (a word that is wrong only in one meaning,
   * e.g. ko 계속 for "forever").
   */
  keys?: string;
  note?: string;
}

export interface Glossary {
  /** i18next code, as in locales/<code>.json. */
  language: string;
  register: {
    form: 'formal' | 'informal' | 'neutral';
    /** The pronoun that carries it: "Sie", "vous", "você", "आप". */
    pronoun?: string;
    /** Words that switch register (pronouns, possessives, imperatives of the other form); matched like terms. */
    forbid: string[];
    note?: string;
  };
  terms: GlossaryTerm[];
  typography: {
    boundary: Boundary;
    /** Every quotation mark the language uses; any other (straight " and ' included) is an error. */
    quotes: string;
    /** The apostrophe, when the language has one ("’"): allowed alongside the quotes. */
    apostrophe?: string;
    /** What precedes "…": nothing, or a no-break space (German "Wird getestet …"). "..." is always an error. */
    ellipsis: 'tight' | 'nbsp';
    /** A mandatory space before these characters (French : ; ? ! »), and after these (French «). */
    spaceBefore?: { chars: string; space: string };
    spaceAfter?: { chars: string; space: string };
    /** Half-width punctuation that must be written full-width ("：" not ":"). */
    fullWidth?: string;
    /** Between Han/kana and Latin letters or digits: always a space (zh-CN), or never (ja). */
    latinCjk?: 'space' | 'none';
    /** Spanish: a sentence that ends in ? or ! opens with ¿ or ¡ (“¿Eliminar …?”). */
    invertedMarks?: boolean;
    note?: string;
  };
  /** More English words that may stay as they are here (product and UI names of other apps). */
  keep?: string[];
}

export interface GlossaryProblem {
  key: string;
  text: string;
  rule: string;
}

type Tree = { [key: string]: string | Tree };

/** Names and technical tokens that stay in English in every language, so no term rule may fire on them. */
const PRODUCT_NAMES = [
  'PromptLens',
  'Midjourney',
  'Stable Diffusion',
  'OpenAI',
  'Ollama',
  'LM Studio',
  'Flux',
  'DALL·E',
  'CLIP',
  'IndexedDB',
  'Markdown',
  'Chrome',
  'Firefox',
  'Ctrl+C',
  'Enable CORS',
  'Developer',
];
/** {{placeholder}}, {template variable}, <tag>, URLs and schemes, ENV_VARS=…, --flags, /paths, data: URLs. */
const TECHNICAL =
  /\{\{[^}]*\}\}|\{[\w.]+\}|<\/?[a-z][^>]*>|\S*:\/\/\S*|\S*[=_]\S*|--[\w-]+|(?<!\p{L})\/[\w/.-]+|\bdata:/giu;

const LETTER = '\\p{L}\\p{M}\\p{N}';
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー';
const QUOTE_MARKS = `"'“”„‟‘’‚‛«»‹›「」『』＂＇`;

function flatten(tree: Tree, prefix = '', out: Array<[string, string]> = []): Array<[string, string]> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.push([path, value]);
    else if (value && typeof value === 'object') flatten(value, path, out);
  }
  return out;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A forbidden variant as a regular expression honouring the language's word boundaries. */
function wordPattern(variant: string, boundary: Boundary): RegExp {
  const open = variant.endsWith('*');
  const sentence = variant.startsWith('^');
  const word = variant.slice(sentence ? 1 : 0, open ? -1 : undefined);
  const body = escapeRegExp(word).replace(/ /g, '\\s+');
  // A sentence starts the text, or follows . ! ? : ; … and spaces (opening ¿ ¡ « “ allowed).
  const start = sentence ? `(?<=(?:^|[.!?:;…]\\s)\\s*[¿¡«“„]?\\s*)` : '';
  const before = start + (boundary === 'none' ? '' : `(?<![${LETTER}])`);
  const after = open ? `[${LETTER}]*` : boundary === 'word' ? `(?![${LETTER}])` : '';
  return new RegExp(before + body + after, 'giu');
}

const BLANK = '\uE001';

/** The text a word rule looks at: placeholders, markup, technical tokens and product names blanked out. */
function prose(text: string, keep: string[]): string {
  // Blanked to a mark that is neither letter nor space, so the word after “PromptLens” does not start a sentence.
  let out = text.replace(TECHNICAL, BLANK);
  for (const name of [...PRODUCT_NAMES, ...keep]) out = out.replace(new RegExp(escapeRegExp(name), 'gu'), BLANK);
  return out;
}

/**
 * The text a typography rule looks at: a {{placeholder}} becomes a Latin letter (it is filled with a name or a
 * number), any other technical token a private-use character, so a path or URL may keep spaces around it.
 */
const TOKEN = '\uE000';
const typeset = (text: string) => text.replace(TECHNICAL, (m) => (m.startsWith('{{') ? 'X' : TOKEN));

const show = (chars: string) =>
  [...chars]
    .map((c) =>
      c.charCodeAt(0) > 0x7e || c === ' ' ? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : c,
    )
    .join(' ');

function typographyProblems(text: string, t: Glossary['typography']): string[] {
  const found: string[] = [];
  const s = typeset(text);
  const allowed = t.quotes + (t.apostrophe ?? '');
  const wrongQuotes = [...new Set([...s].filter((c) => QUOTE_MARKS.includes(c) && !allowed.includes(c)))];
  if (wrongQuotes.length)
    found.push(`typography: quotation marks ${wrongQuotes.join(' ')} (use ${[...allowed].join(' ')})`);
  if (s.includes('...')) found.push('typography: "..." (use the ellipsis character …)');
  for (const m of s.matchAll(/(.)…/gsu)) {
    const before = m[1]!;
    if (t.ellipsis === 'nbsp' && /\p{L}|\p{N}|\)/u.test(before))
      found.push('typography: a no-break space (U+00A0) goes before …');
    else if (t.ellipsis === 'nbsp' && before === ' ')
      found.push('typography: the space before … must be a no-break space (U+00A0)');
    else if (t.ellipsis === 'tight' && /\s/u.test(before)) found.push('typography: no space before …');
  }
  if (t.spaceBefore) {
    for (const m of s.matchAll(new RegExp(`(^|[^])([${escapeRegExp(t.spaceBefore.chars)}])`, 'gu'))) {
      if (m[1] !== t.spaceBefore.space)
        found.push(`typography: ${show(t.spaceBefore.space)} before “${m[2]}”, not ${m[1] ? show(m[1]) : 'nothing'}`);
    }
  }
  if (t.spaceAfter) {
    for (const m of s.matchAll(new RegExp(`([${escapeRegExp(t.spaceAfter.chars)}])([^]|$)`, 'gu'))) {
      if (m[2] !== t.spaceAfter.space)
        found.push(`typography: ${show(t.spaceAfter.space)} after “${m[1]}”, not ${m[2] ? show(m[2]) : 'nothing'}`);
    }
  }
  if (t.fullWidth) {
    const half = [...new Set([...s].filter((c) => t.fullWidth!.includes(c)))];
    if (half.length) found.push(`typography: half-width ${half.join(' ')} (write it full-width)`);
  }
  if (t.latinCjk === 'space' && new RegExp(`[${CJK}][A-Za-z0-9]|[A-Za-z0-9][${CJK}]`, 'u').test(s)) {
    found.push('typography: a space between Chinese and Latin letters or digits');
  }
  if (t.latinCjk === 'none' && new RegExp(`[${CJK}][ \\u00a0][A-Za-z0-9]|[A-Za-z0-9][ \\u00a0][${CJK}]`, 'u').test(s)) {
    found.push('typography: no space between Japanese and Latin letters or digits');
  }
  if (t.invertedMarks) {
    for (const sentence of s.split(/(?<=[.?!…])\s+/u)) {
      if (/^[^¿]*\?/u.test(sentence)) found.push('typography: a question ending in ? opens with ¿');
      if (/^[^¡]*!/u.test(sentence)) found.push('typography: an exclamation ending in ! opens with ¡');
    }
  }
  return [...new Set(found)];
}

export function checkGlossary(strings: Tree, glossary: Glossary): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  const { boundary } = glossary.typography;
  const terms = glossary.terms.map((term) => ({
    ...term,
    keys: term.keys ? new RegExp(term.keys) : undefined,
    patterns: term.forbid.map((v) => wordPattern(v, boundary)),
  }));
  const register = glossary.register.forbid.map((v) => wordPattern(v, boundary));
  for (const [key, text] of flatten(strings)) {
    const words = prose(text, glossary.keep ?? []);
    const add = (rule: string) => problems.push({ key, text, rule });
    for (const term of terms) {
      if (term.keys && !term.keys.test(key)) continue;
      for (const pattern of term.patterns) {
        for (const m of words.matchAll(pattern)) add(`term “${term.term}”: use “${term.use}”, not “${m[0]}”`);
      }
    }
    for (const pattern of register) {
      for (const m of words.matchAll(pattern)) {
        const pronoun = glossary.register.pronoun ? ` (${glossary.register.pronoun})` : '';
        add(`register: ${glossary.register.form}${pronoun}, not “${m[0]}”`);
      }
    }
    for (const rule of typographyProblems(text, glossary.typography)) add(rule);
  }
  return problems;
}

export const formatGlossaryProblem = (language: string, p: GlossaryProblem) =>
  `${language}: ${p.key}: ${p.rule} — ${JSON.stringify(p.text)}`;
