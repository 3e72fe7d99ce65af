import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageCode } from '@/lib/languages';
import {
  checkAvailability,
  downloadModel,
  languageModelApi,
  onDeviceLanguage,
  type OnDeviceAvailability,
} from '@/lib/providers/on-device';

/**
 * Gemini Nano's state on this device, as Chrome reports it: not available / downloadable (with
 * the Download button, whose click is the user gesture `create()` needs) / downloading / ready.
 * Checked here, in the page, with the same options the job will use.
 */
export function OnDeviceStatus({ promptLanguage }: { promptLanguage: LanguageCode }) {
  const { t } = useTranslation();
  const language = onDeviceLanguage(promptLanguage);
  const [state, setState] = useState<OnDeviceAvailability>();
  const [progress, setProgress] = useState<number>();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout>;
    const check = async () => {
      const next = await checkAvailability(languageModelApi(), language);
      if (stop) return;
      setState(next);
      // A download started elsewhere (another tab, Chrome itself) finishes without telling us.
      if (next === 'downloading') timer = setTimeout(check, 2000);
    };
    void check();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [language]);
  const download = async () => {
    const api = languageModelApi();
    if (!api) return;
    setFailure(undefined);
    setProgress(0);
    setState('downloading');
    try {
      await downloadModel(api, language, setProgress);
      setState(await checkAvailability(api, language));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      setState(await checkAvailability(api, language));
    } finally {
      setProgress(undefined);
    }
  };
  return (
    <div className="on-device">
      <p role="status" className="note">
        {state === 'unavailable' && t('onDevice.unavailable')}
        {state === 'downloadable' && t('onDevice.downloadable')}
        {state === 'downloading' && t('onDevice.downloading')}
        {state === 'available' && t('onDevice.ready')}
      </p>
      {state === 'downloadable' && (
        <button type="button" onClick={() => void download()}>
          {t('onDevice.download')}
        </button>
      )}
      {state === 'downloading' && <progress max={1} value={progress} aria-label={t('onDevice.downloading')} />}
      {failure && (
        <p role="alert" className="small">
          {t('onDevice.downloadFailed', { detail: failure })}
        </p>
      )}
      {language !== promptLanguage && <p className="small note">{t('onDevice.languageNote')}</p>}
    </div>
  );
}
