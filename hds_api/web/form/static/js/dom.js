// Building the page from API data: text always goes through textContent, never innerHTML.

/** An element with attributes (null/false ones skipped) and children (strings, nodes; null skipped). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "string" || typeof child === "number" ? String(child) : child);
  }
  return element;
}

/** "Question {number}" with {number: 3} → "Question 3"; unknown names are left as they are. */
export function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}

/**
 * A legal reference: a link to where it can be read when `sources` (cite → https address, sent with the page)
 * knows it, else its text. Links open in a new tab and pass nothing to the page they open.
 */
export function cite(reference, sources = {}) {
  const url = Object.hasOwn(sources, reference) ? sources[reference] : null;
  if (!url || !url.startsWith("https://")) return reference;
  return h("a", { href: url, target: "_blank", rel: "noopener noreferrer", class: "source" }, reference);
}

/** The legal references of a question or an outcome, folded so that they are at hand without crowding. */
export function references(list, strings, sources = {}) {
  if (!list || list.length === 0) return null;
  return h(
    "details",
    { class: "references" },
    h("summary", {}, `${strings.references} (${list.length})`),
    h("ul", {}, list.map((reference) => h("li", {}, cite(reference, sources)))),
  );
}

/** References printed in full, for the result: it is read and kept, so nothing in it is folded away. */
export function citations(list, strings, sources = {}) {
  if (!list || list.length === 0) return null;
  const cited = list.flatMap((reference, index) => [index ? " · " : null, cite(reference, sources)]);
  return h("p", { class: "citations" }, `${strings.references_inline} `, cited);
}
