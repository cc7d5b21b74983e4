"""Walking a compiled tree over a set of answers, and shaping the result of CONTRACT.md section 5."""

from __future__ import annotations

from datetime import date
from typing import Any

from .compiled import CONFIDENCE_LEVELS, AskNode, Catalogue, CompiledTree, DateNode, Edge
from .gap import certification_gap
from .texts import Calendar


def walk(tree: CompiledTree, answers: dict[str, Any], as_of: date, lang: str, epoch: int) -> dict[str, Any]:
    """Follow the tree from its root until an outcome or the first unanswered question."""
    node = tree.root
    trace: list[dict[str, Any]] = []
    periods: list[dict[str, Any]] = []
    activities: set[int] = set()
    flags: set[str] = set()
    archives_approval = False
    confidence = 0
    while True:
        if type(node) is AskNode:
            answer = answers.get(node.question)
            if answer is None:
                return _state(node, None, trace, periods, activities, flags, archives_approval, confidence)
            edge: Edge = node.edges[answer]
            trace.append(node.steps[lang][epoch][answer])
        elif type(node) is DateNode:
            for period in node.periods:
                if period.end is None or as_of < period.end:
                    break
            edge = period.edge
            periods.append(period.views[lang][epoch])
        else:
            edge = node.found if activities else node.not_found
        if edge.adds_anything:
            activities.update(edge.activities)
            flags.update(edge.flags)
            archives_approval = archives_approval or edge.archives_approval
            if edge.confidence > confidence:
                confidence = edge.confidence
        if edge.outcome is not None:
            return _state(None, edge.outcome, trace, periods, activities, flags, archives_approval, confidence)
        node = edge.node


def _state(stop, outcome, trace, periods, activities, flags, archives_approval, confidence) -> dict[str, Any]:
    return {
        "stop": stop,
        "outcome": outcome,
        "trace": trace,
        "periods": periods,
        "activities": activities,
        "flags": flags,
        "archives_approval": archives_approval,
        "confidence": confidence,
    }


def shape_result(
    walked: dict[str, Any],
    tree: CompiledTree,
    catalogue: Catalogue,
    calendar: Calendar,
    answers: dict[str, Any],
    as_of: date,
    lang: str,
    epoch: int,
    current_certification: dict[str, Any] | None,
    rules_identity: dict[str, str],
) -> dict[str, Any]:
    """The public result: complete or incomplete, with everything that explains it."""
    outcome = walked["outcome"]
    stop = walked["stop"]
    activities = sorted(walked["activities"])
    flags = set(walked["flags"])
    trace = walked["trace"]
    # Each step uses one answer: as many answers as steps means none was left over (the usual case).
    unused = set() if len(answers) == len(trace) else answers.keys() - {step["question"] for step in trace}
    if outcome is None:
        unused -= stop.questions_ahead
        required = None
        archives = True if walked["archives_approval"] else None
        confidence = None
        certificates: list[dict[str, Any]] = []
        exemptions: list[dict[str, Any]] = []
        conclusion = None
        next_question = catalogue.question_views[stop.question][lang][epoch]
    else:
        flags.update(outcome.flags)
        required = outcome.certification_required
        archives = walked["archives_approval"] or outcome.archives_approval
        confidence = CONFIDENCE_LEVELS[max(walked["confidence"], outcome.confidence)]
        conclusion = outcome.views[lang][epoch]
        found = set(activities)
        certificates = [
            {**views[lang][epoch], "required_activities": sorted(covers & found)}
            for covers, views in catalogue.certificates
            if required and covers & found
        ]
        exemptions = [] if required else [conclusion]
        next_question = None
    gap = None
    if current_certification is not None and required is not None:
        gap = certification_gap(
            catalogue, calendar.dates, current_certification, required, activities, flags, as_of, lang, epoch
        )
    return {
        "status": "incomplete" if outcome is None else "complete",
        "hds_certification_required": required,
        "archives_approval_required": archives,
        "activities": [catalogue.activity_views[number][lang][epoch] for number in activities],
        "certificates": certificates,
        "exemptions": exemptions,
        "flags": [
            catalogue.flag_views[code][lang][epoch] for code in sorted(flags, key=catalogue.flag_order.__getitem__)
        ],
        "confidence": confidence,
        "conclusion": conclusion,
        "trace": trace,
        "periods": walked["periods"],
        "next_question": next_question,
        "progress": {
            "answered": len(trace),
            "remaining_at_most": stop.asks_ahead if stop is not None else 0,
        },
        "unused_answers": sorted(unused),
        "certification_gap": gap,
        "as_of": as_of.isoformat(),
        "lang": lang,
        "rules": rules_identity,
    }
