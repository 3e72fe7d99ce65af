import { useEffect, useState } from 'react';

/** A job's thumbnail (made from the image as it was sent: downscaled, no metadata). */
export function ImagePreview({ blob, className }: { blob?: Blob; className?: string }) {
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
