/** The review page's style sheet, inline (the page loads nothing). */
export const REVIEW_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1b1b1b; background: #eef0f3; }
#side { position: fixed; top: 0; left: 0; bottom: 0; width: 360px; overflow-y: auto; background: #fff; border-right: 1px solid #ccd; padding: 10px 12px; }
#side h1 { font-size: 15px; margin: 0 0 4px; word-break: break-all; }
#side .about, #side .keys { margin: 4px 0; color: #555; }
#side .warn { background: #fff4d6; padding: 4px 6px; }
#side .controls { margin: 8px 0; display: flex; gap: 12px; flex-wrap: wrap; align-items: center; }
#side select { max-width: 230px; }
kbd { border: 1px solid #bbb; border-radius: 3px; padding: 0 3px; font-size: 11px; background: #f6f6f6; }
#detail { border: 2px solid #d0021b; background: #fff6f6; padding: 6px 8px; margin: 8px 0; }
#detail.pass { border-color: #2e7d32; background: #f4fbf4; }
#detail .figures { display: grid; grid-template-columns: auto 1fr; gap: 0 10px; margin-top: 4px; }
#detail .figures dt { color: #555; }
#detail .figures dd { margin: 0; font-variant-numeric: tabular-nums; font-weight: 600; }
.status h2, .status summary { font-size: 14px; margin: 10px 0 4px; cursor: default; }
.status summary { cursor: pointer; }
.group h3 { font-size: 12px; margin: 8px 0 2px; color: #333; }
.group .count { color: #888; font-weight: normal; }
.group ol { list-style: none; margin: 0; padding: 0; }
.check { padding: 3px 5px; border-left: 3px solid transparent; cursor: pointer; }
.check:hover { background: #f1f4fa; }
.check.fail { border-left-color: #d0021b; }
.check.unknown { border-left-color: #e6a700; }
.check.current { background: #dde7fb; outline: 1px solid #3b6fd8; }
.check .rule { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11px; color: #3b3b8f; }
.check .where { color: #777; }
.check .msg { display: block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.check.current .msg { white-space: normal; }
.hidden { display: none !important; }
main { margin-left: 360px; padding: 10px 16px; }
.page { background: #fff; margin: 0 0 18px; padding: 8px 10px; border: 1px solid #ccd; }
.page h2 { font-size: 14px; margin: 0 0 6px; }
.page .on-page { color: #666; font-weight: normal; }
.page-note { color: #8a5a00; margin: 0 0 6px; }
.badge { font-size: 11px; padding: 1px 5px; border-radius: 3px; color: #fff; background: #777; }
.badge.ocr { background: #8e44ad; }
.badge.none { background: #b36b00; }
.spread { display: flex; gap: 12px; align-items: flex-start; }
.sheet { position: relative; margin: 0; flex: 0 0 52%; max-width: 52%; border: 1px solid #bbb; line-height: 0; }
.page.ocr .sheet { border: 2px solid #8e44ad; }
.sheet img { display: block; width: 100%; height: auto; }
.no-image { width: 100%; display: flex; align-items: center; justify-content: center; background: #f3f3f3; line-height: 1.4; padding: 20px; }
.overlay { position: absolute; left: 0; top: 0; width: 100%; height: 100%; overflow: visible; }
.overlay rect, .overlay line { vector-effect: non-scaling-stroke; }
.region { fill: none; stroke: #1f6fd1; stroke-width: 1.5; }
.cell { fill: rgba(31, 111, 209, 0.05); stroke: rgba(31, 111, 209, 0.45); stroke-width: 0.6; }
.cell.fail { fill: rgba(208, 2, 27, 0.08); stroke: #d0021b; }
.cell.repaired { fill: rgba(142, 68, 173, 0.2); stroke: #8e44ad; stroke-width: 1.2; }
.focus rect { fill: none; stroke-width: 2.5; }
.focus rect.total { stroke: #d0021b; }
.focus rect.part { stroke: #f08c00; }
.focus rect.other, .focus rect.figure { stroke: #c2185b; }
.debug { display: none; }
body.debug-on .debug { display: inline; }
.dbg-rule { stroke: #00a3a3; stroke-width: 1; }
.dbg-fragment { fill: none; stroke: #2e7d32; stroke-width: 1.5; stroke-dasharray: 6 3; }
.dbg-column { stroke: #2e7d32; stroke-width: 1; stroke-dasharray: 2 2; }
.dbg-header { fill: rgba(46, 125, 50, 0.12); stroke: #2e7d32; stroke-width: 0.6; }
.dbg-title { fill: none; stroke-width: 2; }
.dbg-title.ok { stroke: #2e7d32; }
.dbg-title.rejected { stroke: #d0021b; stroke-dasharray: 4 2; }
.debug-notes { display: none; margin: 0 0 8px; padding-left: 18px; font-size: 12px; }
body.debug-on .debug-notes { display: block; }
.debug-notes .rejected { color: #b00020; }
.debug-notes .ok, .debug-notes .continue { color: #2e7d32; }
.grids { flex: 1 1 auto; min-width: 0; overflow-x: auto; }
.grid { border-collapse: collapse; margin: 0 0 12px; font-size: 12px; }
.grid caption { text-align: left; font-weight: 600; padding: 2px 0 4px; }
.grid th, .grid td { border: 1px solid #ccd; padding: 2px 4px; vertical-align: top; }
.grid th { background: #f3f5f8; font-weight: 600; font-size: 11px; }
.grid td { white-space: nowrap; }
.grid td.fail { background: #fde3e6; }
.grid td.repaired { background: #efd9f7; outline: 1px dashed #8e44ad; }
.grid td.lowconf { background: #fff2cc; }
.grid td.empty { color: #888; font-style: italic; }
.grid tr.ocr td:first-child { border-left: 3px solid #8e44ad; }
.grid td.focus-total { outline: 3px solid #d0021b; outline-offset: -2px; }
.grid td.focus-part { outline: 3px solid #f08c00; outline-offset: -2px; }
.grid td.focus-other { outline: 3px solid #c2185b; outline-offset: -2px; }
.grid tr.focus-row td { outline: 2px solid #c2185b; outline-offset: -1px; }
@media (max-width: 900px) { #side { position: static; width: auto; } main { margin-left: 0; } .spread { flex-direction: column; } .sheet { max-width: 100%; } }
`;
