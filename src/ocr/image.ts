/**
 * Plain raster helpers for the OCR stage: a grey page image, its binarisation, transposition,
 * rotation and PGM encoding. Pure functions over typed arrays; nothing here knows of pdf.js or
 * tesseract.
 */

/** 8-bit grey image, row-major, 0 = black. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** 1 bit per byte: 1 = ink, 0 = paper. */
export interface BinaryImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Luma of RGBA pixels (what a canvas's getImageData returns). */
export function rgbaToGray(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    data[i] = (rgba[j] * 77 + rgba[j + 1] * 150 + rgba[j + 2] * 29) >> 8;
  }
  return { width, height, data };
}

/** How many pixels of each grey level (0–255) the image has. */
export function greyHistogram(img: GrayImage): Float64Array {
  const hist = new Float64Array(256);
  for (let i = 0; i < img.data.length; i++) hist[img.data[i]]++;
  return hist;
}

/** Otsu's threshold of a grey image: the level that best splits ink from paper. */
export function otsuThreshold(img: GrayImage): number {
  const hist = greyHistogram(img);
  const total = img.data.length;
  let sumAll = 0;
  for (let v = 0; v < 256; v++) sumAll += v * hist[v];
  let sumB = 0, wB = 0, best = 0, bestVar = -1;
  for (let t = 0; t < 256; t++) {
    wB += hist[t];
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t];
    const mB = sumB / wB, mF = (sumAll - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > bestVar) { bestVar = between; best = t; }
  }
  return best;
}

/** Pixels at or below `threshold` are ink. */
export function binarize(img: GrayImage, threshold: number): BinaryImage {
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = img.data[i] <= threshold ? 1 : 0;
  return { width: img.width, height: img.height, data };
}

/** Swap rows and columns, so column-wise logic can reuse row-wise code. */
export function transpose<T extends GrayImage | BinaryImage>(img: T): T {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(data.length);
  const tile = 64;
  for (let y0 = 0; y0 < h; y0 += tile) {
    for (let x0 = 0; x0 < w; x0 += tile) {
      const y1 = Math.min(h, y0 + tile), x1 = Math.min(w, x0 + tile);
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) out[x * h + y] = data[y * w + x];
    }
  }
  return { ...img, width: h, height: w, data: out };
}

/**
 * Rotate a grey image about its centre by `radians` (positive turns the content clockwise on screen,
 * y down), keeping its size; uncovered corners become white. Bilinear sampling.
 */
export function rotate(img: GrayImage, radians: number): GrayImage {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h).fill(255);
  const cos = Math.cos(radians), sin = Math.sin(radians);
  const cx = (w - 1) / 2, cy = (h - 1) / 2;
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    // Source of destination (x, y) is the inverse rotation.
    let sx = cos * -cx + sin * dy + cx;
    let sy = -sin * -cx + cos * dy + cy;
    for (let x = 0; x < w; x++, sx += cos, sy -= sin) {
      const ix = Math.floor(sx), iy = Math.floor(sy);
      if (ix < 0 || iy < 0 || ix >= w - 1 || iy >= h - 1) continue;
      const fx = sx - ix, fy = sy - iy, k = iy * w + ix;
      const top = data[k] + (data[k + 1] - data[k]) * fx;
      const bottom = data[k + w] + (data[k + w + 1] - data[k + w]) * fx;
      out[y * w + x] = (top + (bottom - top) * fy + 0.5) | 0;
    }
  }
  return { width: w, height: h, data: out };
}

/** Binary PGM (P5): the cheapest format tesseract's image reader accepts (no compression step). */
export function encodePgm(img: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(header.length + img.data.length);
  out.set(header, 0);
  out.set(img.data, header.length);
  return out;
}

/** Enlarge by an integer factor (pixel replication keeps strokes as the engine saw them, only bigger). */
export function upscale(img: GrayImage, factor: number): GrayImage {
  const width = img.width * factor, height = img.height * factor, data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const src = Math.floor(y / factor) * img.width, dst = y * width;
    for (let x = 0; x < width; x++) data[dst + x] = img.data[src + Math.floor(x / factor)];
  }
  return { width, height, data };
}

/** Shrink a grey image by `factor` (< 1), each new pixel the area-weighted mean of the pixels it covers. */
export function shrink(img: GrayImage, factor: number): GrayImage {
  const width = Math.max(1, Math.round(img.width * factor)), height = Math.max(1, Math.round(img.height * factor));
  const data = new Uint8Array(width * height);
  const fx = img.width / width, fy = img.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = y * fy, y1 = (y + 1) * fy;
    for (let x = 0; x < width; x++) {
      const x0 = x * fx, x1 = (x + 1) * fx;
      let sum = 0, area = 0;
      for (let yy = Math.floor(y0); yy < Math.min(img.height, Math.ceil(y1)); yy++) {
        const wy = Math.min(y1, yy + 1) - Math.max(y0, yy);
        for (let xx = Math.floor(x0); xx < Math.min(img.width, Math.ceil(x1)); xx++) {
          const w = wy * (Math.min(x1, xx + 1) - Math.max(x0, xx));
          sum += img.data[yy * img.width + xx]! * w; area += w;
        }
      }
      data[y * width + x] = Math.round(sum / area);
    }
  }
  return { width, height, data };
}

/** Black and white at `threshold` (pixels at or below it become black), as a grey image. */
export function twoTone(img: GrayImage, threshold: number): GrayImage {
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = img.data[i] <= threshold ? 0 : 255;
  return { width: img.width, height: img.height, data };
}

/** One 8-connected piece of ink: its bounding box (x1 and bottom exclusive) and its pixel count. */
export interface InkComponent { x0: number; top: number; x1: number; bottom: number; ink: number }

/** The 8-connected components of ink in a binary image, in scan order of their first pixel. */
export function inkComponents(bin: BinaryImage): InkComponent[] {
  const { width: w, height: h, data } = bin;
  const seen = new Uint8Array(w * h);
  const pieces: InkComponent[] = [];
  const stack: number[] = [];
  for (let start = 0; start < data.length; start++) {
    if (!data[start] || seen[start]) continue;
    const p: InkComponent = { x0: w, top: h, x1: 0, bottom: 0, ink: 0 };
    pieces.push(p);
    seen[start] = 1;
    stack.push(start);
    while (stack.length) {
      const k = stack.pop() as number;
      const x = k % w, y = (k - x) / w;
      p.ink++;
      if (x < p.x0) p.x0 = x; if (x + 1 > p.x1) p.x1 = x + 1;
      if (y < p.top) p.top = y; if (y + 1 > p.bottom) p.bottom = y + 1;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const n = yy * w + xx;
          if (data[n] && !seen[n]) { seen[n] = 1; stack.push(n); }
        }
      }
    }
  }
  return pieces;
}
