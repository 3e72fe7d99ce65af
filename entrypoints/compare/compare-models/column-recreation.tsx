import { useTranslation } from 'react-i18next';
import { useObjectUrl } from '@/components/use-object-url';
import type { StoredGeneration } from '@/lib/history/generation-types';
import { GenerationStatus } from '../generation-status';
import { ColumnScoreSlot } from './column-score-slot';

/** The column's newest recreation: progress or failure as the main view words them, else the picture. */
export function ColumnRecreation({ generation, label }: { generation: StoredGeneration; label: string }) {
  const { t } = useTranslation();
  const url = useObjectUrl(generation.status === 'done' ? generation.blob : undefined);
  return (
    <figure className="column-recreation">
      {url ? (
        <img src={url} alt={`${t('generation.recreation')} · ${label}`} />
      ) : (
        <GenerationStatus generation={generation} />
      )}
      {generation.status === 'done' && <ColumnScoreSlot generation={generation} />}
    </figure>
  );
}
