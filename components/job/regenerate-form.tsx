import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job } from '@/lib/jobs/types';
import { sendMessage } from '@/lib/messaging';
import { DETAIL_LEVELS, isDetailLevel, type DetailLevel } from '@/lib/prompt/detail';
import { STYLE_IDS, isStyleId } from '@/lib/prompt/styles';
import type { CustomTemplate } from '@/lib/prompt/templates';

interface Props {
  job: Job;
  templates: CustomTemplate[];
  onStarted: (jobId: string) => void;
}

/** "Regenerate as …": the same image in another style, template or detail, no trip to the page. */
export function RegenerateForm({ job, templates, onStarted }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [choice, setChoice] = useState(job.template ? `template:${job.template.id}` : `style:${job.style}`);
  const [detail, setDetail] = useState<DetailLevel>(job.detail ?? 'standard');
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const [kind, value] = choice.split(/:(.*)/s) as [string, string];
    const template = kind === 'template' ? templates.find((x) => x.id === value) : undefined;
    const style = kind === 'style' && isStyleId(value) ? value : job.style;
    setBusy(true);
    try {
      const newId = await sendMessage('regenerateJob', { jobId: job.id, style, templateId: template?.id, detail });
      if (newId) onStarted(newId);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="regenerate row" onSubmit={submit}>
      <label htmlFor={`${id}-as`} className="small">
        {t('popup.regenerateAs')}
      </label>
      <select id={`${id}-as`} value={choice} onChange={(e) => setChoice(e.target.value)}>
        {STYLE_IDS.map((style) => (
          <option key={style} value={`style:${style}`}>
            {t(`styles.${style}`)}
          </option>
        ))}
        {templates.map((template) => (
          <option key={template.id} value={`template:${template.id}`}>
            {template.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-detail`} className="small">
        {t('popup.detail')}
      </label>
      <select
        id={`${id}-detail`}
        value={detail}
        onChange={(e) => isDetailLevel(e.target.value) && setDetail(e.target.value)}
      >
        {DETAIL_LEVELS.map((level) => (
          <option key={level} value={level}>
            {t(`detail.${level}`)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy}>
        {t('popup.regenerate')}
      </button>
    </form>
  );
}
