/**
 * Scoring OCR output against a reference (the text layer and vector rules of the same page in a
 * born-digital copy): used by the tests and bench/ocr.mjs. Pure functions over runs and rules; plain
 * JavaScript, its types in ocrScoring.d.mts, so that the bench runs it without a build.
 */
const midX = (b) => (b.x0 + b.x1) / 2;
const midY = (b) => (b.top + b.bottom) / 2;
/** An amount as budget tables print it: digits with thousands commas and a decimal part. */
const AMOUNT = /^[-−]?\d{1,3}(?:,\d{3})*\.\d+$|^[-−]?\d+\.\d+$/;
const AMOUNT_IN_TEXT = /[-−]?\d[\d,]*\.\d+/g;
export const isAmount = (text) => AMOUNT.test(text.trim());
/**
 * Each reference amount must appear, exactly, in an OCR run whose centre lies within `tolerancePt`
 * of the reference run's centre (each OCR run used once).
 */
export function scoreAmounts(reference, ocr, tolerancePt) {
    return scoreTokens(reference, ocr, tolerancePt, isAmount, text => text.match(AMOUNT_IN_TEXT) ?? []);
}
/** Classification codes (类/款/项: "201", "03"), read exactly near their place. */
export function scoreCodes(reference, ocr, tolerancePt) {
    return scoreTokens(reference, ocr, tolerancePt, t => /^\d{2,3}$/.test(t.trim()), text => [text]);
}
/** Shared scoring: reference runs selected by `wanted`, found among the tokens `tokens` extracts from OCR runs. */
export function scoreTokens(reference, ocr, tolerancePt, wanted, tokens) {
    const used = new Set();
    const refs = reference.filter(r => wanted(r.text));
    let exact = 0, maxOffsetPt = 0;
    const misses = [];
    const norm = (t) => t.replace(/\s/g, '').replace('−', '-');
    for (const ref of refs) {
        const x = midX(ref), y = midY(ref), want = norm(ref.text);
        let best = -1, bestDist = Infinity, nearest = null, nearestDist = Infinity;
        ocr.forEach((run, i) => {
            const d = Math.hypot(midX(run) - x, midY(run) - y);
            if (d < nearestDist) {
                nearestDist = d;
                nearest = run.text;
            }
            if (used.has(i) || d > tolerancePt || d >= bestDist)
                return;
            if (tokens(norm(run.text)).map(norm).includes(want)) {
                best = i;
                bestDist = d;
            }
        });
        if (best >= 0) {
            used.add(best);
            exact++;
            maxOffsetPt = Math.max(maxOffsetPt, bestDist);
        }
        else
            misses.push({ text: want, x, y, nearest });
    }
    return { total: refs.length, exact, maxOffsetPt, misses };
}
/** Join touching or overlapping collinear rules (vector tables draw one line as many pieces). */
export function mergeRules(rules, tolerancePt) {
    const out = [];
    const across = (r) => (r.orientation === 'h' ? r.top : r.x0);
    const start = (r) => (r.orientation === 'h' ? r.x0 : r.top);
    const end = (r) => (r.orientation === 'h' ? r.x1 : r.bottom);
    const sorted = [...rules].sort((a, b) => (a.orientation === b.orientation ? start(a) - start(b) : a.orientation < b.orientation ? -1 : 1));
    for (const r of sorted) {
        const host = out.find(o => o.orientation === r.orientation && Math.abs(across(o) - across(r)) <= tolerancePt && start(r) <= end(o) + tolerancePt);
        if (!host) {
            out.push({ ...r });
            continue;
        }
        if (r.orientation === 'h')
            host.x1 = Math.max(host.x1, r.x1);
        else
            host.bottom = Math.max(host.bottom, r.bottom);
    }
    return out;
}
export function scoreRules(reference, detected, tolerancePt) {
    const err = (a, b) => a.orientation !== b.orientation ? Infinity : Math.max(Math.abs(a.x0 - b.x0), Math.abs(a.x1 - b.x1), Math.abs(a.top - b.top), Math.abs(a.bottom - b.bottom));
    const used = new Set();
    const unmatched = [];
    let matched = 0, maxErrorPt = 0;
    for (const ref of reference) {
        let best = -1, bestErr = Infinity;
        detected.forEach((d, i) => { const e = err(ref, d); if (!used.has(i) && e <= tolerancePt && e < bestErr) {
            best = i;
            bestErr = e;
        } });
        if (best >= 0) {
            used.add(best);
            matched++;
            maxErrorPt = Math.max(maxErrorPt, bestErr);
        }
        else
            unmatched.push(ref);
    }
    const extra = detected.filter((_, i) => !used.has(i));
    return { reference: reference.length, detected: detected.length, matched, spurious: extra.length, unmatched, extra, maxErrorPt };
}
/**
 * How far the scanned page sits from the reference page: a scanner never places the paper exactly.
 * Median difference between each detected rule and the nearest reference rule of the same
 * orientation (x from vertical rules, y from horizontal ones), searching up to `maxShiftPt`.
 */
export function estimateOffset(reference, detected, maxShiftPt) {
    const axisShift = (orientation) => {
        const pos = (r) => (orientation === 'h' ? r.top : r.x0);
        const refs = reference.filter(r => r.orientation === orientation).map(pos);
        const diffs = [];
        for (const d of detected) {
            if (d.orientation !== orientation)
                continue;
            let best = Infinity;
            for (const p of refs)
                if (Math.abs(pos(d) - p) < Math.abs(best))
                    best = pos(d) - p;
            if (Math.abs(best) <= maxShiftPt)
                diffs.push(best);
        }
        diffs.sort((a, b) => a - b);
        return diffs.length ? diffs[Math.floor(diffs.length / 2)] : 0;
    };
    return { dx: axisShift('v'), dy: axisShift('h') };
}
export function shiftBox(b, o) {
    return { ...b, x0: b.x0 - o.dx, x1: b.x1 - o.dx, top: b.top - o.dy, bottom: b.bottom - o.dy };
}
