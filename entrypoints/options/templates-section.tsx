import { useTranslation } from 'react-i18next';
import type { CustomTemplate } from '@/lib/prompt/templates';
import { useSettingsStore } from './settings-store';

/** The user's own instructions: listed in the context menu and the popup like the built-in styles. */
export function TemplatesSection() {
  const { t } = useTranslation();
  const settings = useSettingsStore((state) => state.settings);
  const update = useSettingsStore((state) => state.update);
  if (!settings) return null;
  const templates = settings.templates;
  const save = (next: CustomTemplate[]) => void update({ templates: next });
  const change = (id: string, patch: Partial<CustomTemplate>) =>
    save(templates.map((x) => (x.id === id ? { ...x, ...patch } : x)));
  const add = () =>
    save([
      ...templates,
      { id: crypto.randomUUID(), name: t('options.newTemplateName'), text: t('options.newTemplateText') },
    ]);

  return (
    <section className="card">
      <h2>{t('options.templatesSection')}</h2>
      <p className="small muted hint">{t('options.templatesHint')}</p>
      {templates.map((template, index) => (
        <fieldset key={template.id} className="template">
          <legend className="visually-hidden">{template.name}</legend>
          <label htmlFor={`tpl-name-${template.id}`}>{t('options.templateName')}</label>
          <input
            id={`tpl-name-${template.id}`}
            value={template.name}
            maxLength={60}
            onChange={(e) => change(template.id, { name: e.target.value })}
          />
          <label htmlFor={`tpl-text-${template.id}`}>{t('options.templateText')}</label>
          <textarea
            id={`tpl-text-${template.id}`}
            rows={3}
            value={template.text}
            onChange={(e) => change(template.id, { text: e.target.value })}
          />
          <div className="row">
            <button
              type="button"
              onClick={() => save(templates.filter((x) => x.id !== template.id))}
              aria-label={`${t('options.deleteTemplate')} ${template.name || index + 1}`}
            >
              {t('options.deleteTemplate')}
            </button>
          </div>
        </fieldset>
      ))}
      <div className="row">
        <button type="button" onClick={add}>
          {t('options.addTemplate')}
        </button>
      </div>
    </section>
  );
}
