// The form's controller: holds the answers given so far, asks the API after each change, shows what it says.
import { ApiError, assess } from "./api.js";
import { format, h } from "./dom.js";
import { postResult } from "./embed.js";
import { copyResult, downloadResult } from "./export.js";
import { questionForm } from "./question.js";
import { resultContent } from "./result.js";

const config = JSON.parse(document.getElementById("hds-form-config").textContent);
const strings = config.strings;
const $ = (id) => document.getElementById(id);
const root = $("hds-form");
const backButton = root.querySelector('[data-action="back"]');

// Answers in the order given, as [question id, value]: going back drops the last one.
const state = { answers: [], busy: false };

function setBusy(busy) {
  state.busy = busy;
  root.setAttribute("aria-busy", String(busy));
  for (const button of root.querySelectorAll("#question button, #navigation button")) button.disabled = busy;
  if (!busy) backButton.disabled = state.answers.length === 0;
}

function say(message) {
  $("status").textContent = message;
}

function showAlert(message, details, retry, focus) {
  const alert = $("alert");
  alert.replaceChildren(h("p", {}, message));
  if (details.length) alert.append(h("ul", {}, details.map((detail) => h("li", {}, detail))));
  if (retry) {
    const button = h("button", { type: "button", class: "secondary" }, strings.retry);
    button.addEventListener("click", retry);
    alert.append(button);
  }
  alert.hidden = false;
  // The control that was activated is disabled or gone: keep keyboard users on something useful.
  if (focus) (alert.querySelector("button") ?? alert).focus();
}

function clearAlert() {
  $("alert").hidden = true;
  $("alert").replaceChildren();
}

function showProgress(result) {
  const progress = result.progress;
  $("progress").hidden = !progress;
  if (!progress) return;
  const total = progress.answered + progress.remaining_at_most;
  $("progress-bar").max = Math.max(total, 1);
  $("progress-bar").value = progress.answered;
  $("progress-text").textContent = format(strings.progress, { number: progress.answered + 1, total });
}

function showQuestion(result, previous, focus) {
  const resultView = $("result-view");
  resultView.hidden = true;
  resultView.removeAttribute("data-status");
  resultView.replaceChildren();
  showProgress(result);
  const question = result.next_question;
  const previousAnswer = previous?.[0] === question.id ? previous[1] : undefined;
  $("question").replaceChildren(questionForm(question, strings, answer, previousAnswer, config.sources));
  $("question-view").hidden = false;
  if (focus) $("question").querySelector(".question-label").focus();
}

function resultActions(result) {
  const copy = h("button", { type: "button", class: "secondary", "data-action": "copy" }, strings.copy);
  copy.addEventListener("click", () =>
    copyResult(result).then(
      () => say(strings.copied),
      () => say(strings.copy_failed),
    ),
  );
  const download = h("button", { type: "button", class: "secondary", "data-action": "download" }, strings.download);
  download.addEventListener("click", () => downloadResult(result));
  return h("div", { class: "actions result-actions" }, copy, download);
}

function showResult(result, focus) {
  $("question-view").hidden = true;
  $("question").replaceChildren();
  const view = $("result-view");
  view.replaceChildren(...resultContent(result, strings, resultActions(result), config.sources).flat().filter(Boolean));
  view.setAttribute("data-status", "complete");
  view.hidden = false;
  if (focus) view.querySelector(".verdict").focus();
  postResult(result, config.allowed_origins);
}

/** Asks the API about `answers` and shows its next question or result; the answers are kept only on success. */
async function load(answers, previous = null, { focus = true } = {}) {
  if (state.busy) return;
  setBusy(true);
  clearAlert();
  say("");
  let result;
  try {
    result = await assess(config, Object.fromEntries(answers));
  } catch (error) {
    setBusy(false);
    const retry = () => load(answers, previous);
    if (error instanceof ApiError) {
      showAlert(format(strings.error, { message: error.message }), error.details, retry, focus);
    } else {
      showAlert(strings.network_error, [], retry, focus);
    }
    return;
  }
  // Only the call is guarded: a fault of the page itself must surface as one, not as "service unreachable".
  state.answers = answers;
  setBusy(false);
  $("navigation").hidden = false;
  if (result.status === "complete") showResult(result, focus);
  else showQuestion(result, previous, focus);
}

function answer(questionId, value) {
  load([...state.answers, [questionId, value]]);
}

function back() {
  if (state.answers.length === 0) return;
  load(state.answers.slice(0, -1), state.answers.at(-1));
}

function restart() {
  load([]);
}

backButton.addEventListener("click", back);
root.querySelector('[data-action="restart"]').addEventListener("click", restart);
say(strings.loading);
// On arrival focus stays where the browser put it: a framed form must not pull the portal's focus to itself.
load([], null, { focus: false });
