// The widget's stylesheet as one constructable CSSStyleSheet, shared by every instance.
// Adopted (never injected as <style> or style=""), so it works under `style-src 'self'`.
import css from './styles.css.js';

let sheet = null;

export function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

/** Adopts the sheet into the document or shadow root that holds `element`, once. */
export function adoptStyles(element) {
  const root = element.getRootNode();
  if (!('adoptedStyleSheets' in root)) return;
  const shared = styleSheet();
  if (!root.adoptedStyleSheets.includes(shared)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, shared];
}
