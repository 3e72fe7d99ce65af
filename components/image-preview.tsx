import { useLiveQuery } from 'dexie-react-hooks';
import { getThumbnail } from '@/lib/jobs/job-store';
import { useObjectUrl } from './use-object-url';
import './image-preview.css';

/** An image's thumbnail (made from the image as it was sent: downscaled, no metadata). */
export function ImagePreview({ imageId, className }: { imageId: string; className?: string }) {
  const url = useObjectUrl(useLiveQuery(() => getThumbnail(imageId), [imageId]));
  if (!url) return <div className={className} aria-hidden="true" />;
  return <img className={className} src={url} alt="" />;
}
