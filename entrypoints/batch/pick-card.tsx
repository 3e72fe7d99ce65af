import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { largestKnownSize } from '@/lib/batch/candidates';
import type { BatchCandidate } from '@/lib/batch/found-image';

/** Where an image comes from, in a few characters: its site, or what kind of element shows it. */
export function sourceOf(candidate: Pick<BatchCandidate, 'kind' | 'url'>): string {
  if (candidate.kind === 'url' && candidate.url && /^https?:/i.test(candidate.url)) {
    try {
      return new URL(candidate.url).host;
    } catch {
      return '';
    }
  }
  return { url: 'data:', blob: 'blob:', canvas: '<canvas>', video: '<video>', svg: '<svg>' }[candidate.kind];
}

/** What a card shows as a picture: the page's own file, or the small copy the scan drew. */
export function previewOf(candidate: Pick<BatchCandidate, 'kind' | 'url' | 'thumbnail'>): string | undefined {
  return candidate.thumbnail ?? (candidate.kind === 'url' ? candidate.url : undefined);
}

export function Preview({ src }: { src: string | undefined }) {
  const { t } = useTranslation();
  const [broken, setBroken] = useState(false);
  if (!src || broken) return <span className="preview none small muted">{t('batch.noPreview')}</span>;
  // Decorative: the checkbox beside it carries the image's name.
  return <img className="preview" src={src} alt="" loading="lazy" decoding="async" onError={() => setBroken(true)} />;
}

export function SizeAndSource({ candidate }: { candidate: BatchCandidate }) {
  const size = largestKnownSize(candidate);
  return (
    <span className="small muted facts">
      {/* Width × height, in that order in every language. */}
      <bdi dir="ltr">
        {size.width} × {size.height}
      </bdi>{' '}
      · <bdi>{sourceOf(candidate)}</bdi>
    </span>
  );
}

/** One image of the pick view: its checkbox, named by the image (alt text or file name). */
export function PickCard({
  candidate,
  checked,
  onToggle,
}: {
  candidate: BatchCandidate;
  checked: boolean;
  onToggle: (id: string, checked: boolean) => void;
}) {
  return (
    <li className="card" data-checked={checked}>
      <label>
        <Preview src={previewOf(candidate)} />
        <span className="name">
          <input type="checkbox" checked={checked} onChange={(event) => onToggle(candidate.id, event.target.checked)} />
          <bdi>{candidate.name}</bdi>
        </span>
      </label>
      <SizeAndSource candidate={candidate} />
    </li>
  );
}
