/**
 * The button's look, inside its closed shadow root: the page's CSS cannot reach in, and this
 * cannot reach out. Follows the system's light or dark scheme.
 */
export const BUTTON_CSS = `
:host { all: initial; }
.wrap { position: absolute; top: 0; left: 0; display: flex; gap: 1px; pointer-events: auto;
  font: 13px/1.2 system-ui, sans-serif; color-scheme: light dark; }
.wrap[hidden] { display: none; }
button { all: unset; box-sizing: border-box; cursor: pointer; display: inline-flex; align-items: center;
  justify-content: center; height: 28px; min-width: 28px; padding: 0 6px; background: rgb(255 255 255 / 0.92);
  color: #1b1b1f; box-shadow: 0 1px 4px rgb(0 0 0 / 0.35); }
button:hover { background: #fff; }
button:focus-visible { outline: 2px solid #3367d6; outline-offset: 1px; }
.main { border-start-start-radius: 14px; border-end-start-radius: 14px; }
.more { border-start-end-radius: 14px; border-end-end-radius: 14px; min-width: 20px; padding: 0 4px; }
.main[aria-busy="true"] { opacity: 0.6; cursor: progress; }
.main.sent { background: #2e7d32; color: #fff; }
svg { width: 16px; height: 16px; fill: none; stroke: currentColor; stroke-width: 2; }
[role="menu"] { position: absolute; top: 32px; right: 0; min-width: 180px; padding: 4px 0; display: flex;
  flex-direction: column; background: #fff; color: #1b1b1f; border-radius: 8px;
  box-shadow: 0 4px 16px rgb(0 0 0 / 0.35); }
[role="menu"][hidden] { display: none; }
/* At the image's left corner (a right-to-left page), the menu opens rightwards, over the image. */
.left [role="menu"] { right: auto; left: 0; }
[role="menuitem"] { display: block; height: auto; padding: 6px 12px; border-radius: 0; box-shadow: none;
  background: none; text-align: start; white-space: nowrap; }
[role="menuitem"]:hover, [role="menuitem"]:focus { background: #e8eefc; }
@media (prefers-color-scheme: dark) {
  button, [role="menu"] { background: rgb(40 42 48 / 0.94); color: #eceef3; }
  button:hover { background: #34363d; }
  [role="menuitem"]:hover, [role="menuitem"]:focus { background: #3a4660; }
  button:focus-visible { outline-color: #8ab4f8; }
}
`;
