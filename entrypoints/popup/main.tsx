import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { mountApp } from '@/components/mount-app';
import './popup.css';

// The history and job views (Dexie, its React hooks, every job component) load after the first
// paint: the popup's start-up script stays within its size budget (scripts/check-size-budget.ts).
const App = lazy(() => import('./App'));

/** The popup's header while the rest loads (a few ms): no blank flash, no layout jump. */
function Shell() {
  const { t } = useTranslation();
  return (
    <div className="popup" aria-busy="true">
      <header className="popup-head">
        <h1>{t('app.name')}</h1>
      </header>
    </div>
  );
}

function Popup() {
  return (
    <Suspense fallback={<Shell />}>
      <App />
    </Suspense>
  );
}

void mountApp(Popup);
