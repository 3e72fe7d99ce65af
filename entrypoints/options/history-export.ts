import type { TFunction } from 'i18next';
import { toJson } from '@/lib/history/export-build';
import { toCsv } from '@/lib/history/export-csv';
import { toMarkdown } from '@/lib/history/export-markdown';
import { readExport } from '@/lib/history/transfer';
import { download } from '@/components/download';

export type ExportKind = 'json' | 'csv' | 'markdown';

const FILES: Record<ExportKind, { extension: string; type: string }> = {
  json: { extension: 'json', type: 'application/json' },
  csv: { extension: 'csv', type: 'text/csv;charset=utf-8' },
  markdown: { extension: 'md', type: 'text/markdown;charset=utf-8' },
};

/** The whole history as one file, downloaded as promptlens-history-YYYY-MM-DD.<ext>. */
export async function exportHistory(
  kind: ExportKind,
  t: TFunction,
  locale: string,
  includeImages = false,
): Promise<void> {
  const now = new Date();
  // Only JSON carries the recreations' files; the other formats list prompts.
  const file = await readExport(now, { includeImages: kind === 'json' && includeImages });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const text =
    kind === 'json'
      ? toJson(file)
      : kind === 'csv'
        ? toCsv(file)
        : toMarkdown(file, {
            title: t('transfer.markdownTitle'),
            formatDate: (time) => dates.format(time),
            styleName: (prompt) => prompt.template?.name ?? t(`styles.${prompt.style}`),
            failedLabel: t('transfer.markdownFailed'),
            refusalLabel: t('transfer.markdownRefusal'),
          });
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  download(text, `promptlens-history-${day}.${FILES[kind].extension}`, FILES[kind].type);
}
