// The result in plain words, built only from what the API returned: the page adds wording, never decisions.
import { citations, format, h } from "./dom.js";

function section(title, className, items) {
  if (!items || items.length === 0) return null;
  return h("section", { class: `result-part ${className}` }, h("h3", {}, title), h("ul", {}, items));
}

function verdict(result, strings, sources) {
  const required = result.hds_certification_required === true;
  const conclusion = result.conclusion;
  return [
    h(
      "h2",
      {
        class: `verdict ${required ? "required" : "not-required"}`,
        "data-certification-required": String(required),
        tabindex: "-1",
      },
      required ? strings.required_yes : strings.required_no,
    ),
    // An exemption speaks for itself below; a required certificate gets the conclusion's legal basis here.
    conclusion && result.exemptions.length === 0 ? citations(conclusion.references, strings, sources) : null,
    result.archives_approval_required
      ? h("p", { class: "archives" }, required ? strings.archives_approval_too : strings.archives_approval)
      : null,
  ];
}

function certificates(result, strings) {
  return section(
    strings.certificates,
    "certificates",
    result.certificates.map((certificate) => {
      // The activities this assessment requires the certificate to cover, not only its whole family.
      const required = certificate.required_activities ?? [];
      const covers = required.length
        ? format(strings.certificate_covers, { activities: required.join(", ") })
        : null;
      return h(
        "li",
        { "data-certificate": certificate.code },
        h("strong", {}, certificate.label),
        covers ? h("span", { class: "aside" }, ` — ${covers}`) : null,
      );
    }),
  );
}

function activities(result, strings) {
  return section(
    strings.activities,
    "activities",
    result.activities.map((activity) =>
      h(
        "li",
        { "data-activity": activity.number },
        h("span", { class: "activity-number" }, format(strings.activity_number, { number: activity.number })),
        " ",
        activity.label,
      ),
    ),
  );
}

function exemptions(result, strings, sources) {
  return section(
    strings.exemptions,
    "exemptions",
    result.exemptions.map((exemption) =>
      h(
        "li",
        { "data-exemption": exemption.code },
        h("strong", {}, exemption.label),
        exemption.kind_label ? h("span", { class: "badge" }, exemption.kind_label) : null,
        exemption.explanation ? h("p", {}, exemption.explanation) : null,
        citations(exemption.references, strings, sources),
      ),
    ),
  );
}

function flags(result, strings, sources) {
  return section(
    strings.flags,
    "flags",
    result.flags.map((flag) =>
      h("li", { "data-flag": flag.code }, h("p", {}, flag.label), citations(flag.references, strings, sources)),
    ),
  );
}

function confidence(result, strings) {
  if (!result.confidence) return null;
  const meaning = strings[`confidence_${result.confidence}`] ?? result.confidence;
  return h(
    "p",
    { class: `confidence ${result.confidence}`, "data-confidence": result.confidence },
    h("strong", {}, strings.confidence),
    " ",
    meaning,
  );
}

function periods(result, strings, sources) {
  return section(
    strings.periods,
    "periods",
    (result.periods ?? []).map((period) => h("li", {}, period.label, citations(period.references, strings, sources))),
  );
}

function explanation(result, strings, sources) {
  if (!result.trace?.length) return null;
  return h(
    "section",
    { class: "result-part explanation" },
    h("h3", {}, strings.explanation),
    h(
      "ol",
      {},
      result.trace.map((step) =>
        h(
          "li",
          { "data-step": step.question },
          h("span", { class: "step-question" }, step.label),
          " ",
          h("strong", { class: "step-answer" }, step.answer_label ?? String(step.answer)),
          citations(step.references, strings, sources),
        ),
      ),
    ),
  );
}

function identity(result, strings) {
  const rules = result.rules ?? {};
  return h(
    "p",
    { class: "identity" },
    format(strings.assessed_on, { as_of: result.as_of, tree: rules.tree, version: rules.version }),
    rules.digest ? h("br") : null,
    rules.digest ? h("code", {}, rules.digest) : null,
  );
}

/**
 * The content of the result view; `actions` are the copy and download buttons, `sources` links the legal
 * references to where they can be read.
 */
export function resultContent(result, strings, actions, sources = {}) {
  return [
    h("p", { class: "eyebrow" }, strings.result_heading),
    verdict(result, strings, sources),
    certificates(result, strings),
    activities(result, strings),
    exemptions(result, strings, sources),
    flags(result, strings, sources),
    confidence(result, strings),
    periods(result, strings, sources),
    explanation(result, strings, sources),
    identity(result, strings),
    actions,
  ];
}
