// Paging through the API's Page answers ({items, total, offset, limit}) and the pager under each table.
import { useEffect, useState } from 'preact/hooks';
import { html } from '../app/html.js';

export const PAGE_SIZE = 25;

/**
 * Where a page sits in the whole result: 1-based first and last row shown, page number and count,
 * and the offsets of the neighbouring pages (null at either end).
 */
export function pageInfo(total, offset, limit) {
  const size = Math.max(1, limit || PAGE_SIZE);
  const count = Math.max(0, total || 0);
  const start = Math.min(Math.max(0, offset || 0), Math.max(0, count - 1));
  const first = count === 0 ? 0 : start + 1;
  const last = Math.min(start + size, count);
  return {
    first,
    last,
    total: count,
    page: Math.floor(start / size) + 1,
    pages: Math.max(1, Math.ceil(count / size)),
    previousOffset: start > 0 ? Math.max(0, start - size) : null,
    nextOffset: start + size < count ? start + size : null,
  };
}

/** "Orders 26–50 of 112", or nothing when the table is empty. */
export function Pager({ id, page, onOffset, busy, noun = 'rows' }) {
  if (!page) return null;
  const info = pageInfo(page.total, page.offset, page.limit);
  if (info.total === 0) return null;
  return html`
    <nav class="pager" id=${id} aria-label=${`Pages of ${noun}`}>
      <button type="button" class="pager-previous" disabled=${busy || info.previousOffset === null}
        onClick=${() => onOffset(info.previousOffset)}>← Previous</button>
      <span class="pager-position" aria-live="polite">${`${noun} ${info.first}–${info.last} of ${info.total} · page ${info.page} of ${info.pages}`}</span>
      <button type="button" class="pager-next" disabled=${busy || info.nextOffset === null}
        onClick=${() => onOffset(info.nextOffset)}>Next →</button>
    </nav>`;
}

/** The value, once it has stopped changing for a moment: a search box asks the server once per pause. */
export function useDebounced(value, delayMs = 300) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * [offset, setOffset] for a table whose filters can change: a changed filter starts again on the
 * first page, in the same render (no extra request for the old offset).
 */
export function useFirstPageOnChange(filters) {
  const key = JSON.stringify(filters);
  const [paging, setPaging] = useState({ key, offset: 0 });
  const offset = paging.key === key ? paging.offset : 0;
  return [offset, (next) => setPaging({ key, offset: next })];
}
