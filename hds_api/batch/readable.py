"""Results in words, for people reading a table: one sentence of conclusion, the flags' labels, the references.

The sentence is built from the result's own labels (certificates, exemptions, from the rules' texts); the
wording around them is data (`SENTENCES`), and no legal reasoning happens here."""

from __future__ import annotations

from typing import Any

from ..i18n import text_language

SENTENCES = {
    "fr": {
        "required": "Certification HDS requise : {certificates}, activités {activities}",
        "required_one": "Certification HDS requise : {certificates}, activité {activities}",
        "archives": " ; agrément des archives requis aussi",
        "not_required": "Pas de certification HDS requise : {exemption}",
        "incomplete": "Évaluation incomplète : question suivante {question}",
    },
    "en": {
        "required": "HDS certification required: {certificates}, activities {activities}",
        "required_one": "HDS certification required: {certificates}, activity {activities}",
        "archives": "; archives approval required too",
        "not_required": "No HDS certification required: {exemption}",
        "incomplete": "Incomplete assessment: next question {question}",
    },
}
JOINER = " | "  # between labels and references: they hold commas and semicolons themselves


def _lowered(label: str) -> str:
    """A label inside a sentence: `Hébergeur infogéreur` -> `hébergeur infogéreur`; `GHT …` stays."""
    return label[0].lower() + label[1:] if len(label) > 1 and label[1].islower() else label


def conclusion(result: dict[str, Any], lang: str) -> str:
    """`Certification HDS requise : hébergeur infogéreur, activités 4, 5, 6` and the like."""
    words = SENTENCES[text_language(lang)]
    if result["status"] == "incomplete":
        return words["incomplete"].format(question=result["next_question"]["id"])
    if result["hds_certification_required"]:
        sentence = words["required" if len(result["activities"]) > 1 else "required_one"].format(
            certificates=", ".join(_lowered(certificate["label"]) for certificate in result["certificates"]),
            activities=", ".join(str(activity["number"]) for activity in result["activities"]),
        )
        return sentence + (words["archives"] if result["archives_approval_required"] else "")
    return words["not_required"].format(exemption=", ".join(_lowered(e["label"]) for e in result["exemptions"]))


def flag_labels(result: dict[str, Any]) -> str:
    return JOINER.join(flag["label"] for flag in result["flags"])


def references(result: dict[str, Any]) -> str:
    """The sources of the conclusion, then of the certificates, the flags and the gap, each cited once."""
    cited: dict[str, None] = {}
    sources = [result["conclusion"], *result["certificates"], *result["flags"], result["certification_gap"]]
    for source in sources:
        if source:
            cited.update(dict.fromkeys(source.get("references", ())))
    return JOINER.join(cited)
