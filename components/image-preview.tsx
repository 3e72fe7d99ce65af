import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getThumbnail } from '@/lib/jobs/job-store';
import './image-preview.css';

/** An image's thumbnail (made from the image as it was sent: downscaled, no metadata). */
export function ImagePreview({ imageId, className }: { imageId: string; className?: string }) {
  const blob = useLiveQuery(() => getThumbnail(imageId), [imageId]);
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) return setUrl(undefined);
    const objectUrl = URL.createObjectURL(blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [blob]);
  if (!url) return <div className={className} aria-hidden="true" />;
  return <img className={className} src={url} alt="" />;
}
