import { html } from 'htm/preact';

/** The trash icon of a row (drawn here: no image request, nothing inline that the CSP forbids). */
export function TrashIcon() {
  return html`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
    <path fill="currentColor" d="M6 1h4l1 1h3v2H2V2h3zM3 5h10l-1 10H4zm3 2v6h1V7zm3 0v6h1V7z" />
  </svg>`;
}
