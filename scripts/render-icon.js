// Draws media/icon.png (128×128, as the Marketplace wants) from media/icon.svg with Debian's Chromium.
// Run by hand after editing the SVG: `node scripts/render-icon.js`.
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

async function main() {
  const svg = fs.readFileSync(path.join(__dirname, '..', 'media', 'icon.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: path.join(__dirname, '..', 'media', 'icon.png'), omitBackground: true });
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
