import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGlossary, formatGlossaryProblem, type Glossary } from '@/modules/locale-check/check-glossary';
import { LANGUAGES } from '@/lib/languages';
import { AUDIT, DRIFT } from './fixtures/locale-drift';

const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
const glossary = (code: string): Glossary => read(`locales/glossary/${code}.json`);
const check = (code: string, strings: object) =>
  checkGlossary(strings as never, glossary(code)).map((p) => formatGlossaryProblem(code, p));

describe('one voice per language (locales/glossary)', () => {
  it.each(LANGUAGES.map((l) => [l.code, l.chrome] as const))(
    '%s: terms, register and typography as its glossary says',
    (code, chrome) => {
      expect(glossary(code).language).toBe(code);
      expect(check(code, read(`locales/${code}.json`))).toEqual([]);
      expect(check(code, read(`public/_locales/${chrome}/messages.json`))).toEqual([]);
    },
  );

  it('every glossary fixes the same key terms', () => {
    const required = [
      'prompt',
      'history',
      'entry',
      'provider',
      'style',
      'detail',
      'favourite',
      'regenerate',
      'recreate',
      'API key',
      'thumbnail',
      'export',
      'import',
      'delete',
      'undo',
      'settings',
      'side panel',
      'batch',
    ];
    for (const { code } of LANGUAGES)
      expect(
        glossary(code).terms.map((t) => t.term),
        code,
      ).toEqual(expect.arrayContaining(required));
  });

  it.each(DRIFT.map((d) => [d.language, d.key, d.example, d] as const))(
    'catches the drift the review found: %s %s (%s)',
    (language, key, _example, drift) => {
      const problems = checkGlossary({ [key]: drift.text }, glossary(language));
      expect(problems.map((p) => p.rule)).toEqual(expect.arrayContaining([expect.stringContaining(drift.rule)]));
      expect(problems.every((p) => p.key === key && p.text === drift.text)).toBe(true);
    },
  );

  it.each(AUDIT.map((d) => [d.language, d.key, d.text, d] as const))(
    'catches what the audit after the first fix found: %s %s %s',
    (language, key, _text, drift) => {
      const problems = checkGlossary({ [key]: drift.text }, glossary(language));
      expect(problems.map((p) => p.rule)).toEqual(expect.arrayContaining([expect.stringContaining(drift.rule)]));
    },
  );

  it('leaves alone the words the audit rules exempt, each in its other meaning', () => {
    const none = (code: string, strings: Record<string, string>) =>
      expect(checkGlossary(strings, glossary(code)).map((p) => p.rule)).toEqual([]);
    // Hindi हटाना is right where something is taken away but not erased: metadata, an extension, a list entry.
    none('hi', { 'privacy.notice.what': 'इसका मेटाडेटा (EXIF, लोकेशन) हटाकर', 'compareModels.remove': 'हटाएँ' });
    // German entfernen: removing the extension from the browser.
    none('de', {
      'privacy.page.deleteUninstall': 'Wenn Sie die Erweiterung aus dem Browser entfernen, wird alles gelöscht.',
    });
    // French série for the rounds of Refine and recreate; the past participle choisis; a third-person vérifie.
    none('fr', {
      'score.end_interrupted': 'Le navigateur a arrêté PromptLens pendant cette série.',
      'privacy.page.sentWhat': 'le style, le niveau de détail et la langue choisis',
      a: 'PromptLens vérifie l’adresse.',
    });
    // Portuguese você takes the form that is also the tu-imperative: only a sentence start is an imperative.
    none('pt-BR', { a: 'Quando você clica com o botão direito, o PromptLens baixa a imagem enquanto você escolhe.' });
    // Spanish subjunctive haga; Chinese 撤销 for a revoked key; a regenerate word outside the regenerate keys.
    none('es', { a: '¿Está en marcha? Lo que el proveedor haga con la imagen se rige por sus condiciones.' });
    none('zh-CN', { 'errors.unauthorized.hint': '密钥可能已被撤销或已过期。' });
    none('ar', { 'generation.recreate': 'توليد صورة', 'popup.regenerate': 'إعادة الإنشاء' });
  });

  it('names a register without doubled parentheses', () => {
    const [problem] = checkGlossary({ a: 'あなたの履歴' }, glossary('ja'));
    expect(problem?.rule).toBe('register: formal (none: です・ます調, no あなた), not “あなた”');
  });

  it('leaves alone what only looks like a forbidden word', () => {
    const de = glossary('de');
    // "Dual", "Dutzend", "direkt" contain du/dir; PromptLens and placeholders are not prose.
    expect(checkGlossary({ a: 'Dual-Modus, ein Dutzend Bilder, direkt {{du}} <du>PromptLens</du>' }, de)).toEqual([]);
    // A term left in English inside a product name or a technical token is not a term.
    const tr = glossary('tr');
    expect(checkGlossary({ a: 'PromptLens’i açın; --prompt ve OLLAMA_PROMPT=1 değişmez.' }, tr)).toEqual([]);
    expect(checkGlossary({ a: 'her prompt korunur' }, tr).map((p) => p.rule)).toEqual([
      expect.stringContaining('“prompt”'),
    ]);
    // French: URLs and data: URLs keep their colons; an ordinary colon needs its no-break space.
    const fr = glossary('fr');
    expect(
      checkGlossary({ a: 'Définissez OLLAMA_ORIGINS=chrome-extension://*\u00a0; une URL data: en base64.' }, fr),
    ).toEqual([]);
    expect(checkGlossary({ a: 'Détails: {{detail}}' }, fr)).toHaveLength(1);
    // Japanese writes no space between kana and Latin, but a path or URL keeps its spaces to stand apart.
    const ja = glossary('ja');
    expect(checkGlossary({ a: '末尾の /chat/completions は含めません。{{count}}件のAPIキー' }, ja)).toEqual([]);
    expect(checkGlossary({ a: '{{count}} 件の API キー' }, ja)).toHaveLength(1);
    // Korean particles attach to the word: 제공자가 is still the forbidden variant; 너무 ("too") is not a pronoun.
    const ko = glossary('ko');
    expect(checkGlossary({ a: '제공자가 응답하지 않습니다.' }, ko)).toHaveLength(1);
    expect(checkGlossary({ a: '이미지가 너무 큽니다.' }, ko)).toEqual([]);
    // A word wrong in one meaning only: 계속 is "forever" nowhere but the retention choice.
    expect(checkGlossary({ 'errors.unknown.hint': '계속 실패하면 설정을 확인하세요.' }, ko)).toEqual([]);
  });
});
