// Taking the result away: copied to the clipboard or downloaded, as the JSON the API returned.
import { h } from "./dom.js";

function json(result) {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/** Resolves when copied; rejects where the clipboard is refused (e.g. a frame without clipboard-write). */
export function copyResult(result) {
  if (!navigator.clipboard) return Promise.reject(new Error("no clipboard"));
  return navigator.clipboard.writeText(json(result));
}

export function downloadResult(result) {
  const url = URL.createObjectURL(new Blob([json(result)], { type: "application/json" }));
  const link = h("a", { href: url, download: `hds-scope-${result.as_of ?? "result"}.json`, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; keep it a moment for slower browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
