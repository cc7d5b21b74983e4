"""Loading the rules once — parse, check everything, compile — and evaluating requests against them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ..i18n import DEFAULT_LANGUAGE, LANGUAGES, default_language
from .compiled import Catalogue, CompiledTree, compile_catalogue, compile_tree
from .engine import shape_result, walk
from .files import read_rule_files
from .graph_check import graph_problems
from .problems import RulesError
from .raw import RawRules, sort_by_kind
from .request_check import RequestChecker
from .schema_check import schema_problems
from .text_check import text_problems
from .texts import Calendar

DEFAULT_RULES_DIR = Path(__file__).resolve().parents[2] / "decision_trees"
PARIS = ZoneInfo("Europe/Paris")


def today_in_paris() -> date:
    """The default legal date of an assessment."""
    return datetime.now(PARIS).date()


class Rules:
    """Validated, compiled rules: the catalogue, the trees and the identity of the files they came from."""

    def __init__(self, raw: RawRules, digest: str, default_tree: str | None = None):
        self.raw = raw
        self.digest = digest
        self.calendar = Calendar(
            raw.data("law"), [rule_file.data for rule_file in raw.files.values()] + [tree.data for tree in raw.trees]
        )
        self.catalogue: Catalogue = compile_catalogue(raw, self.calendar)
        self.trees: dict[str, CompiledTree] = {
            tree.data["id"]: compile_tree(tree.data, raw, self.catalogue, self.calendar) for tree in raw.trees
        }
        self.default_tree = default_tree or raw.trees[0].data["id"]
        # Results cite references by their text; this says, per language, where each cite can be read.
        references = raw.data("law")["references"]
        self.sources: dict[str, dict[str, str]] = {
            lang: {self.calendar.cite(reference_id, lang): entry["url"] for reference_id, entry in references.items()}
            for lang in LANGUAGES
        }
        self.identities = {
            tree_id: {"tree": tree_id, "version": tree.version, "digest": digest}
            for tree_id, tree in self.trees.items()
        }

    @property
    def tree(self) -> CompiledTree:
        return self.trees[self.default_tree]

    def evaluate(
        self,
        answers: Any,
        as_of: date | str | None = None,
        current_certification: Any = None,
        lang: Any = None,
    ) -> dict[str, Any]:
        """Assess one hosting service (`lang`: default, the configured default language); raises
        `InvalidRequest` naming every bad field."""
        check = RequestChecker(self.catalogue, default_language() if lang is None else lang)
        return self._evaluate(check, answers, as_of, current_certification)

    def assess(self, request: Any, lang: str, message_lang: str | None = None) -> dict[str, Any]:
        """Assess one request as a caller sends it, `{"answers", "as_of"?, "lang"?, "current_certification"?}`,
        in its `lang`, else in `lang`; raises `InvalidRequest` naming every bad field, the envelope's (not an
        object, `answers` missing, a field unknown) with the others. `message_lang` is the language of the
        messages when the request's own `lang` is not served."""
        given_lang = request.get("lang", lang) if type(request) is dict else lang
        check = RequestChecker(self.catalogue, given_lang, message_lang)
        request = check.envelope(request)
        return self._evaluate(
            check, request.get("answers", {}), request.get("as_of"), request.get("current_certification")
        )

    def _evaluate(self, check: RequestChecker, answers: Any, as_of: Any, current_certification: Any) -> dict[str, Any]:
        tree = self.tree
        lang = check.lang
        given = check.answers(answers)
        legal_date = check.as_of(today_in_paris() if as_of is None else as_of, tree.applies_from)
        held = check.current_certification(current_certification)
        check.raise_if_any()
        epoch = self.calendar.epoch(legal_date)
        walked = walk(tree, given, legal_date, lang, epoch)
        return shape_result(
            walked, tree, self.catalogue, self.calendar, given, legal_date, lang, epoch, held,
            self.identities[tree.id],
        )  # fmt: skip

    def questionnaire(self, lang: str = DEFAULT_LANGUAGE, as_of: date | None = None) -> list[dict[str, Any]]:
        """Every question in flow order, as served."""
        epoch = self.calendar.epoch(as_of or today_in_paris())
        return [self.catalogue.question_views[qid][lang][epoch] for qid in self.catalogue.question_order]

    def tree_list(self, lang: str = DEFAULT_LANGUAGE) -> list[dict[str, Any]]:
        """Every decision tree, as `GET /v1/decision-trees` lists them."""
        return [
            {
                "id": tree_id,
                "version": tree.version,
                "title": tree.title[lang],
                "default": tree_id == self.default_tree,
                "digest": self.digest,
            }
            for tree_id, tree in self.trees.items()
        ]

    def summary(self) -> dict[str, Any]:
        return {
            "trees": {tree_id: tree.version for tree_id, tree in self.trees.items()},
            "questions": len(self.catalogue.question_order),
            "outcomes": len(self.catalogue.outcomes),
            "nodes": sum(len(tree.nodes) for tree in self.trees.values()),
            "digest": self.digest,
        }


def load_rules(directory: Path | str | None = None) -> Rules:
    """Read, check and compile the decision trees; raise `RulesError` listing every problem found."""
    directory = Path(directory) if directory is not None else DEFAULT_RULES_DIR
    files, problems, digest, schema = read_rule_files(directory)
    problems += schema_problems(directory.name, schema, files)
    if problems:
        raise RulesError(problems)
    raw, problems = sort_by_kind(directory.name, files)
    if problems:
        raise RulesError(problems)
    problems = graph_problems(raw) + text_problems(raw)
    if problems:
        raise RulesError(problems)
    return Rules(raw, digest)
