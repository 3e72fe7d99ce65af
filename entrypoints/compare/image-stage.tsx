import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Mode = 'side' | 'overlay';

interface Props {
  original?: string;
  recreation?: string;
  /** Shown in the recreation's place while there is none (progress, error). */
  placeholder: React.ReactNode;
}

/**
 * The two pictures: side by side, or stacked with a slider revealing the recreation over the
 * original (from the reading direction's start). Zoom scales both the same; the frames scroll.
 */
export function ImageStage({ original, recreation, placeholder }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('side');
  const [reveal, setReveal] = useState(50);
  const [zoom, setZoom] = useState(1);
  const size = { inlineSize: `${zoom * 100}%` };
  const canOverlay = !!(original && recreation);
  const shown: Mode = canOverlay ? mode : 'side';
  return (
    <section className="stage">
      <div className="row stage-tools">
        <div className="segmented">
          {(['side', 'overlay'] as const).map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={shown === m}
              disabled={m === 'overlay' && !canOverlay}
              onClick={() => setMode(m)}
            >
              {t(m === 'side' ? 'generation.sideBySide' : 'generation.overlay')}
            </button>
          ))}
        </div>
        <label className="row slider">
          {t('generation.zoom')}
          <input
            type="range"
            min={1}
            max={4}
            step={0.25}
            value={zoom}
            onChange={(e) => setZoom(Number(e.target.value))}
          />
        </label>
        {shown === 'overlay' && (
          <label className="row slider">
            {t('generation.reveal')}
            <input type="range" min={0} max={100} value={reveal} onChange={(e) => setReveal(Number(e.target.value))} />
          </label>
        )}
      </div>
      {shown === 'side' ? (
        <div className="side-by-side">
          <figure>
            <figcaption>{t('generation.original')}</figcaption>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so arrow keys scroll a zoomed picture */}
            <div className="frame" tabIndex={0}>
              {original && <img src={original} alt={t('generation.original')} style={size} />}
            </div>
          </figure>
          <figure>
            <figcaption>{t('generation.recreation')}</figcaption>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so arrow keys scroll a zoomed picture */}
            <div className="frame" tabIndex={0}>
              {recreation ? <img src={recreation} alt={t('generation.recreation')} style={size} /> : placeholder}
            </div>
          </figure>
        </div>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so arrow keys scroll a zoomed picture
        <div className="frame overlay" tabIndex={0}>
          <div className="layers" style={size}>
            <img src={original} alt={t('generation.original')} />
            <img
              className="top"
              src={recreation}
              alt={t('generation.recreation')}
              style={{
                clipPath: `inset(0 calc(${100 - reveal}% * var(--end-ltr)) 0 calc(${100 - reveal}% * var(--end-rtl)))`,
              }}
            />
          </div>
        </div>
      )}
    </section>
  );
}
