/**
 * Checks a translation against en.json: the same keys, no empty values, the same placeholders,
 * and exactly the plural forms the language's own rules (Intl.PluralRules) ask for.
 * Pure: used by the unit tests and by the build.
 */
type Tree = { [key: string]: string | Tree };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (value && typeof value === 'object') flatten(value, path, out);
    else out.set(path, value as never);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1]).sort();

/** Keys as a language must have them: each plural group expanded to that language's categories. */
export function expectedKeys(en: Tree, language: string): Map<string, string> {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const out = new Map<string, string>();
  for (const [key, value] of flatten(en)) {
    if (!PLURAL_SUFFIX.test(key)) out.set(key, value);
    else if (key.endsWith('_other')) {
      const base = key.replace(PLURAL_SUFFIX, '');
      for (const c of categories) out.set(`${base}_${c}`, value);
    }
  }
  return out;
}

export function checkLocale(en: Tree, translated: Tree, language: string): string[] {
  const problems: string[] = [];
  const expected = expectedKeys(en, language);
  const actual = flatten(translated);
  for (const [key, source] of expected) {
    const value = actual.get(key);
    if (value === undefined) problems.push(`${language}: missing ${key}`);
    else if (typeof value !== 'string' || !value.trim()) problems.push(`${language}: empty ${key}`);
    else {
      // Placeholders must match; a plural form may leave out {{count}} (e.g. "one second").
      const want = placeholders(source).filter((p) => !(PLURAL_SUFFIX.test(key) && p === 'count'));
      const have = placeholders(value).filter((p) => p !== 'count' || !PLURAL_SUFFIX.test(key));
      if (JSON.stringify(want) !== JSON.stringify(have)) {
        problems.push(`${language}: ${key} has placeholders ${JSON.stringify(have)}, expected ${JSON.stringify(want)}`);
      }
    }
  }
  for (const key of actual.keys()) if (!expected.has(key)) problems.push(`${language}: unexpected ${key}`);
  return problems;
}

/** Chrome refuses longer manifest names and descriptions (and the stores cut them). */
const MANIFEST_LIMITS: Record<string, number> = { extName: 45, extDescription: 132 };

/** Chrome's _locales/<code>/messages.json: the same message names as English, none empty, within Chrome's limits. */
export function checkManifestMessages(
  en: Record<string, { message: string }>,
  translated: Record<string, { message?: unknown }>,
  code: string,
): string[] {
  const problems: string[] = [];
  for (const name of Object.keys(en)) {
    const message = translated[name]?.message;
    if (typeof message !== 'string' || !message.trim()) problems.push(`_locales/${code}: missing or empty ${name}`);
    else if (MANIFEST_LIMITS[name] && [...message].length > MANIFEST_LIMITS[name]) {
      problems.push(
        `_locales/${code}: ${name} has ${[...message].length} characters, Chrome allows ${MANIFEST_LIMITS[name]}`,
      );
    }
  }
  for (const name of Object.keys(translated)) if (!(name in en)) problems.push(`_locales/${code}: unexpected ${name}`);
  return problems;
}
