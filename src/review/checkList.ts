/** The side panel: the document's name, the rule filter, the detail of the chosen check and the checks. */
import { groupChecks, statusesInOrder, type CheckTarget } from './checks.js';
import { escapeHtml } from './escape.js';
import { tableLabel } from './grid.js';
import type { Check, OutputDocument } from '../model/document.js';

const STATUS_TITLES: Record<Check['status'], string> = { fail: 'Failed checks', unknown: 'Checks that could not decide', pass: 'Checks that hold', skip: 'Checks not applicable' };

function ruleOptions(doc: OutputDocument): string {
  const rules = new Map<string, { all: number; failed: number }>();
  for (const c of doc.checks) {
    const r = rules.get(c.rule) ?? { all: 0, failed: 0 };
    r.all++; if (c.status === 'fail') r.failed++;
    rules.set(c.rule, r);
  }
  return [...rules].sort((a, b) => b[1].failed - a[1].failed || a[0].localeCompare(b[0]))
    .map(([rule, n]) => `<option value="${escapeHtml(rule)}">${escapeHtml(rule)} (${n.failed ? `${n.failed} failed of ` : ''}${n.all})</option>`).join('');
}

function checkItem(id: number, t: CheckTarget): string {
  return `<li class="check ${t.status}" data-id="${id}" data-rule="${escapeHtml(t.rule)}" tabindex="0">` +
    `<span class="rule">${escapeHtml(t.rule)}</span>${t.page ? ` <span class="where">p.${t.page}</span>` : ''} <span class="msg">${escapeHtml(t.message)}</span></li>`;
}

function statusSection(doc: OutputDocument, targets: readonly CheckTarget[], status: Check['status']): string {
  const groups = groupChecks(doc, targets, status);
  const count = groups.reduce((n, g) => n + g.ids.length, 0);
  const body = groups.map(g => {
    const title = g.table !== null ? tableLabel(doc.tables[g.table]!) : g.label;
    return `<div class="group"><h3>${escapeHtml(title)} <span class="count">${g.ids.length}</span></h3><ol>${g.ids.map(id => checkItem(id, targets[id]!)).join('')}</ol></div>`;
  }).join('');
  // Failed checks are open; the others are there to look up, folded.
  return status === 'fail'
    ? `<section class="status fail" id="failed"><h2>${STATUS_TITLES[status]} (${count})</h2>${body}</section>`
    : `<details class="status ${status}"><summary>${STATUS_TITLES[status]} (${count})</summary>${body}</details>`;
}

export function sidePanelHtml(doc: OutputDocument, targets: readonly CheckTarget[], hasDebug: boolean): string {
  const meta = doc.document;
  const failed = doc.checks.filter(c => c.status === 'fail').length;
  const about = [meta.unit, meta.year, meta.kind === 'budget' ? '预算' : meta.kind === 'final' ? '决算' : null].filter(Boolean).join(' · ');
  const sections = statusesInOrder(doc).map(s => statusSection(doc, targets, s)).join('');
  return `<aside id="side"><header><h1>${escapeHtml(doc.source.file)}</h1>` +
    `<p class="about">${escapeHtml(about)}${about ? ' — ' : ''}${doc.source.pages} pages, ${doc.tables.length} tables, ${failed} failed check${failed === 1 ? '' : 's'}</p>` +
    `<div class="controls"><label>Rule <select id="rule-filter"><option value="">all rules</option>${ruleOptions(doc)}</select></label>` +
    (hasDebug ? ' <label><input type="checkbox" id="debug-toggle"> debug layer</label>' : '') + '</div>' +
    '<p class="keys"><kbd>j</kbd>/<kbd>k</kbd> (or <kbd>↓</kbd>/<kbd>↑</kbd> in the list): next / previous failed check</p>' +
    (doc.schema_version < 2 ? '<p class="warn">This file was written before cell positions were recorded (schema version 1): checks lead to their page and grid row only.</p>' : '') +
    '</header><div id="detail" hidden></div>' +
    `<nav id="checks">${sections || '<p>No checks.</p>'}</nav></aside>`;
}
