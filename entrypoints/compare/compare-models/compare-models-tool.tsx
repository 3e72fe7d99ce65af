import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModelPicker } from './model-picker';
import { usePickerHash } from './use-picker-hash';

/** "Compare models" in the page's tools: opens the picker (also when the popup sent the user here). */
export function CompareModelsTool({ jobId, disabled }: { jobId: string; disabled: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  usePickerHash(useCallback(() => setOpen(true), []));
  return (
    <div className="compare-models-tool">
      <button type="button" aria-expanded={open} disabled={disabled} onClick={() => setOpen(!open)}>
        {t('compareModels.title')}
      </button>
      {open && !disabled && <ModelPicker jobId={jobId} onClose={() => setOpen(false)} />}
    </div>
  );
}
