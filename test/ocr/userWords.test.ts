import { describe, expect, it } from 'vitest';
import { DEFAULT_TESSERACT_SETTINGS, tesseractEngineFactory } from '../../src/ocr/engine.js';
import type { GrayImage } from '../../src/ocr/image.js';

/** A white page with one black bar: something to segment, nothing to read as words. */
function page(): GrayImage {
  const width = 400, height = 120, data = new Uint8Array(width * height).fill(255);
  for (let y = 50; y < 70; y++) data.fill(0, y * width + 100, y * width + 300);
  return { width, height, data };
}

describe('tesseract user words and patterns', () => {
  it('starts an engine told the vocabulary and reads with it', async () => {
    const engine = await tesseractEngineFactory({
      ...DEFAULT_TESSERACT_SETTINGS(), userWords: ['部门财务收支预算总表', '一般公共服务支出'], userPatterns: ['\\d\\d\\d\\d\\d'],
    })(200);
    try {
      const lines = await engine.recognize(page(), 'page');
      expect(Array.isArray(lines)).toBe(true);
      expect(lines.flatMap(l => l.words).every(w => typeof w.text === 'string')).toBe(true);
    } finally {
      await engine.terminate();
    }
  }, 180_000);
});
