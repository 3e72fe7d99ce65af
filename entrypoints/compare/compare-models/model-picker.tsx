import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { useSettings } from '@/components/use-settings';
import type { CompareStart } from '@/lib/compare-models/comparison';
import { initialPick, PICK_RANGE, pickedModels, togglePick } from '@/lib/compare-models/model-pick';
import { isDefaultModel } from '@/lib/compare-models/vision-models';
import { sendMessage } from '@/lib/messaging';
import { providerLabel } from '@/lib/providers/provider-names';
import { COMPARISON_HEADING_ID } from './comparison-section';

const openSettings = () => void browser.runtime.openOptionsPage();

type Problem = Extract<CompareStart, { ok: false }>['reason'];

/** 2–4 of the saved vision models, ticked; Start runs the entry's stored image through each. */
export function ModelPicker({ jobId, onClose }: { jobId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const settings = useSettings();
  const [picked, setPicked] = useState<string[]>();
  const [problem, setProblem] = useState<Problem>();
  const first = useRef<HTMLInputElement>(null);
  const list = settings?.visionModels ?? [];
  useEffect(() => {
    if (!settings || picked) return;
    setPicked(initialPick(settings.visionModels, settings.visionModels.find((m) => isDefaultModel(settings, m))?.id));
  }, [settings, picked]);
  // Focus goes to the list once it shows, so the keyboard starts where the choosing is.
  const shown = picked !== undefined;
  useEffect(() => {
    if (shown) first.current?.focus();
  }, [shown]);
  if (!settings || !picked) return null;
  const models = pickedModels(list, picked);
  const start = async () => {
    if (!models) return;
    const answer = await sendMessage('compareModels', { jobId, modelIds: models.map((m) => m.id) });
    if (!answer.ok) return setProblem(answer.reason);
    onClose();
    // The columns appear with the first job records; the heading takes focus once it is there.
    requestAnimationFrame(() => setTimeout(() => document.getElementById(COMPARISON_HEADING_ID)?.focus(), 150));
  };
  return (
    // Escape closes the picker, as it closes menus elsewhere in PromptLens.
    // biome-ignore lint/a11y/noStaticElementInteractions: the key is handled for the controls inside
    <div className="model-picker" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      {list.length < PICK_RANGE.min ? (
        <p className="small">
          {t('compareModels.needMore')}{' '}
          <button type="button" onClick={openSettings}>
            {t('popup.openSettings')}
          </button>
        </p>
      ) : (
        <fieldset>
          <legend>{t('compareModels.pick')}</legend>
          {list.map((m, i) => (
            <label key={m.id} className="check">
              <input
                ref={i === 0 ? first : undefined}
                type="checkbox"
                checked={picked.includes(m.id)}
                disabled={!picked.includes(m.id) && picked.length >= PICK_RANGE.max}
                onChange={() => setPicked(togglePick(picked, m.id))}
              />
              <bdi>
                {providerLabel(m.provider, t)} · {m.model}
              </bdi>
            </label>
          ))}
          <p className="small muted">{t('compareModels.sendsTo')}</p>
        </fieldset>
      )}
      {problem && (
        <p role="alert" className="error">
          {problem === 'image-gone'
            ? t('compareModels.imageGone')
            : problem === 'no-job'
              ? t('generation.notFound')
              : t('compareModels.pick')}
        </p>
      )}
      <div className="row">
        <button type="button" className="primary" disabled={!models} onClick={() => void start()}>
          {t('compareModels.start')}
        </button>
        <button type="button" onClick={onClose}>
          {t('popup.cancel')}
        </button>
      </div>
    </div>
  );
}
