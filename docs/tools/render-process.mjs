// Renders bpmn/service-recovery.bpmn (its BPMN DI layout) to docs/process.svg and
// docs/process.png with the bpmn-js viewer in headless Chromium. Re-run it whenever the
// BPMN changes, and commit both pictures.
//
// Needs Node 18+, Debian's Chromium and two npm packages in a scratch directory (the
// script resolves them from the directory it is run in, not from the repository):
//
//   apt-get install -y chromium                      # /usr/bin/chromium
//   mkdir -p /tmp/render && cd /tmp/render && npm init -y
//   PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm i bpmn-js playwright-core
//   node /path/to/repo/docs/tools/render-process.mjs [model.bpmn] [output-dir]
//
// Defaults: ../../bpmn/service-recovery.bpmn and ../ (docs/), relative to this script.
// CHROMIUM=/other/chromium overrides the browser.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const model = resolve(process.argv[2] ?? join(here, '../../bpmn/service-recovery.bpmn'));
const out = resolve(process.argv[3] ?? join(here, '..'));
const require = createRequire(join(process.cwd(), 'noop.js'));
const dist = dirname(require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js'));
const { chromium } = require('playwright-core');

const page = join(mkdtempSync(join(tmpdir(), 'render-process-')), 'index.html');
writeFileSync(page, `<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${pathToFileURL(join(dist, 'assets/diagram-js.css'))}">
<link rel="stylesheet" href="${pathToFileURL(join(dist, 'assets/bpmn-js.css'))}">
<style>html, body, #canvas { margin: 0; width: 100%; height: 100%; background: #fff; }
.djs-palette, .bjs-powered-by { display: none !important; }</style>
<script src="${pathToFileURL(join(dist, 'bpmn-viewer.production.min.js'))}"></script>
</head><body><div id="canvas"></div></body></html>`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const tab = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 2 });
  await tab.goto(pathToFileURL(page).href);
  const inner = await tab.evaluate(async (xml) => {
    window.viewer = new window.BpmnJS({ container: '#canvas' });
    const { warnings } = await window.viewer.importXML(xml);
    if (warnings.length) throw new Error('Import warnings: ' + warnings.map((w) => w.message).join('; '));
    return window.viewer.get('canvas').viewbox().inner;
  }, readFileSync(model, 'utf8'));
  // The page takes the diagram's own size plus a margin, so the picture is drawn at scale 1.
  const margin = 24;
  await tab.setViewportSize({ width: Math.ceil(inner.width) + 2 * margin, height: Math.ceil(inner.height) + 2 * margin });
  const svg = await tab.evaluate(async () => {
    const canvas = window.viewer.get('canvas');
    canvas.resized();
    canvas.zoom('fit-viewport', 'auto');
    return (await window.viewer.saveSVG()).svg;
  });
  writeFileSync(join(out, 'process.svg'), svg + '\n');
  await tab.screenshot({ path: join(out, 'process.png') });
  console.log(`Wrote ${join(out, 'process.svg')} and ${join(out, 'process.png')}`);
} finally {
  await browser.close();
}
