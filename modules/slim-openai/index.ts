import { addViteConfig, defineWxtModule } from 'wxt/modules';
import { slimOpenAI } from './slim-openai';

/** WXT module: the openai SDK without the resources PromptLens never calls (see slim-openai.ts). */
export default defineWxtModule({
  name: 'promptlens:slim-openai',
  setup: (wxt) => addViteConfig(wxt, () => ({ plugins: [slimOpenAI()] })),
});
