import { addViteConfig, defineWxtModule } from 'wxt/modules';
import { historyValidator } from './history-validator-plugin';

/**
 * WXT module: the history export's validator, compiled at build time (see
 * history-validator-plugin.ts). vitest.config.ts registers the same plugin for the unit tests.
 */
export default defineWxtModule({
  name: 'promptlens:history-validator',
  setup: (wxt) => addViteConfig(wxt, () => ({ plugins: [historyValidator()] })),
});
