import { describe, expect, it } from 'vitest';
import { availableFormats, formatAltText } from '@/lib/alt-text/copy-formats';
import { capCharacters, withoutImageOf } from '@/lib/prompt/alt-text-finish';
import { finalizePrompt } from '@/lib/prompt/finalize';
import { DEFAULT_MIDJOURNEY } from '@/lib/prompt/midjourney';
import { styleOf } from '@/lib/prompt/styles';

const finish = (raw: string, style: 'alt-text' | 'long-description', detail: 'short' | 'standard' = 'standard') =>
  finalizePrompt(raw, { style, detail, original: { width: 800, height: 600 }, midjourney: DEFAULT_MIDJOURNEY }).text;

describe('alt-text styles: the finish step', () => {
  it('drops “Image of” and similar openings, keeping a capital letter', () => {
    expect(withoutImageOf('Image of a red fox jumping over a fence.')).toBe('A red fox jumping over a fence.');
    expect(withoutImageOf('A photo showing two kids reading')).toBe('Two kids reading');
    expect(withoutImageOf('picture of “OPEN” sign on a door')).toBe('“OPEN” sign on a door');
    expect(withoutImageOf('Imagery of the sea')).toBe('Imagery of the sea');
    expect(finish('"Image of a red fox jumping over a wooden fence at dusk."', 'alt-text')).toBe(
      'A red fox jumping over a wooden fence at dusk.',
    );
  });

  it('keeps alt text on one line and within its character budget, cut at a word or a sentence', () => {
    const long =
      'A red fox leaps over a weathered wooden fence in a snowy field at dusk, its breath visible, while a ' +
      'farmhouse glows in the distance behind it.';
    const short = styleOf('alt-text').budgets.short;
    const text = finish(long, 'alt-text', 'short');
    expect([...text].length).toBeLessThanOrEqual(short);
    expect(text.endsWith('…')).toBe(true);
    expect(long.startsWith(text.slice(0, -1))).toBe(true);
    expect(long.charAt(text.length - 1)).toMatch(/[\s,]/);
    expect(capCharacters('A fox on a fence. It is snowing hard over the whole valley tonight.', 30)).toBe(
      'A fox on a fence.',
    );
    expect(finish('A fox\non a fence.', 'alt-text')).toBe('A fox on a fence.');
    expect(styleOf('alt-text').budgets.detailed).toBeLessThanOrEqual(125);
  });

  it('a long description keeps its paragraphs and length', () => {
    const text = 'Image of a bar chart of sales by month.\n\nSales rise from 10 in January to 40 in June.';
    expect(finish(text, 'long-description')).toBe(
      'A bar chart of sales by month.\n\nSales rise from 10 in January to 40 in June.',
    );
  });
});

describe('alt-text copy formats', () => {
  const src = 'https://example.com/img/fox (1).jpg?a=1&b=2';
  const text = 'Sign reading "5 < 6 & 7 > 3" [draft]';

  it('plain and alt="…", escaped for an attribute', () => {
    expect(formatAltText('plain', ` ${text}\n`)).toBe(text);
    expect(formatAltText('attribute', text)).toBe('alt="Sign reading &quot;5 &lt; 6 &amp; 7 &gt; 3&quot; [draft]"');
  });

  it('<img> with its src, both escaped', () => {
    expect(formatAltText('img', text, src)).toBe(
      '<img src="https://example.com/img/fox (1).jpg?a=1&amp;b=2" alt="Sign reading &quot;5 &lt; 6 &amp; 7 &gt; ' +
        '3&quot; [draft]">',
    );
    expect(formatAltText('img', 'x" onerror="alert(1)', 'https://e.com/a"b.png')).toBe(
      '<img src="https://e.com/a&quot;b.png" alt="x&quot; onerror=&quot;alert(1)">',
    );
  });

  it('Markdown: brackets escaped in the text, spaces and parentheses encoded in the address', () => {
    expect(formatAltText('markdown', text, src)).toBe(
      '![Sign reading "5 < 6 & 7 > 3" \\[draft\\]](https://example.com/img/fox%20%281%29.jpg?a=1&b=2)',
    );
    expect(formatAltText('markdown', 'two\nlines', 'https://e.com/a.png')).toBe('![two lines](https://e.com/a.png)');
  });

  it('<figure>: the description in <figcaption> as text, not markup', () => {
    expect(formatAltText('figure', '<b>Bold</b> & more', 'https://e.com/a.png')).toBe(
      '<figure>\n  <img src="https://e.com/a.png" alt="">\n  <figcaption>&lt;b&gt;Bold&lt;/b&gt; &amp; ' +
        'more</figcaption>\n</figure>',
    );
  });

  it('offers the formats that embed the image only when its address is known', () => {
    expect(availableFormats(undefined)).toEqual(['plain', 'attribute']);
    expect(availableFormats(src)).toEqual(['plain', 'attribute', 'img', 'markdown', 'figure']);
  });
});
