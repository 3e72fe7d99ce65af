import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { availableFormats, formatAltText, type AltFormat } from '@/lib/alt-text/copy-formats';
import type { Job } from '@/lib/jobs/types';
import { CopyButton } from '@/components/copy-button';

/** Code and product names: the same in every language. */
const FORMAT_LABELS: Record<Exclude<AltFormat, 'plain'>, string> = {
  attribute: 'alt="…"',
  img: '<img>',
  markdown: 'Markdown',
  figure: '<figure>',
};

/** Copy for an alt-text result: a format picker beside Copy, the image's address from where it came. */
export function AltTextCopy({ job }: { job: Job }) {
  const { t } = useTranslation();
  const id = useId();
  const [format, setFormat] = useState<AltFormat>('plain');
  const src = job.source.imageUrl?.startsWith('data:') ? undefined : job.source.imageUrl;
  const formats = availableFormats(src);
  const chosen = formats.includes(format) ? format : 'plain';
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {t('altText.copyAs')}
      </label>
      <select id={id} className="copy-format" value={chosen} onChange={(e) => setFormat(e.target.value as AltFormat)}>
        {formats.map((value) => (
          <option key={value} value={value}>
            {value === 'plain' ? t('altText.plain') : FORMAT_LABELS[value]}
          </option>
        ))}
      </select>
      <CopyButton text={formatAltText(chosen, job.text, src)} className="primary" />
    </>
  );
}

/** The page's own alt text, when it had one: to compare before replacing it. */
export function PageAltText({ alt }: { alt: string }) {
  const { t } = useTranslation();
  return (
    <figure className="page-alt">
      <figcaption className="small muted">{t('altText.onPage')}</figcaption>
      <blockquote dir="auto">{alt}</blockquote>
    </figure>
  );
}
