import type { DebugContinuation, DebugPage } from '../model/debug.js';
import { type BboxTuple, type Box, toBbox } from '../model/geometry.js';
import type { PageContent } from '../model/page.js';
import type { Edge } from './edges.js';
import type { TableFragment } from './fragment.js';
import type { TitleCandidate } from './titleBlocks.js';

/**
 * What the layout stage decided on the way, kept when asked for (`extract --debug`): the assembler
 * reports each page's merged rules, title candidates, fragments and continuation decisions as it uses
 * them; nothing is computed again. Boxes go out in the page's displayed orientation.
 */
export class LayoutTrace {
  readonly pages: DebugPage[] = [];
  readonly continuations: DebugContinuation[] = [];
  private bbox: (b: Box) => BboxTuple = b => toBbox(b);
  private turned: readonly number[] | undefined;

  /** A page starts: its size as displayed and its ruling lines after snapping and joining. */
  page(page: PageContent, edges: readonly Edge[]): void {
    this.turned = page.displayed?.transform;
    const turned = this.turned;
    this.bbox = b => toBbox(b, turned);
    const shown = page.displayed ?? page;
    this.pages.push({
      number: page.number, width: round(shown.width), height: round(shown.height),
      rules: edges.map(e => {
        const [x0, top, x1, bottom] = this.bbox(e.orientation === 'h' ? { x0: e.from, top: e.pos, x1: e.to, bottom: e.pos } : { x0: e.pos, top: e.from, x1: e.pos, bottom: e.to });
        return { x0, top, x1, bottom };
      }),
      titleBlocks: [], fragments: [],
    });
  }

  titleCandidates(candidates: readonly TitleCandidate[]): void {
    this.current().titleBlocks.push(...candidates.map(c => ({ bbox: this.bbox(c), text: c.text, accepted: c.accepted, reason: c.reason })));
  }

  /** An accepted title block that, in the end, had no table under it. */
  titleDropped(candidate: TitleCandidate | undefined, reason: string): void {
    const i = candidate ? this.current().titleBlocks.findIndex(b => b.text === candidate.text && b.accepted) : -1;
    if (i >= 0) this.current().titleBlocks[i] = { ...this.current().titleBlocks[i], accepted: false, reason };
  }

  fragment(f: TableFragment, table: number): void {
    const t = this.turned;
    // Along which displayed axis the fragment's x runs: y when the page was read a quarter turn round.
    const axis: 'x' | 'y' = t && Math.abs(t[0]) < Math.abs(t[1]) ? 'y' : 'x';
    const along = (x: number): number => { const [x0, top] = this.bbox({ x0: x, top: f.top, x1: x, bottom: f.top }); return axis === 'x' ? x0 : top; };
    this.current().fragments.push({
      bbox: this.bbox({ x0: f.xs[0], top: f.top, x1: f.xs[f.xs.length - 1], bottom: f.bottom }),
      columns: f.xs.map(along), columnAxis: axis, ruled: f.ruled,
      headerCells: f.headerCells.map(h => ({ bbox: h.box ? this.bbox(h.box) : null, text: h.text, columns: [h.c0, h.c1] as [number, number] })),
      table,
    });
  }

  continuation(decision: DebugContinuation): void {
    this.continuations.push(decision);
  }

  private current(): DebugPage {
    return this.pages[this.pages.length - 1];
  }
}

const round = (v: number): number => Math.round(v * 10) / 10;
