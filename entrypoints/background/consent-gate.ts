import { JobFailure } from '@/lib/errors';
import { hasConsent } from '@/lib/privacy/consent';
import type { ProviderConfig } from './provider-config';

/**
 * The last step before an image leaves the device: without the user's OK for this provider
 * and address, the job stops here (its image already stored, so "Send" in the popup's notice
 * is a plain Retry). Test connection does not pass here: it sends a generated 32 px square.
 */
export async function assertConsent(config: ProviderConfig): Promise<void> {
  // On-device: the image never leaves the device, so there is nothing to agree to.
  if (config.preset.kind === 'on-device') return;
  if (!(await hasConsent({ provider: config.settings.provider, baseUrl: config.baseUrl }))) {
    throw new JobFailure({ code: 'consent-required' });
  }
}
