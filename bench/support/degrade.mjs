/**
 * Make scans nobody has seen from any text-layer PDF, to test OCR on layouts beyond the bundled
 * samples (build first: `npx tsc -p .`).
 *
 * - degradedScan: every page rendered at 150–300 dpi in grey, turned by a small angle, blurred, given
 *   noise and saved as JPEG, in a PDF of images only (what a county office's scanner produces).
 * - brokenText: the same PDF with every font's ToUnicode map scrambled (each glyph decodes to another
 *   Han character): the page looks right, its text layer is garbage (a broken export).
 *
 * Both are seeded: the same input and options give the same bytes.
 *
 *   node bench/support/degrade.mjs IN.pdf OUT-scan.pdf [--dpi 200 --angle 0.6 --blur 0.7 --noise 10 --quality 55 --seed 1 --pages 3,5]
 *   node bench/support/degrade.mjs IN.pdf OUT-broken.pdf --broken [--seed 1]
 */
import { createCanvas } from '@napi-rs/canvas';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PDFDocument, PDFName, PDFRawStream, PDFStream, decodePDFRawStream } from 'pdf-lib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A small seeded PRNG (mulberry32): the same seed gives the same degradation. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEFAULT_SCAN = { dpi: 200, angleDeg: 0.6, blurPx: 0.7, noise: 10, quality: 55, seed: 1 };

/** Pages (1-based) of a PDF as a degraded image-only scan; `pages` null for all. */
export async function degradedScan(bytes, options = {}) {
  const o = { ...DEFAULT_SCAN, ...options };
  const { openDocument } = await import(pathToFileURL(path.join(root, 'dist/pdf/openDocument.js')).href);
  const doc = await openDocument(new Uint8Array(bytes));
  const out = await PDFDocument.create();
  const random = rng(o.seed);
  const wanted = o.pages ?? Array.from({ length: doc.numPages }, (_, i) => i + 1);
  try {
    for (const n of wanted) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: o.dpi / 72 });
      const w = Math.ceil(viewport.width), h = Math.ceil(viewport.height);
      const clean = createCanvas(w, h);
      await page.render({ canvas: clean, viewport, background: 'white' }).promise;
      page.cleanup();
      const canvas = createCanvas(w, h);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = 'white';
      ctx.fillRect(0, 0, w, h);
      // A page fed a little askew, each page by its own angle around the chosen one.
      const angle = ((random() < 0.5 ? -1 : 1) * o.angleDeg * (0.5 + random() * 0.5) * Math.PI) / 180;
      ctx.translate(w / 2, h / 2);
      ctx.rotate(angle);
      ctx.translate(-w / 2, -h / 2);
      ctx.filter = `blur(${o.blurPx}px)`;
      ctx.drawImage(clean, 0, 0);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.filter = 'none';
      const img = ctx.getImageData(0, 0, w, h);
      const d = img.data;
      for (let i = 0; i < d.length; i += 4) {
        // Grey with sensor noise (sum of uniforms ≈ normal), paper a little off-white.
        const noise = (random() + random() + random() - 1.5) * 2 * o.noise;
        const g = Math.max(0, Math.min(255, (d[i] * 77 + d[i + 1] * 150 + d[i + 2] * 29) / 256 * 0.94 + 8 + noise));
        d[i] = d[i + 1] = d[i + 2] = g;
      }
      ctx.putImageData(img, 0, 0);
      const jpeg = await canvas.encode('jpeg', o.quality);
      const image = await out.embedJpg(jpeg);
      const p = out.addPage([base.width, base.height]);
      p.drawImage(image, { x: 0, y: 0, width: base.width, height: base.height });
    }
  } finally {
    await doc.destroy();
  }
  return out.save();
}

const HAN_FIRST = 0x4e00, HAN_COUNT = 0x9fa5 - 0x4e00;

/**
 * The PDF with each font's ToUnicode CMap rewritten so every glyph decodes to a random Han character
 * (one fixed permutation per seed). Fonts without a ToUnicode map are given none (they stay as they are);
 * the number of maps scrambled is returned with the bytes.
 */
export async function brokenText(bytes, options = {}) {
  const random = rng(options.seed ?? 1);
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const remap = new Map();
  const fake = (u) => {
    if (!remap.has(u)) remap.set(u, HAN_FIRST + Math.floor(random() * HAN_COUNT));
    return remap.get(u);
  };
  const hex4 = (cp) => cp.toString(16).toUpperCase().padStart(4, '0');
  let scrambled = 0;
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream || obj instanceof PDFStream)) continue;
    let text;
    try { text = Buffer.from(obj instanceof PDFRawStream ? decodePDFRawStream(obj).decode() : obj.getContents()).toString('latin1'); } catch { continue; }
    if (!/begincmap/.test(text) || !/beginbf(char|range)/.test(text)) continue;
    const pairs = [];
    for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) pairs.push([m[1], parseInt(m[2].slice(0, 4), 16)]);
    }
    for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g)) {
        const lo = parseInt(m[1], 16), hi = parseInt(m[2], 16), width = m[1].length;
        const dests = m[4] !== undefined ? null : [...m[5].matchAll(/<([0-9A-Fa-f]+)>/g)].map(x => parseInt(x[1].slice(0, 4), 16));
        for (let c = lo; c <= hi && c - lo < 65536; c++) {
          const u = dests ? dests[c - lo] : parseInt(m[4].slice(0, 4), 16) + (c - lo);
          if (u !== undefined) pairs.push([c.toString(16).toUpperCase().padStart(width, '0'), u]);
        }
      }
    }
    if (!pairs.length) continue;
    const lines = pairs.map(([src, u]) => `<${src}> <${hex4(fake(u))}>`);
    const chunks = [];
    for (let i = 0; i < lines.length; i += 100) chunks.push(`${Math.min(100, lines.length - i)} beginbfchar\n${lines.slice(i, i + 100).join('\n')}\nendbfchar`);
    const codespace = text.match(/\d+\s+begincodespacerange[\s\S]*?endcodespacerange/)?.[0] ?? '1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange';
    const cmap = `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Scrambled def\n/CMapType 2 def\n${codespace}\n${chunks.join('\n')}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n`;
    const dict = obj.dict;
    dict.delete(PDFName.of('Filter'));
    dict.delete(PDFName.of('DecodeParms'));
    const stream = pdf.context.flateStream(cmap);
    obj.dict.set(PDFName.of('Length'), pdf.context.obj(0));
    // Replace the stream object in place (same reference, new contents).
    for (const [ref, o] of pdf.context.enumerateIndirectObjects()) if (o === obj) pdf.context.assign(ref, stream);
    scrambled++;
  }
  return { bytes: await pdf.save(), scrambled };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [input, output, ...rest] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: node bench/support/degrade.mjs IN.pdf OUT.pdf [--broken] [--dpi N --angle DEG --blur PX --noise N --quality Q --seed N --pages 1,2]');
    process.exit(2);
  }
  const opt = (name) => { const i = rest.indexOf(name); return i >= 0 ? rest[i + 1] : undefined; };
  const num = (name) => (opt(name) === undefined ? undefined : Number(opt(name)));
  const bytes = readFileSync(input);
  const seed = num('--seed') ?? 1;
  if (rest.includes('--broken')) {
    const r = await brokenText(bytes, { seed });
    writeFileSync(output, r.bytes);
    console.log(`${output}: ${r.scrambled} ToUnicode maps scrambled`);
  } else {
    const o = Object.fromEntries(Object.entries({ dpi: num('--dpi'), angleDeg: num('--angle'), blurPx: num('--blur'), noise: num('--noise'), quality: num('--quality'), seed, pages: opt('--pages')?.split(',').map(Number) }).filter(([, v]) => v !== undefined));
    writeFileSync(output, await degradedScan(bytes, o));
    console.log(`${output}: scan at ${o.dpi ?? DEFAULT_SCAN.dpi} dpi`);
  }
}
