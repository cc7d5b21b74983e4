// Loads SurveyJS definitions in survey-core and reports, for each case, the questions it shows and its data.
// Input (JSON file): {"definitions": [...], "cases": [{"definition": i, "data"?: {...}, "steps"?: [[name, value]]}]}
// "data" sets every answer at once (as a portal restoring a saved survey); "steps" answer one question after the
// other as a person does (null clears an answer), so that SurveyJS hides what no longer applies.
// Output (stdout): {"json_errors": [[...] per definition],
//                   "results": [{"visible": [...], "data": {...}, "titles": {name: title in the survey's locale}}]}
import { readFileSync } from "node:fs";
import { Model } from "survey-core";

const input = JSON.parse(readFileSync(process.argv[2], "utf8"));
const surveys = input.definitions.map((definition) => new Model(definition));
const json_errors = surveys.map((survey) => (survey.jsonErrors || []).map((error) => error.message));
const results = input.cases.map((item) => {
  const survey = surveys[item.definition];
  survey.clear(true, true); // one survey per definition, started afresh for each case (as "Start over" does)
  if (item.data) survey.data = item.data;
  for (const [name, value] of item.steps || []) {
    if (value === null) survey.clearValue(name);
    else survey.setValue(name, value);
  }
  const questions = survey.getAllQuestions();
  const visible = questions.filter((question) => question.isVisible).map((question) => question.name);
  const titles = Object.fromEntries(questions.map((question) => [question.name, question.title]));
  return { visible, data: survey.data, titles };
});
process.stdout.write(JSON.stringify({ json_errors, results }));
