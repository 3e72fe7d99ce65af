import { useLiveQuery } from 'dexie-react-hooks';
import { latestRecreationThumbnail } from '@/lib/history/generations';
import { useObjectUrl } from '@/components/use-object-url';

/** The newest recreation beside the original in a history row; nothing when there is none. */
export function RecreationThumb({ entryId }: { entryId: string }) {
  const url = useObjectUrl(useLiveQuery(() => latestRecreationThumbnail(entryId), [entryId]));
  // Decorative: the row's text already names the entry.
  return url ? <img className="thumb small-thumb recreation-thumb" src={url} alt="" /> : null;
}
