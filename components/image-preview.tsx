import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getImage } from '@/lib/jobs/job-store';

/** The image as it was sent to the provider (downscaled, no metadata). */
export function ImagePreview({ imageId, className }: { imageId: string; className?: string }) {
  const stored = useLiveQuery(() => getImage(imageId), [imageId]);
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!stored) return;
    const objectUrl = URL.createObjectURL(stored.blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [stored]);
  if (!url) return <div className={className} aria-hidden="true" />;
  return <img className={className} src={url} alt="" />;
}
