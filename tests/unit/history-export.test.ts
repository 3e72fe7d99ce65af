import { describe, expect, it } from 'vitest';
import { csvField, neutralizeFormula, toCsv } from '@/lib/history/export-csv';
import { escapeInline, fenceFor, toMarkdown } from '@/lib/history/export-markdown';
import { exportFile, toExportEntry } from '@/lib/history/export-build';
import { buildEntry } from '@/lib/history/build-entry';
import { dataUrlToBlob } from '@/lib/history/data-url';
import { blobToDataUrl } from '@/lib/image/data-url';
import type { Job } from '@/lib/jobs/types';
import { job } from './fixtures/history-jobs';

const fileOf = (...groups: Job[][]) =>
  exportFile(
    groups.map((jobs) => toExportEntry(buildEntry(jobs)!, jobs)),
    new Date('2025-03-04T05:06:07Z'),
  );

describe('CSV export', () => {
  it('one row per prompt with a BOM, CRLF lines, and RFC 4180 quoting', () => {
    const csv = toCsv(
      fileOf(
        [job('a', 'img1', 1), job('b', 'img1', 2, { style: 'midjourney', text: 'fox, "red", snow\nline two' })],
        [job('c', 'img2', 3, { text: 'Füchse im Schnee, 雪の狐' })],
      ),
    );
    expect(csv.startsWith('\uFEFFentry_id,prompt_id,created_at,style')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    // Header, three prompts (a line break inside a quoted field is not a record break), final CRLF.
    expect(lines).toHaveLength(1 + 3 + 1);
    expect(csv).toContain('"fox, ""red"", snow\nline two"');
    expect(csv).toContain(',"Füchse im Schnee, 雪の狐",');
    expect(lines[1]).toMatch(
      /^img1,a,1970-01-01T00:00:00\.001Z,natural,,standard,en,openai,gpt-test,done,text,prompt a,,false,Foxes at Dusk,/,
    );
  });

  it('a cell a spreadsheet would run as a formula is neutralised', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(neutralizeFormula(evil)).toBe(`'${evil}`);
    }
    expect(neutralizeFormula('a = b')).toBe('a = b');
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    const csv = toCsv(fileOf([job('a', 'img', 1, { text: '=cmd|" /C calc"!A0', source: { pageTitle: '@evil' } })]));
    expect(csv).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(csv).toContain(",'@evil,");
  });
});

describe('Markdown export', () => {
  it('a heading per image with date and page, each prompt in its own fence', () => {
    const md = toMarkdown(
      fileOf([
        job('a', 'img1', Date.UTC(2025, 0, 2, 14, 3)),
        job('b', 'img1', Date.UTC(2025, 0, 2, 14, 5), { style: 'json', kind: 'json', text: '{"subject":"fox"}' }),
      ]),
    );
    expect(md).toBe(
      [
        '# PromptLens history',
        '',
        '## 2025-01-02 14:03 UTC · Foxes at Dusk',
        '',
        '<https://example.com/gallery>',
        '',
        '**natural** · gpt-test',
        '',
        '```',
        'prompt a',
        '```',
        '',
        '**json** · gpt-test',
        '',
        '```json',
        '{"subject":"fox"}',
        '```',
        '',
      ].join('\n'),
    );
  });

  it('a prompt full of backticks cannot close its fence early; page titles stay literal', () => {
    expect(fenceFor('no ticks')).toBe('```');
    expect(fenceFor('a ```` b ` c')).toBe('`````');
    const text = 'use ```code``` and ````more````';
    const md = toMarkdown(
      fileOf([job('a', 'img', 0, { text, source: { pageTitle: 'A *bold* [link](x)\nnext <b>' } })]),
    );
    expect(md).toContain(`\`\`\`\`\`\n${text}\n\`\`\`\`\``);
    expect(md).toContain('## 1970-01-01 00:00 UTC · A \\*bold\\* \\[link\\](x) next \\<b\\>');
    expect(escapeInline('gpt-5.4-mini')).toBe('gpt-5.4-mini');
  });

  it('prompts without text are left out, failed ones are marked', () => {
    const md = toMarkdown(
      fileOf([
        job('a', 'img', 0, { status: 'failed', text: '', error: { code: 'timeout' } }),
        job('b', 'img', 1, { status: 'failed', text: 'partial' }),
      ]),
      { failedLabel: 'échoué' },
    );
    expect(md).not.toContain('prompt a');
    expect(md).toContain('**natural** · gpt-test · échoué');
  });
});

describe('JSON export', () => {
  it("prompts oldest first, a per-prompt source only when it differs from the image's", () => {
    // The image's source is all its prompts' merged (build-entry.ts); here, b's.
    const other = {
      pageUrl: 'https://example.com/gallery',
      pageTitle: 'Elsewhere',
      imageUrl: 'https://img.example.com/fox.jpg',
    };
    const file = fileOf([
      job('b', 'img', 2, { source: other }),
      job('a', 'img', 1, { retry: { attempt: 1, until: 5 } }),
    ]);
    expect(file).toMatchObject({ format: 'promptlens-history', version: 1, exportedAt: '2025-03-04T05:06:07.000Z' });
    const [entry] = file.entries;
    expect(entry!.prompts.map((p) => p.id)).toEqual(['a', 'b']);
    expect(entry!.source).toEqual(other);
    expect(entry!.prompts[1]).not.toHaveProperty('source');
    expect(entry!.prompts[0]!.source).toMatchObject({ pageTitle: 'Foxes at Dusk' });
    expect(entry!.prompts[0]).not.toHaveProperty('retry');
    expect(entry!.prompts[0]).not.toHaveProperty('imageId');
  });

  it('thumbnails round-trip through data: URLs byte for byte', async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    const url = await blobToDataUrl(new Blob([bytes], { type: 'image/webp' }));
    expect(url.startsWith('data:image/webp;base64,')).toBe(true);
    const back = dataUrlToBlob(url);
    expect(back.type).toBe('image/webp');
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(bytes);
  });
});
