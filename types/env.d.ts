// Vite's ambient types (`import './x.css'`, `import.meta.env`) without `wxt prepare`: WXT's
// generated .wxt/wxt.d.ts brings them too, but tsc, editors and CI may run before it exists.
// WXT's typed `browser.runtime.getURL(path)` stays in that generated file: its path union is
// made from this build's entrypoints and public/, so it cannot be written here once for all.
/// <reference types="vite/client" />
