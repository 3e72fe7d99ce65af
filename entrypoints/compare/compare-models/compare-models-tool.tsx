import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModelPicker } from './model-picker';
import { usePickerHash } from './use-picker-hash';

/**
 * "Compare models" in the page's tools: opens the picker (also when the popup sent the user here).
 * `jobId` gives the style and detail; its own outcome does not matter, the stored image is compared.
 */
export function CompareModelsTool({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  usePickerHash(useCallback(() => setOpen(true), []));
  return (
    <div className="compare-models-tool">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('compareModels.title')}
      </button>
      {open && <ModelPicker jobId={jobId} onClose={() => setOpen(false)} />}
    </div>
  );
}
