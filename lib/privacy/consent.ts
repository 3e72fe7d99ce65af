import { privacyConsentItem, type PrivacyConsent } from '../settings';
import type { ProviderId } from '../providers/presets';

/** Where an image would go: the provider and the exact address, as the settings say now. */
export interface Destination {
  provider: ProviderId;
  baseUrl: string;
}

/**
 * Whether the user agreed to send images to this destination. A new provider, or the same
 * provider at another address (a custom or local server moved), asks again.
 */
export function consentCovers(consent: PrivacyConsent | null | undefined, to: Destination): boolean {
  return !!consent && consent.provider === to.provider && consent.baseUrl.trim() === to.baseUrl.trim();
}

export async function hasConsent(to: Destination): Promise<boolean> {
  return consentCovers(await privacyConsentItem.getValue(), to);
}

export async function grantConsent(to: Destination, now = Date.now()): Promise<void> {
  await privacyConsentItem.setValue({ provider: to.provider, baseUrl: to.baseUrl.trim(), acceptedAt: now });
}
