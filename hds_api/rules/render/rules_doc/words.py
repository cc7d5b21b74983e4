"""The fixed words of the review document, in each language (everything else comes from the rules)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Les règles de décision",
        "identity": (
            "Arbre `{tree}`, version `{version}` ({title}), empreinte des règles `{digest}`. Chaque évaluation cite "
            "cette version et cette empreinte dans son champ `rules` ; le [journal des règles]({changelog}) dit ce "
            "qui a changé à chaque version, pourquoi, et sur quelles sources."
        ),
        "other_language": "In English: [RULES.en.md](RULES.en.md).",
        "not_advice": "Rien ici n'est un conseil juridique : chaque résultat cite ses sources pour qu'on les vérifie.",
        "contents": "Sommaire",
        "how_to_read": "Comment lire les tables",
        "how_to_read_text": (
            "Chaque résultat a sa table de décision : une ligne par ensemble distinct de conditions qui y mène, "
            "calculée à partir de tous les chemins de l'arbre. Une ligne s'applique quand toutes ses conditions "
            "sont remplies ; une question qu'elle ne nomme pas ne change pas sa conclusion (elle n'est pas posée "
            "sur ces chemins, ou toutes ses réponses mènent au même endroit). `as_of` est la date de l'évaluation. "
            "Les questions d'activité ne comptent que par « au moins une activité exercée » ou « aucune ». Les "
            "lignes ne se recouvrent pas : un jeu complet de réponses remplit exactement une ligne d'une table, et "
            "un test le vérifie, comme il vérifie que des réponses tirées de chaque ligne donnent sa conclusion. "
            "Colonne des signaux : ceux que la ligne donne toujours, puis ceux qu'ajoute une réponse, où que la "
            "question soit posée (« si … »). La confiance est la plus basse du chemin ([règle](#{confidence_anchor}))."
        ),
        "flowchart": "Logigramme",
        "flowchart_text": (
            "Les questions sont des losanges, les choix datés des hexagones, les résultats des boîtes arrondies "
            "(rouge : certificat requis)."
        ),
        "outcomes": "Résultats",
        "outcomes_text": "Chaque résultat, avec la table de décision des conditions qui y mènent.",
        "kind": "Nature : `{kind}` ({label}) ; confiance propre : {confidence}.",
        "required_text": "Le certificat est requis pour les activités exercées ; confiance propre : {confidence}.",
        "outcome_flags": "Signaux que le résultat ajoute toujours : {flags}.",
        "references": "Références : {cites}",
        "contested_here": "Lecture contestée : {readings}.",
        "common": "Dans chaque ligne : {conditions}.",
        "common_effects": "Chaque ligne donne : {effects}.",
        "row_header": "| n° | Conditions | Confiance | Signaux et effets |",
        "no_condition": "aucune autre condition",
        "archives": "agrément des archives requis",
        "confidence_rule": "La confiance d'un résultat",
        "confidence_rule_text": (
            "La confiance d'un résultat est la plus basse entre la confiance propre du résultat et celle de chaque "
            "étape du chemin qui repose sur une lecture plus faible que la loi elle-même. Niveaux, du plus sûr au "
            "moins sûr : {levels}. Les étapes qui l'abaissent :"
        ),
        "confidence_header": "| nœud | quand | confiance | ajoute |",
        "confidence_outcomes": "Confiance propre de chaque résultat : {outcomes}.",
        "gap": "Analyse d'écart de certification",
        "test": "Test : ",
        "gap_text": (
            "Quand une demande porte `current_certification`, la première règle dont le test est vrai donne "
            "`certification_gap.status` :"
        ),
        "legal_dates": "Dates légales",
        "legal_dates_text": (
            "Chaque date n'est écrite qu'une fois, dans `law.yaml` ; voici tous les endroits des règles qui s'en "
            "servent."
        ),
        "legal_dates_header": "| nom | date | ce qui se passe | références | utilisée par |",
        "contested": "Lectures contestées",
        "contested_text": (
            "Les lectures que le droit ne tranche pas, telles que les règles les consignent (`contested_readings` "
            "de `law.yaml`) : chacune nomme les deux lectures et ses sources, et dit à quoi elle s'applique."
        ),
        "reading": "Lecture",
        "applies_to": "S'applique à : {items}.",
        "questions": "Questions",
        "questions_text": "Dans l'ordre du parcours. Les identifiants et les valeurs sont ceux de l'API publique.",
        "boolean_answer": "Réponse : `true` (Oui) ou `false` (Non).",
        "choice_header": "| valeur | libellé |",
        "flags": "Signaux",
        "flags_header": "| signal | sens | ajouté par | références |",
        "activities": "Activités et certificats",
        "activity_header": "| n° | activité | références |",
        "certificate_header": "| certificat | activités | références |",
        "citations": "Citations",
        "citation_header": "| id | citation |",
    },
    "en": {
        "title": "The decision rules",
        "identity": (
            "Tree `{tree}` version `{version}` ({title}), rules digest `{digest}`. Every assessment names this version "
            "and digest in its `rules` field; the [rules changelog]({changelog}) says what changed in each version, "
            "why, and on which sources."
        ),
        "other_language": "En français : [RULES.md](RULES.md).",
        "not_advice": "Nothing here is legal advice: every outcome cites its sources so that a reader can check them.",
        "contents": "Contents",
        "how_to_read": "How to read the tables",
        "how_to_read_text": (
            "Each outcome has a decision table: one row per distinct set of conditions that reaches it, computed "
            "from every path of the tree. A row applies when all its conditions hold; a question it does not name "
            "does not change its conclusion (it is not asked on those paths, or every answer leads alike). `as_of` "
            "is the assessment date. The activity questions count only as “at least one activity performed” or "
            "“none”. Rows never overlap: a complete set of answers meets exactly one row of one table, which a test "
            "checks, as it checks that answers drawn from each row give its conclusion. Flags column: those the row "
            "always gives, then those a single answer adds wherever the question is asked (“if …”). Confidence is "
            "the lowest on the path ([rule](#{confidence_anchor}))."
        ),
        "flowchart": "Flowchart",
        "flowchart_text": (
            "Questions are diamonds, dated choices hexagons, outcomes rounded boxes (red: certificate required)."
        ),
        "outcomes": "Outcomes",
        "outcomes_text": "Each outcome, with the decision table of the conditions that reach it.",
        "kind": "Kind: `{kind}` ({label}); own confidence: {confidence}.",
        "required_text": "The certificate is required for the activities performed; own confidence: {confidence}.",
        "outcome_flags": "Flags the outcome always adds: {flags}.",
        "references": "References: {cites}",
        "contested_here": "Contested reading: {readings}.",
        "common": "In every row: {conditions}.",
        "common_effects": "Every row gives: {effects}.",
        "row_header": "| # | Conditions | Confidence | Flags and effects |",
        "no_condition": "no other condition",
        "archives": "archives approval required",
        "confidence_rule": "The confidence of a result",
        "confidence_rule_text": (
            "A result's confidence is the lowest of the outcome's own confidence and that of every step of the path "
            "that rests on a reading weaker than the law itself. Levels, from the most to the least confident: "
            "{levels}. The steps that lower it:"
        ),
        "confidence_header": "| node | when | confidence | adds |",
        "confidence_outcomes": "Each outcome's own confidence: {outcomes}.",
        "gap": "Certification gap analysis",
        "test": "Test: ",
        "gap_text": (
            "When a request carries `current_certification`, the first rule whose test holds gives "
            "`certification_gap.status`:"
        ),
        "legal_dates": "Legal dates",
        "legal_dates_text": "Each date is written once, in `law.yaml`; here is every place of the rules that uses it.",
        "legal_dates_header": "| name | date | what happens | references | used by |",
        "contested": "Contested readings",
        "contested_text": (
            "The readings the law does not settle, as the rules record them (`contested_readings` in `law.yaml`): "
            "each names both readings and its sources, and says what it applies to."
        ),
        "reading": "Reading",
        "applies_to": "Applies to: {items}.",
        "questions": "Questions",
        "questions_text": "In flow order. Ids and values are the public API's.",
        "boolean_answer": "Answer: `true` (Yes) or `false` (No).",
        "choice_header": "| value | label |",
        "flags": "Flags",
        "flags_header": "| flag | meaning | added by | references |",
        "activities": "Activities and certificates",
        "activity_header": "| # | activity | references |",
        "certificate_header": "| certificate | activities | references |",
        "citations": "Citations",
        "citation_header": "| id | citation |",
    },
}

# Words inside conditions, flags and uses of dates.
TERMS: dict[str, dict[str, str]] = {
    "fr": {
        "true": "Oui",
        "false": "Non",
        "or": " ou ",
        "and": " et ",
        "any_but": "`{question}` : toute réponse sauf {values}",
        "from": "à partir du {date}",
        "before": "avant le {date}",
        "between": "du {start} au {end} exclu",
        "separator": " ; ",
        "colon": " : ",
        "some_activity": "au moins une des {count} questions d'activité ({first} … {last}) = Oui",
        "no_activity": "les {count} questions d'activité = Non",
        "any_of": "au moins une de : {conditions}",
        "if": "{flags} si {condition}",
        "high": "élevée (`high`)",
        "medium": "moyenne (`medium`)",
        "low": "faible (`low`)",
        "outcome": "résultat {code}",
        "answer": "réponse {condition}",
        "at_node": "nœud `{node}` : {condition}",
        "found": "au moins une activité",
        "not_found": "aucune activité",
        "outcomes": "résultats",
        "flags": "signaux",
        "questions": "questions",
        "legal_dates": "dates légales",
    },
    "en": {
        "true": "Yes",
        "false": "No",
        "or": " or ",
        "and": " and ",
        "any_but": "`{question}`: any answer but {values}",
        "from": "from {date}",
        "before": "before {date}",
        "between": "from {start} until {end}, excluded",
        "separator": "; ",
        "colon": ": ",
        "some_activity": "at least one of the {count} activity questions ({first} … {last}) = Yes",
        "no_activity": "all {count} activity questions = No",
        "any_of": "at least one of: {conditions}",
        "if": "{flags} if {condition}",
        "high": "`high`",
        "medium": "`medium`",
        "low": "`low`",
        "outcome": "outcome {code}",
        "answer": "answer {condition}",
        "at_node": "node `{node}`: {condition}",
        "found": "at least one activity",
        "not_found": "no activity",
        "outcomes": "outcomes",
        "flags": "flags",
        "questions": "questions",
        "legal_dates": "legal dates",
    },
}
