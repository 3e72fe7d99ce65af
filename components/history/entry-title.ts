import type { TFunction } from 'i18next';
import type { HistoryEntry } from '@/lib/history/types';

/** The styles written for an image: "Midjourney, Flux", or template names. */
export function entryTitle(entry: Pick<HistoryEntry, 'styles' | 'templates'>, t: TFunction): string {
  return [...entry.styles.map((style) => t(`styles.${style}`)), ...entry.templates].join(', ');
}
