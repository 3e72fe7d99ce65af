import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recreationFileName } from '@/lib/generation/file-name';
import { db } from '@/lib/history/db';
import type { StoredGeneration } from '@/lib/history/generation-types';
import { generationsFor } from '@/lib/history/generations';
import { sendMessage } from '@/lib/messaging';
import { CompareModelsTool } from './compare-models/compare-models-tool';
import { ComparisonSection } from './compare-models/comparison-section';
import { GenerationStatus } from './generation-status';
import { CompareTools } from './compare-tools';
import { ImageStage } from './image-stage';
import { RoundsPanel } from './rounds-panel';
import { useObjectUrl } from '@/components/use-object-url';

const entryId = new URLSearchParams(location.search).get('entry') ?? '';

/** One history entry's original beside its recreations; the newest shows unless another is picked. */
export default function App() {
  const { t } = useTranslation();
  const entry = useLiveQuery(() => db.history.get(entryId).then((row) => row ?? null), []);
  // The stored normalized image; the bounded image cache may have let it go, then the thumbnail.
  const original = useLiveQuery(
    async () => (await db.images.get(entryId))?.blob ?? (await db.thumbnails.get(entryId))?.blob ?? null,
    [],
  );
  const generations = useLiveQuery(() => generationsFor(entryId), [], []);
  // A pick holds until a newer recreation starts (from here or from the popup): that one shows.
  const [picked, setPicked] = useState<{ id: string; newest?: string }>();
  const newest = generations[0]?.id;
  const current = (picked?.newest === newest && generations.find((g) => g.id === picked?.id)) || generations[0];
  const originalUrl = useObjectUrl(original ?? undefined);
  const recreationUrl = useObjectUrl(current?.status === 'done' ? current.blob : undefined);
  useEffect(() => {
    document.title = `${t('generation.compareTitle')} · ${t('app.name')}`;
  }, [t]);
  if (entry === undefined) return null;
  if (entry === null)
    return (
      <main className="compare">
        <p role="alert">{t('generation.notFound')}</p>
      </main>
    );
  const busy = current?.status === 'running';
  return (
    <main className="compare">
      <header className="row">
        <h1>{t('generation.compareTitle')}</h1>
        <button
          type="button"
          className="primary"
          disabled={busy || entry.status !== 'done'}
          onClick={() => void sendMessage('recreateJob', current?.jobId ?? entry.latestJobId)}
        >
          {t('generation.recreate')}
        </button>
        {recreationUrl && current && (
          <a className="button" href={recreationUrl} download={recreationFileName(current)}>
            {t('generation.download')}
          </a>
        )}
      </header>
      {original === null && <p className="small muted">{t('generation.noOriginal')}</p>}
      <ImageStage
        original={originalUrl}
        recreation={recreationUrl}
        placeholder={
          current ? (
            <GenerationStatus generation={current} />
          ) : (
            <p className="placeholder muted">{t('generation.nothingYet')}</p>
          )
        }
      />
      {current && (
        <section aria-labelledby="prompt-sent">
          <h2 id="prompt-sent" className="small">
            {t('generation.promptSent')} · <bdi>{current.model || current.provider}</bdi>
            {current.size && (
              <>
                {' '}
                · <bdi>{current.size}</bdi>
              </>
            )}
          </h2>
          <p className="prompt-sent" dir="auto">
            {current.prompt}
          </p>
          {current.notes.map((note) => (
            <p key={note} className="small muted">
              {t(`generation.note_${note}`)}
            </p>
          ))}
        </section>
      )}
      {generations.length > 1 && (
        <RecreationPicker generations={generations} current={current?.id} onPick={(id) => setPicked({ id, newest })} />
      )}
      <aside className="compare-tools" aria-label={t('score.tools')}>
        <CompareTools generation={current} generations={generations} />
        <RoundsPanel generations={generations} current={current?.id} onShow={(id) => setPicked({ id, newest })} />
        <CompareModelsTool jobId={entry.latestJobId} />
      </aside>
      <ComparisonSection entryId={entryId} />
    </main>
  );
}

function Thumb({ blob }: { blob?: Blob }) {
  const url = useObjectUrl(blob);
  return url ? <img src={url} alt="" /> : <span className="small">…</span>;
}

function RecreationPicker({
  generations,
  current,
  onPick,
}: {
  generations: StoredGeneration[];
  current?: string;
  onPick: (id: string) => void;
}) {
  const { i18n } = useTranslation();
  return (
    <ul className="generations">
      {generations.map((g) => (
        <li key={g.id}>
          <button
            type="button"
            aria-pressed={g.id === current}
            title={`${g.model} · ${new Date(g.createdAt).toLocaleString(i18n.language)}`}
            onClick={() => onPick(g.id)}
          >
            <Thumb blob={g.thumbnail} />
          </button>
        </li>
      ))}
    </ul>
  );
}
