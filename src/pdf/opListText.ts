import { pdfjs } from './openDocument.js';

/*
 * A page's text items built from its operator list, as pdf.js's getTextContent builds them from the
 * content stream, so the content stream is parsed once (the operator list is needed for rules anyway).
 * The item building (buildTextContentItem, compareWithLastPosition, addFakeSpaces, flushTextContentItem,
 * getCurrentTextTransform and their thresholds) is ported from pdf.js's PartialEvaluator.getTextContent
 * (pdfjs-dist 5.6.205, src/core/evaluator.js; Copyright Mozilla Foundation, Apache License 2.0), with
 * disableNormalization and without kept white space, the options this project reads text with.
 *
 * What the operator list does not carry the same way is recovered or refused:
 * - text and form matrices come as 32-bit floats for drawing; the port reads the numbers as parsed,
 *   which pdf.js is patched to add after them (patches/pdfjs-dist+5.6.205.patch), and refuses a page
 *   whose operator list lacks them;
 * - form XObjects are inlined between paintFormXObjectBegin/End (getTextContent reads them in a nested
 *   pass with a fresh item, which is mirrored); soft-mask forms (inside a beginGroup with a smask) and
 *   annotation appearances are not page text and are skipped;
 * - Type3 fonts, a font set through an ExtGState, text shown before any font, fonts the operator list
 *   does not name, and right-to-left scripts are refused.
 * A refused page is read with getTextContent (see readPage).
 */

const { OPS } = pdfjs;

export interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

/** What the port needs of a font pdf.js has loaded (page.commonObjs). */
export interface LoadedFont {
  name: string;
  vertical: boolean;
  fontMatrix?: ArrayLike<number> | null;
  isType3Font: boolean;
}

interface OpGlyph { unicode: string; width: number; originalCharCode: number; vmetric?: ArrayLike<number> | null }
interface OperatorList { fnArray: ArrayLike<number>; argsArray: unknown[] }

export type OpTextReading = { items: TextItem[] } | { refused: string };

type M = number[];

const IDENTITY: M = [1, 0, 0, 1, 0, 0];
const FONT_IDENTITY: M = [0.001, 0, 0, 0.001, 0, 0];

const TRACKING_SPACE_FACTOR = 0.102;
const NOT_A_SPACE_FACTOR = 0.03;
const NEGATIVE_SPACE_FACTOR = -0.2;
const SPACE_IN_FLOW_MIN_FACTOR = 0.102;
const SPACE_IN_FLOW_MAX_FACTOR = 0.6;
const VERTICAL_SHIFT_RATIO = 0.25;

const SPECIAL_CHAR = /^(\s)|(\p{Mn})|(\p{Cf})$/u;
interface Category { isWhitespace: boolean; isZeroWidthDiacritic: boolean; isInvisibleFormatMark: boolean }
const categories = new Map<string, Category>();
function categoryOf(char: string): Category {
  let c = categories.get(char);
  if (!c) {
    const g = char.match(SPECIAL_CHAR);
    c = { isWhitespace: !!g?.[1], isZeroWidthDiacritic: !!g?.[2], isInvisibleFormatMark: !!g?.[3] };
    categories.set(char, c);
  }
  return c;
}

/** Characters pdf.js's bidi pass may reorder (it leaves every other string as it is). */
const RTL = /[\u0590-\u08ac\ufb50-\ufdff\ufe70-\ufeff]/;

const transform = (m1: ArrayLike<number>, m2: ArrayLike<number>): M => [
  m1[0]! * m2[0]! + m1[2]! * m2[1]!, m1[1]! * m2[0]! + m1[3]! * m2[1]!,
  m1[0]! * m2[2]! + m1[2]! * m2[3]!, m1[1]! * m2[2]! + m1[3]! * m2[3]!,
  m1[0]! * m2[4]! + m1[2]! * m2[5]! + m1[4]!, m1[1]! * m2[4]! + m1[3]! * m2[5]! + m1[5]!,
];

class Refused extends Error {}

/**
 * A matrix as the content stream wrote it: the operand pdf.js adds after the 32-bit copy drawing uses
 * (`at` is its place in the operator's arguments).
 */
function asParsed(args: unknown[] | null, at: number): M {
  const m = args?.[at];
  if (!Array.isArray(m) || m.length !== 6 || !m.every(v => typeof v === 'number')) throw new Refused('a matrix without the numbers as parsed');
  return m as M;
}

class TextState {
  ctm: M = IDENTITY;
  fontName: string | null = null;
  fontSize = 0;
  font: LoadedFont | null = null;
  fontMatrix: M = FONT_IDENTITY;
  textMatrix: M = IDENTITY.slice();
  textLineMatrix: M = IDENTITY.slice();
  charSpacing = 0;
  wordSpacing = 0;
  leading = 0;
  textHScale = 1;
  textRise = 0;
  translateTextMatrix(x: number, y: number): void {
    const m = this.textMatrix;
    m[4] = m[0]! * x + m[2]! * y + m[4]!;
    m[5] = m[1]! * x + m[3]! * y + m[5]!;
  }
  translateTextLineMatrix(x: number, y: number): void {
    const m = this.textLineMatrix;
    m[4] = m[0]! * x + m[2]! * y + m[4]!;
    m[5] = m[1]! * x + m[3]! * y + m[5]!;
  }
  carriageReturn(): void {
    this.translateTextLineMatrix(0, -this.leading);
    this.textMatrix = this.textLineMatrix.slice();
  }
  clone(): TextState {
    const c = Object.assign(new TextState(), this);
    c.textMatrix = this.textMatrix.slice();
    c.textLineMatrix = this.textLineMatrix.slice();
    c.fontMatrix = this.fontMatrix.slice();
    return c;
  }
}

/**
 * One pass of getTextContent over one content stream (the page's, or a form's): its own item being
 * built, state stack and last characters.
 */
class Pass {
  state: TextState;
  readonly stack: TextState[] = [];
  current: TextState | null = null;
  readonly item = {
    initialized: false, str: [] as string[], totalWidth: 0, totalHeight: 0, width: 0, height: 0, vertical: false,
    prevTransform: null as M | null, prevTextRise: 0, textAdvanceScale: 0, spaceInFlowMin: 0, spaceInFlowMax: 0,
    trackingSpaceMin: Infinity, negativeSpaceMax: -Infinity, notASpace: -Infinity, transform: null as M | null,
    fontName: null as string | null,
  };
  private readonly twoLastChars = [' ', ' '];
  private twoLastCharsPos = 0;

  constructor(state: TextState, private readonly out: TextItem[], private readonly viewBox: ArrayLike<number>) {
    this.state = state;
  }

  private saveLastChar(char: string): boolean {
    const nextPos = (this.twoLastCharsPos + 1) % 2;
    const ret = this.twoLastChars[this.twoLastCharsPos] !== ' ' && this.twoLastChars[nextPos] === ' ';
    this.twoLastChars[this.twoLastCharsPos] = char;
    this.twoLastCharsPos = nextPos;
    return ret;
  }
  private shouldAddWhitespace(): boolean {
    return this.twoLastChars[this.twoLastCharsPos] !== ' ' && this.twoLastChars[(this.twoLastCharsPos + 1) % 2] === ' ';
  }
  private resetLastChars(): void {
    this.twoLastChars[0] = this.twoLastChars[1] = ' ';
    this.twoLastCharsPos = 0;
  }

  private pushWhitespace(width = 0, height = 0, transform: M | null = this.item.prevTransform, fontName = this.item.fontName): void {
    this.out.push({ str: ' ', width, height, transform: transform!, fontName: fontName! });
  }

  /**
   * transform(ctm, transform(textMatrix, [fontSize × hScale, 0, 0, fontSize, 0, rise])), written out
   * term for term (the zero terms too, so every number comes out as pdf.js's) without the two arrays in
   * between: it is asked for twice per glyph.
   */
  currentTextTransform(): M {
    const s = this.state, m = s.textMatrix, c = s.ctm;
    const a = s.fontSize * s.textHScale, d = s.fontSize, f = s.textRise;
    const t0 = m[0]! * a + m[2]! * 0, t1 = m[1]! * a + m[3]! * 0;
    const t2 = m[0]! * 0 + m[2]! * d, t3 = m[1]! * 0 + m[3]! * d;
    const t4 = m[0]! * 0 + m[2]! * f + m[4]!, t5 = m[1]! * 0 + m[3]! * f + m[5]!;
    return [
      c[0]! * t0 + c[2]! * t1, c[1]! * t0 + c[3]! * t1,
      c[0]! * t2 + c[2]! * t3, c[1]! * t2 + c[3]! * t3,
      c[0]! * t4 + c[2]! * t5 + c[4]!, c[1]! * t4 + c[3]! * t5 + c[5]!,
    ];
  }

  private ensureItem(): Pass['item'] {
    const it = this.item, s = this.state;
    if (it.initialized) return it;
    it.fontName = s.fontName;
    const trm = it.transform = this.currentTextTransform();
    if (!s.font!.vertical) {
      it.width = it.totalWidth = 0;
      it.height = it.totalHeight = Math.hypot(trm[2]!, trm[3]!);
      it.vertical = false;
    } else {
      it.width = it.totalWidth = Math.hypot(trm[0]!, trm[1]!);
      it.height = it.totalHeight = 0;
      it.vertical = true;
    }
    const scaleLineX = Math.hypot(s.textLineMatrix[0]!, s.textLineMatrix[1]!);
    const scaleCtmX = Math.hypot(s.ctm[0]!, s.ctm[1]!);
    it.textAdvanceScale = scaleCtmX * scaleLineX;
    const { fontSize } = s;
    it.trackingSpaceMin = fontSize * TRACKING_SPACE_FACTOR;
    it.notASpace = fontSize * NOT_A_SPACE_FACTOR;
    it.negativeSpaceMax = fontSize * NEGATIVE_SPACE_FACTOR;
    it.spaceInFlowMin = fontSize * SPACE_IN_FLOW_MIN_FACTOR;
    it.spaceInFlowMax = fontSize * SPACE_IN_FLOW_MAX_FACTOR;
    it.initialized = true;
    return it;
  }

  updateAdvanceScale(): void {
    const it = this.item, s = this.state;
    if (!it.initialized) return;
    const scaleFactor = Math.hypot(s.ctm[0]!, s.ctm[1]!) * Math.hypot(s.textLineMatrix[0]!, s.textLineMatrix[1]!);
    if (scaleFactor === it.textAdvanceScale) return;
    if (!it.vertical) {
      it.totalWidth += it.width * it.textAdvanceScale;
      it.width = 0;
    } else {
      it.totalHeight += it.height * it.textAdvanceScale;
      it.height = 0;
    }
    it.textAdvanceScale = scaleFactor;
  }

  private compareWithLastPosition(glyphWidth: number): boolean {
    const s = this.state, it = this.item, viewBox = this.viewBox;
    const currentTransform = this.currentTextTransform();
    let posX = currentTransform[4]!, posY = currentTransform[5]!;
    if (s.font?.vertical) {
      if (posX < viewBox[0]! || posX > viewBox[2]! || posY + glyphWidth < viewBox[1]! || posY > viewBox[3]!) return false;
    } else if (posX + glyphWidth < viewBox[0]! || posX > viewBox[2]! || posY < viewBox[1]! || posY > viewBox[3]!) {
      return false;
    }
    if (!s.font || !it.prevTransform) return true;
    let lastPosX = it.prevTransform[4]!, lastPosY = it.prevTransform[5]!;
    if (lastPosX === posX && lastPosY === posY) return true;
    let rotate = -1;
    if (currentTransform[0] && currentTransform[1] === 0 && currentTransform[2] === 0) {
      rotate = currentTransform[0] > 0 ? 0 : 180;
    } else if (currentTransform[1] && currentTransform[0] === 0 && currentTransform[3] === 0) {
      rotate = currentTransform[1] > 0 ? 90 : 270;
    }
    switch (rotate) {
      case 0: break;
      case 90: [posX, posY] = [posY, posX]; [lastPosX, lastPosY] = [lastPosY, lastPosX]; break;
      case 180: [posX, posY, lastPosX, lastPosY] = [-posX, -posY, -lastPosX, -lastPosY]; break;
      case 270: [posX, posY] = [-posY, -posX]; [lastPosX, lastPosY] = [-lastPosY, -lastPosX]; break;
      default:
        [posX, posY] = inverseRotation(posX, posY, currentTransform);
        [lastPosX, lastPosY] = inverseRotation(lastPosX, lastPosY, it.prevTransform);
    }
    if (s.font.vertical) {
      const advanceY = (lastPosY - posY) / it.textAdvanceScale;
      const advanceX = posX - lastPosX;
      const textOrientation = Math.sign(it.height || it.totalHeight);
      if (advanceY < textOrientation * it.negativeSpaceMax) {
        if (Math.abs(advanceX) > 0.5 * it.width) { this.appendEOL(); return true; }
        this.resetLastChars();
        this.flush();
        return true;
      }
      if (Math.abs(advanceX) > it.width) { this.appendEOL(); return true; }
      if (advanceY <= textOrientation * it.notASpace) this.resetLastChars();
      if (advanceY <= textOrientation * it.trackingSpaceMin) {
        if (this.shouldAddWhitespace()) {
          this.resetLastChars();
          this.flush();
          this.pushWhitespace(0, Math.abs(advanceY));
        } else {
          it.height += advanceY;
        }
      } else if (!this.addFakeSpaces(advanceY, it.prevTransform, textOrientation)) {
        if (it.str.length === 0) {
          this.resetLastChars();
          this.pushWhitespace(0, Math.abs(advanceY));
        } else {
          it.height += advanceY;
        }
      }
      if (Math.abs(advanceX) > it.width * VERTICAL_SHIFT_RATIO) this.flush();
      return true;
    }
    const advanceX = (posX - lastPosX) / it.textAdvanceScale;
    const advanceY = posY - lastPosY;
    const textOrientation = Math.sign(it.width || it.totalWidth);
    if (advanceX < textOrientation * it.negativeSpaceMax) {
      if (Math.abs(advanceY) > 0.5 * it.height) { this.appendEOL(); return true; }
      this.resetLastChars();
      this.flush();
      return true;
    }
    const textRiseDelta = s.textRise - it.prevTextRise;
    const advanceYCorrected = textRiseDelta === 0 ? advanceY : advanceY - currentTransform[3]! / s.fontSize * textRiseDelta;
    if (Math.abs(advanceYCorrected) > it.height) { this.appendEOL(); return true; }
    if (advanceX <= textOrientation * it.notASpace) this.resetLastChars();
    if (advanceX <= textOrientation * it.trackingSpaceMin) {
      if (this.shouldAddWhitespace()) {
        this.resetLastChars();
        this.flush();
        this.pushWhitespace(Math.abs(advanceX));
      } else {
        it.width += advanceX;
      }
    } else if (!this.addFakeSpaces(advanceX, it.prevTransform, textOrientation)) {
      if (it.str.length === 0) {
        this.resetLastChars();
        this.pushWhitespace(Math.abs(advanceX));
      } else {
        it.width += advanceX;
      }
    }
    if (Math.abs(advanceY) > it.height * VERTICAL_SHIFT_RATIO) this.flush();
    return true;
  }

  /** One run of glyphs (null: a TJ adjustment with no glyphs before it) with the spacing after its last glyph. */
  buildItem(glyphs: OpGlyph[] | null, extraSpacing: number): void {
    const s = this.state, cur = this.current!;
    if (cur !== s && (cur.fontSize !== s.fontSize || (cur.fontName !== s.fontName && (cur.font!.name !== s.font!.name || cur.font!.vertical !== s.font!.vertical)))) {
      this.flush();
      this.current = s.clone();
    }
    const font = s.font!;
    const baseCharSpacing = font.vertical ? -s.charSpacing : s.charSpacing;
    if (!glyphs) {
      const charSpacing = baseCharSpacing + extraSpacing;
      if (charSpacing) {
        if (!font.vertical) s.translateTextMatrix(charSpacing * s.textHScale, 0);
        else s.translateTextMatrix(0, -charSpacing);
      }
      return;
    }
    const scale = s.fontMatrix[0]! * s.fontSize;
    for (let i = 0, ii = glyphs.length; i < ii; i++) {
      const glyph = glyphs[i]!;
      const category = categoryOf(glyph.unicode);
      if (category.isInvisibleFormatMark) continue;
      let charSpacing = baseCharSpacing + (i + 1 === ii ? extraSpacing : 0);
      let glyphWidth = glyph.width;
      if (font.vertical) glyphWidth = glyph.vmetric ? glyph.vmetric[0]! : -glyphWidth;
      let scaledDim = glyphWidth * scale;
      if (glyph.originalCharCode === 0x20) charSpacing += s.wordSpacing;
      if (category.isWhitespace) {
        if (!font.vertical) {
          charSpacing += scaledDim;
          s.translateTextMatrix(charSpacing * s.textHScale, 0);
        } else {
          charSpacing += -scaledDim;
          s.translateTextMatrix(0, -charSpacing);
        }
        this.saveLastChar(' ');
        continue;
      }
      if (!category.isZeroWidthDiacritic && !this.compareWithLastPosition(scaledDim)) {
        if (!font.vertical) s.translateTextMatrix(scaledDim * s.textHScale, 0);
        else s.translateTextMatrix(0, scaledDim);
        continue;
      }
      const chunk = this.ensureItem();
      if (category.isZeroWidthDiacritic) scaledDim = 0;
      if (!font.vertical) {
        scaledDim *= s.textHScale;
        s.translateTextMatrix(scaledDim, 0);
        chunk.width += scaledDim;
      } else {
        s.translateTextMatrix(0, scaledDim);
        scaledDim = Math.abs(scaledDim);
        chunk.height += scaledDim;
      }
      if (scaledDim) {
        chunk.prevTransform = this.currentTextTransform();
        chunk.prevTextRise = s.textRise;
      }
      if (this.saveLastChar(glyph.unicode)) chunk.str.push(' ');
      chunk.str.push(glyph.unicode);
      if (charSpacing) {
        if (!font.vertical) s.translateTextMatrix(charSpacing * s.textHScale, 0);
        else s.translateTextMatrix(0, -charSpacing);
      }
    }
  }

  private appendEOL(): void {
    this.resetLastChars();
    if (this.item.initialized) {
      this.flush();
    } else {
      this.out.push({ str: '', width: 0, height: 0, transform: this.currentTextTransform(), fontName: this.state.fontName! });
    }
  }

  private addFakeSpaces(width: number, transf: M | null, textOrientation: number): boolean {
    const it = this.item;
    if (textOrientation * it.spaceInFlowMin <= width && width <= textOrientation * it.spaceInFlowMax) {
      if (it.initialized) {
        this.resetLastChars();
        it.str.push(' ');
      }
      return false;
    }
    const fontName = it.fontName;
    let height = 0;
    if (it.vertical) { height = width; width = 0; }
    this.flush();
    this.resetLastChars();
    this.pushWhitespace(Math.abs(width), Math.abs(height), transf || this.currentTextTransform(), fontName);
    return true;
  }

  flush(): void {
    const it = this.item;
    if (!it.initialized) return;
    if (!it.vertical) it.totalWidth += it.width * it.textAdvanceScale;
    else it.totalHeight += it.height * it.textAdvanceScale;
    const str = it.str.join('');
    if (RTL.test(str)) throw new Refused('right-to-left text');
    this.out.push({ str, width: Math.abs(it.totalWidth), height: Math.abs(it.totalHeight), transform: it.transform!, fontName: it.fontName! });
    it.initialized = false;
    it.str.length = 0;
  }
}

function inverseRotation(x: number, y: number, m: M): [number, number] {
  const scale = Math.hypot(m[0]!, m[1]!);
  return [(m[0]! * x + m[1]! * y) / scale, (m[2]! * x + m[3]! * y) / scale];
}

const isGlyph = (g: unknown): g is OpGlyph => typeof g === 'object' && g !== null && typeof (g as OpGlyph).unicode === 'string';

/**
 * The text items getTextContent({ disableNormalization: true }) gives for the page whose operator list
 * this is, or why they cannot be told from it. `fontOf` gives a font pdf.js loaded by its loaded name;
 * `viewBox` is the page's view.
 */
export function textItemsFromOperatorList(ops: OperatorList, fontOf: (loadedName: string) => LoadedFont | null,
  viewBox: ArrayLike<number>): OpTextReading {
  try {
    return { items: read(ops, fontOf, viewBox) };
  } catch (e) {
    if (e instanceof Refused) return { refused: e.message };
    throw e;
  }
}

function read(ops: OperatorList, fontOf: (loadedName: string) => LoadedFont | null, viewBox: ArrayLike<number>): TextItem[] {
  const out: TextItem[] = [];
  const passes: Pass[] = [];
  let pass = new Pass(new TextState(), out, viewBox);
  /** per beginGroup, whether it is a soft mask's (its content is no page text) */
  const groups: boolean[] = [];
  let masked = 0, inAnnotation = false;
  const fn = ops.fnArray, argsArray = ops.argsArray;
  for (let i = 0; i < fn.length; i++) {
    const op = fn[i]!;
    const args = argsArray[i] as unknown[] | null;
    if (inAnnotation) {
      if (op === OPS.endAnnotation) inAnnotation = false;
      continue;
    }
    if (op === OPS.beginGroup) {
      const smask = !!(args?.[0] as { smask?: unknown } | undefined)?.smask;
      groups.push(smask);
      if (smask) masked++;
      continue;
    }
    if (op === OPS.endGroup) {
      if (groups.pop()) masked--;
      continue;
    }
    if (masked > 0) continue;
    const s = pass.state;
    pass.current ??= s.clone();
    switch (op) {
      case OPS.beginAnnotation: inAnnotation = true; break;
      case OPS.save: pass.stack.push(s); pass.state = s.clone(); break;
      case OPS.restore: { const prev = pass.stack.pop(); if (prev) pass.state = prev; break; }
      case OPS.transform: s.ctm = transform(s.ctm, args as number[]); break;
      case OPS.paintFormXObjectBegin: {
        pass.flush();
        passes.push(pass);
        const state = s.clone();
        if (args?.[0]) state.ctm = transform(state.ctm, asParsed(args, 2));
        pass = new Pass(state, out, viewBox);
        break;
      }
      case OPS.paintFormXObjectEnd:
        pass.flush();
        pass = passes.pop() ?? pass;
        break;
      case OPS.setFont: {
        const loadedName = args![0] as string, size = args![1] as number;
        if (s.font && loadedName === s.fontName && size === s.fontSize) break;
        const font = fontOf(loadedName);
        if (!font) throw new Refused('a font the operator list does not name');
        if (font.isType3Font) throw new Refused('Type3 font');
        s.fontName = loadedName;
        s.fontSize = size;
        s.font = font;
        s.fontMatrix = font.fontMatrix ? Array.from(font.fontMatrix) : FONT_IDENTITY;
        break;
      }
      case OPS.setGState:
        if ((args?.[0] as unknown[][] | undefined)?.some(entry => entry[0] === 'Font')) throw new Refused('font set by an ExtGState');
        break;
      case OPS.setTextRise: s.textRise = args![0] as number; break;
      case OPS.setHScale: s.textHScale = (args![0] as number) / 100; break;
      case OPS.setLeading: s.leading = args![0] as number; break;
      case OPS.moveText:
        s.translateTextLineMatrix(args![0] as number, args![1] as number);
        s.textMatrix = s.textLineMatrix.slice();
        break;
      case OPS.setLeadingMoveText:
        s.leading = -(args![1] as number);
        s.translateTextLineMatrix(args![0] as number, args![1] as number);
        s.textMatrix = s.textLineMatrix.slice();
        break;
      case OPS.nextLine: s.carriageReturn(); break;
      case OPS.setTextMatrix: {
        const m = asParsed(args, 1);
        s.textMatrix = m.slice();
        s.textLineMatrix = m.slice();
        pass.updateAdvanceScale();
        break;
      }
      case OPS.setCharSpacing: s.charSpacing = args![0] as number; break;
      case OPS.setWordSpacing: s.wordSpacing = args![0] as number; break;
      case OPS.beginText: s.textMatrix = IDENTITY.slice(); s.textLineMatrix = IDENTITY.slice(); break;
      case OPS.showText: case OPS.showSpacedText: {
        if (!s.font) throw new Refused('text shown before any font');
        showGlyphs(pass, args![0] as unknown[]);
        break;
      }
      case OPS.beginMarkedContent: case OPS.beginMarkedContentProps: case OPS.endMarkedContent:
        pass.flush();
        break;
      case OPS.nextLineShowText: case OPS.nextLineSetSpacingShowText: case OPS.paintXObject:
        throw new Refused('an operator the operator list does not keep');
    }
  }
  if (passes.length) throw new Refused('a form without its end');
  pass.flush();
  return out;
}

/**
 * A showText operator's glyphs and TJ adjustments, split as getTextContent splits a TJ array: at each
 * non-zero adjustment, which is added to the spacing after the glyphs before it.
 */
function showGlyphs(pass: Pass, elements: unknown[]): void {
  const s = pass.state;
  const spaceFactor = (s.font!.vertical ? 1 : -1) * s.fontSize / 1000;
  let run: OpGlyph[] = [];
  for (const e of elements) {
    if (typeof e === 'number') {
      if (e === 0) continue;
      pass.buildItem(run.length ? run : null, e * spaceFactor);
      run = [];
    } else if (isGlyph(e)) {
      run.push(e);
    } else if (e !== null && e !== undefined) {
      throw new Refused('a glyph the port does not know');
    }
  }
  if (run.length) pass.buildItem(run, 0);
}
