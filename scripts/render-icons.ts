/**
 * `npx jiti scripts/render-icons.ts`: renders the toolbar icons in scripts/icons/*.svg to the
 * PNGs in public/icon/ with Chromium (CHROMIUM_PATH or /usr/bin/chromium), at the two sizes a
 * toolbar uses (16 px, and 32 px on high-density screens). The PNGs are committed; run this only
 * after changing an SVG.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const SIZES = [16, 32];
const ICONS: Record<string, string> = { 'toolbar.svg': 'toolbar', 'toolbar-on-dark.svg': 'toolbar-on-dark' };

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const [source, name] of Object.entries(ICONS)) {
  const svg = fs.readFileSync(path.join(import.meta.dirname, 'icons', source), 'utf8');
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      '<style>html,body{margin:0;background:transparent}' +
        `svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    const file = path.join(import.meta.dirname, '..', 'public', 'icon', `${name}-${size}.png`);
    await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
await browser.close();
