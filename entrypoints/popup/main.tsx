import { mountApp } from '@/components/mount-app';
import { recordDebugTimings } from './debug-timings';
import './popup.css';

// The history and job views (Dexie, its React hooks, every job component) are a chunk of their
// own, loaded while the translations load: the popup's start-up script stays within its size
// budget (scripts/check-size-budget.ts). Not React.lazy + Suspense: React holds a Suspense
// fallback on screen for at least 300 ms, which would be most of the popup's opening time.
void mountApp(import('./App').then((module) => module.default));
void recordDebugTimings().catch(() => undefined);
