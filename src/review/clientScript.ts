/**
 * The review page's script, inline. Plain ES2017 and DOM calls every current browser has; document text
 * is only ever set with textContent. Data comes from the page's JSON element (see reviewHtml.ts).
 */
export const REVIEW_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('review-data').textContent);
  var checks = data.checks;
  var SVG = 'http://www.w3.org/2000/svg';
  var detail = document.getElementById('detail');
  var filter = document.getElementById('rule-filter');
  var debugToggle = document.getElementById('debug-toggle');
  var current = null;
  var marked = [];

  function byId(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fmt(n) {
    if (n === null || n === undefined) return '—';
    var parts = String(n).split('.');
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return parts.join('.');
  }

  function clearMarks() {
    marked.forEach(function (m) { if (m.rect) m.rect.parentNode.removeChild(m.rect); else m.node.classList.remove(m.cls); });
    marked = [];
    if (current) current.classList.remove('current');
  }
  function drawBox(page, bbox, cls) {
    var section = byId('page-' + page);
    var layer = section && section.querySelector('.focus');
    if (!layer || !bbox) return null;
    var r = document.createElementNS(SVG, 'rect');
    r.setAttribute('class', cls);
    // A little outside the box, so that the outline does not cover the printed figure.
    var pad = 2;
    r.setAttribute('x', bbox[0] - pad); r.setAttribute('y', bbox[1] - pad);
    r.setAttribute('width', Math.max(0.5, bbox[2] - bbox[0]) + 2 * pad); r.setAttribute('height', Math.max(0.5, bbox[3] - bbox[1]) + 2 * pad);
    layer.appendChild(r);
    marked.push({ rect: r });
    return r;
  }
  function markNode(node, cls) {
    if (!node) return;
    node.classList.add(cls);
    marked.push({ node: node, cls: cls });
  }

  function showDetail(c) {
    while (detail.firstChild) detail.removeChild(detail.firstChild);
    detail.className = c.status;
    var head = el('div', 'head');
    head.appendChild(el('strong', null, c.rule));
    head.appendChild(document.createTextNode(' · ' + c.status + (c.page ? ' · page ' + c.page : '') + (c.column ? ' · ' + c.column : '')));
    detail.appendChild(head);
    detail.appendChild(el('div', 'message', c.message));
    if (c.actual !== null || c.expected !== null) {
      var dl = el('dl', 'figures');
      dl.appendChild(el('dt', null, 'printed')); dl.appendChild(el('dd', 'printed', fmt(c.actual)));
      dl.appendChild(el('dt', null, 'expected')); dl.appendChild(el('dd', 'expected', fmt(c.expected)));
      if (c.actual !== null && c.expected !== null) {
        var diff = Math.round((c.actual - c.expected) * 10000) / 10000;
        dl.appendChild(el('dt', null, 'difference')); dl.appendChild(el('dd', 'difference', fmt(diff)));
      }
      detail.appendChild(dl);
    }
    detail.hidden = false;
  }

  function scrollToTarget(target) {
    if (!target) return;
    var r = target.getBoundingClientRect();
    window.scrollBy(0, r.top - window.innerHeight * 0.3);
  }

  function select(item) {
    clearMarks();
    current = item;
    item.classList.add('current');
    var c = checks[Number(item.getAttribute('data-id'))];
    showDetail(c);
    var first = null;
    c.cells.forEach(function (cell) {
      var box = drawBox(cell.page, cell.bbox, cell.role);
      if (!first) first = box;
      var td = byId('g-' + cell.table + '-' + cell.row + '-' + cell.column);
      markNode(td, 'focus-' + cell.role);
      if (td && td.scrollIntoView) td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    });
    if (c.bbox && c.page) {
      var fig = drawBox(c.page, c.bbox, 'figure');
      if (!first) first = fig;
    }
    if (c.row) markNode(byId('gr-' + c.row.table + '-' + c.row.row), 'focus-row');
    var page = c.page || (c.cells[0] && c.cells[0].page);
    scrollToTarget(first || (c.row && byId('gr-' + c.row.table + '-' + c.row.row)) || (page && byId('page-' + page)));
    if (item.focus) item.focus({ preventScroll: true });
  }

  function visibleFailed() {
    return Array.prototype.filter.call(document.querySelectorAll('#failed .check'), function (li) { return !li.classList.contains('hidden'); });
  }
  function move(step) {
    var list = visibleFailed();
    if (!list.length) return;
    var at = list.indexOf(current);
    var next = at < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + step));
    select(list[next]);
    var box = list[next].getBoundingClientRect(), side = byId('side').getBoundingClientRect();
    if (box.top < side.top || box.bottom > side.bottom) list[next].scrollIntoView({ block: 'nearest' });
  }

  byId('checks').addEventListener('click', function (e) {
    var li = e.target.closest ? e.target.closest('.check') : null;
    if (li) select(li);
  });
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var tag = (e.target && e.target.tagName) || '';
    if (tag === 'SELECT' || tag === 'INPUT' || tag === 'TEXTAREA') return;
    var inList = e.target && e.target.classList && e.target.classList.contains('check');
    if (e.key === 'j' || (inList && e.key === 'ArrowDown')) { e.preventDefault(); move(1); }
    else if (e.key === 'k' || (inList && e.key === 'ArrowUp')) { e.preventDefault(); move(-1); }
    else if (inList && e.key === 'Enter') { e.preventDefault(); select(e.target); }
  });
  filter.addEventListener('change', function () {
    var rule = filter.value;
    Array.prototype.forEach.call(document.querySelectorAll('#checks .check'), function (li) {
      li.classList.toggle('hidden', rule !== '' && li.getAttribute('data-rule') !== rule);
    });
    Array.prototype.forEach.call(document.querySelectorAll('#checks .group'), function (g) {
      g.classList.toggle('hidden', !g.querySelector('.check:not(.hidden)'));
    });
  });
  if (debugToggle) debugToggle.addEventListener('change', function () { document.body.classList.toggle('debug-on', debugToggle.checked); });
})();
`;
