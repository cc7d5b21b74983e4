// One question on screen: a fieldset whose legend is the question, one submit button per possible answer.
import { h, references } from "./dom.js";

/** The answers a question offers; booleans have no choices in the API, so the page names them yes and no. */
export function choicesOf(question, strings) {
  if (question.type === "boolean") {
    return [
      { value: true, label: strings.yes },
      { value: false, label: strings.no },
    ];
  }
  return question.choices;
}

/**
 * The form of `question`; `onAnswer(id, value)` is called when an answer button is activated
 * (click, Enter or Space). `previous` is the answer given before going back, marked to ease re-answering;
 * `sources` links the references to where they can be read.
 */
export function questionForm(question, strings, onAnswer, previous, sources = {}) {
  const choices = choicesOf(question, strings);
  const helpId = `help-${question.id}`;
  const buttons = choices.map((choice) =>
    h(
      "button",
      {
        type: "submit",
        name: "answer",
        value: String(choice.value),
        "data-answer": String(choice.value),
        class: previous === choice.value ? "answer previous" : "answer",
      },
      choice.label,
      previous === choice.value ? h("span", { class: "previous-marker" }, ` ${strings.previous_answer}`) : null,
    ),
  );
  const form = h(
    "form",
    { class: `question ${question.type}`, "data-question-id": question.id, novalidate: true },
    h(
      "fieldset",
      { "aria-describedby": question.help ? helpId : null },
      h("legend", {}, h("h2", { class: "question-label", tabindex: "-1" }, question.label)),
      question.help ? h("p", { class: "help", id: helpId }, question.help) : null,
      h("div", { class: "choices" }, buttons),
      references(question.references, strings, sources),
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const index = buttons.indexOf(event.submitter);
    if (index >= 0) onAnswer(question.id, choices[index].value);
  });
  return form;
}
