import { useTranslation } from 'react-i18next';
import { checkTargetTemplate, type CustomTarget } from '@/lib/send-to/custom-targets';
import { BUILTIN_TARGETS, type BuiltinTargetId } from '@/lib/send-to/targets';
import { useSettingsStore } from './settings-store';

/** Which tools "Send to…" lists, and the user's own with an address template. */
export function SendToSection() {
  const { t } = useTranslation();
  const sendTo = useSettingsStore((state) => state.settings?.sendTo);
  const update = useSettingsStore((state) => state.update);
  if (!sendTo) return null;
  const toggle = (id: BuiltinTargetId, on: boolean) =>
    void update({
      sendTo: {
        ...sendTo,
        targets: BUILTIN_TARGETS.map((x) => x.id).filter((x) => (x === id ? on : sendTo.targets.includes(x))),
      },
    });
  const saveCustom = (custom: CustomTarget[]) => void update({ sendTo: { ...sendTo, custom } });
  const change = (id: string, patch: Partial<CustomTarget>) =>
    saveCustom(sendTo.custom.map((x) => (x.id === id ? { ...x, ...patch } : x)));
  const add = () => saveCustom([...sendTo.custom, { id: crypto.randomUUID(), name: '', template: 'https://' }]);

  return (
    <section className="card" aria-labelledby="send-to-heading">
      <h2 id="send-to-heading">{t('sendTo.button')}</h2>
      <p className="small muted hint">{t('sendTo.hint')}</p>
      <fieldset className="send-to-tools">
        <legend className="visually-hidden">{t('sendTo.button')}</legend>
        {BUILTIN_TARGETS.map((target) => (
          <label key={target.id} className="check">
            <input
              type="checkbox"
              checked={sendTo.targets.includes(target.id)}
              onChange={(e) => toggle(target.id, e.target.checked)}
            />
            {target.name}
          </label>
        ))}
      </fieldset>
      {sendTo.custom.map((custom, index) => {
        const invalid = checkTargetTemplate(custom.template) !== undefined;
        const errorId = `send-to-error-${custom.id}`;
        return (
          <fieldset key={custom.id} className="template">
            <legend className="visually-hidden">{custom.name || index + 1}</legend>
            <label htmlFor={`send-to-name-${custom.id}`}>{t('options.templateName')}</label>
            <input
              id={`send-to-name-${custom.id}`}
              value={custom.name}
              maxLength={40}
              onChange={(e) => change(custom.id, { name: e.target.value })}
            />
            <label htmlFor={`send-to-url-${custom.id}`}>{t('sendTo.urlTemplate')}</label>
            <input
              id={`send-to-url-${custom.id}`}
              type="url"
              dir="ltr"
              value={custom.template}
              placeholder="https://example.com/?q={prompt}"
              aria-invalid={invalid}
              aria-describedby={invalid ? errorId : undefined}
              onChange={(e) => change(custom.id, { template: e.target.value })}
            />
            {invalid && (
              <p id={errorId} className="small error-text">
                {t('sendTo.invalidUrl')}
              </p>
            )}
            <div className="row">
              <button
                type="button"
                onClick={() => saveCustom(sendTo.custom.filter((x) => x.id !== custom.id))}
                aria-label={`${t('options.deleteTemplate')} ${custom.name || index + 1}`}
              >
                {t('options.deleteTemplate')}
              </button>
            </div>
          </fieldset>
        );
      })}
      <p className="small muted hint">{t('sendTo.urlHint')}</p>
      <div className="row">
        <button type="button" onClick={add}>
          {t('sendTo.addTool')}
        </button>
      </div>
    </section>
  );
}
