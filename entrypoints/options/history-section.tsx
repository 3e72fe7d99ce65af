import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { countEntries } from '@/lib/history/queries';
import { sizeProblem } from '@/lib/history/import-read';
import { importHistory } from '@/lib/history/transfer';
import type { ImportOutcome, ImportProblem } from '@/lib/history/import-problem';
import { exportHistory, type ExportKind } from './history-export';
import { importProblemText } from './import-message';
import { BatchHistory } from './batch-history';
import { StorageUsed } from './storage-used';

type Message = { ok: true; text: string } | { ok: false; text: string };

const EXPORTS: Array<{
  kind: ExportKind;
  label: 'transfer.exportJson' | 'transfer.exportCsv' | 'transfer.exportMarkdown';
}> = [
  { kind: 'json', label: 'transfer.exportJson' },
  { kind: 'csv', label: 'transfer.exportCsv' },
  { kind: 'markdown', label: 'transfer.exportMarkdown' },
];

async function readAndImport(file: File): Promise<ImportOutcome<{ added: number; existing: number }>> {
  const tooLarge = sizeProblem(file.size);
  if (tooLarge) return { ok: false, problem: tooLarge };
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { ok: false, problem: { code: 'read-failed', detail: String(error) } };
  }
  return importHistory(text);
}

/** Export the history as JSON, CSV or Markdown; import a JSON export back, merged. */
export function HistorySection() {
  const { t, i18n } = useTranslation();
  const count = useLiveQuery(() => countEntries(), []);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>();
  const [includeImages, setIncludeImages] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const work = async (job: () => Promise<Message | undefined>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      setMessage(await job());
    } catch (error) {
      setMessage({
        ok: false,
        text: t('transfer.exportFailed', { detail: error instanceof Error ? error.message : String(error) }),
      });
    } finally {
      setBusy(false);
    }
  };

  const refused = (file: File, problem: ImportProblem): Message => ({
    ok: false,
    text: t('transfer.refused', { file: file.name, reason: importProblemText(problem, t, i18n.language) }),
  });

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file can be chosen again after fixing it
    if (!file) return;
    void work(async () => {
      const result = await readAndImport(file);
      if (!result.ok) return refused(file, result.problem);
      const { added, existing } = result.value;
      const parts = [
        t('transfer.imported', { count: added }),
        ...(existing ? [t('transfer.alreadyThere', { count: existing })] : []),
      ];
      return { ok: true, text: parts.join(' ') };
    });
  };

  return (
    <section className="card history-transfer" aria-labelledby="history-transfer-title" aria-busy={busy}>
      <h2 id="history-transfer-title">{t('transfer.section')}</h2>
      <p className="hint" data-testid="history-count">
        {count === undefined ? '\u00a0' : count === 0 ? t('transfer.empty') : t('transfer.count', { count })}
      </p>
      <p className="small muted hint">{t('transfer.hint')}</p>
      <div className="row">
        {EXPORTS.map(({ kind, label }) => (
          <button
            key={kind}
            type="button"
            disabled={busy || !count}
            onClick={() => void work(async () => void (await exportHistory(kind, t, i18n.language, includeImages)))}
          >
            {t(label)}
          </button>
        ))}
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={includeImages}
          aria-describedby="include-images-hint"
          onChange={(event) => setIncludeImages(event.target.checked)}
        />
        {t('transfer.includeImages')}
      </label>
      <p id="include-images-hint" className="small muted hint">
        {t('transfer.includeImagesHint')}
      </p>
      <p className="small muted hint">{t('transfer.importHint')}</p>
      <div className="row">
        <button type="button" disabled={busy} onClick={() => input.current?.click()}>
          {busy && <span className="spinner" aria-hidden="true" />}
          {busy ? t('transfer.working') : t('transfer.import')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          aria-label={t('transfer.importLabel')}
          className="visually-hidden"
          tabIndex={-1}
          onChange={onFile}
        />
      </div>
      <div role="status">{message?.ok && <p className="ok">{message.text}</p>}</div>
      {message && !message.ok && (
        <p role="alert" className="error transfer-error">
          {message.text}
        </p>
      )}
      <StorageUsed refreshKey={count} />
      <BatchHistory />
    </section>
  );
}
