// When the form is framed, the finished result goes to the embedding page, if its origin is an allowed one.

/** The origin of the embedding page, or null when the page is not framed or the origin cannot be known. */
export function parentOrigin() {
  if (window.parent === window) return null;
  const ancestors = window.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0];
  // Browsers without ancestorOrigins: the referrer of a framed page is its parent, at least its origin.
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
}

/**
 * Posts {type: "hds-scope:result", result} to the parent when its origin is allowed. The target origin is
 * the allowed origin itself, so the browser delivers nothing should the parent be anyone else.
 */
export function postResult(result, allowedOrigins) {
  const origin = parentOrigin();
  if (origin === null || !allowedOrigins.includes(origin)) return false;
  window.parent.postMessage({ type: "hds-scope:result", result }, origin);
  return true;
}
