"""Texts of the batch's own errors, in the languages of the rules; data, easy to override."""

from __future__ import annotations

from typing import Any

from ..i18n import text_language

MESSAGES: dict[str, dict[str, str]] = {
    "fr": {
        "invalid_item": "L'élément contient {count} champ(s) invalide(s).",
        "not_object": "Doit être un objet JSON.",
        "id_required": "Identifiant obligatoire : une chaîne non vide ou un entier.",
        "unknown_field": "Champ inconnu.",
        "not_boolean": "Doit être un booléen : true/false, yes/no, oui/non ou 1/0.",
        "not_activities": "Doit être une liste de numéros d'activité séparés par « ; ».",
        "extra_cells": "La ligne a plus de cellules que l'en-tête n'a de colonnes (une valeur contient-elle le "
        "séparateur ?).",
        "unnamed_cell": "Valeur dans une colonne sans nom.",
        "malformed_json": "JSON invalide : {detail}.",
        "bad_detail": "Niveau de détail inconnu.",
        "bad_header": "En-tête CSV illisible : {detail}.",
        "unknown_columns": "En-tête CSV : colonne(s) inconnue(s) {columns}.",
        "duplicate_columns": "En-tête CSV : colonne(s) en double {columns}.",
        "missing_id_column": "En-tête CSV : la colonne « id » est obligatoire.",
        "invalid_batch": "Le lot contient {count} paramètre(s) invalide(s).",
        "too_many_items": "Trop d'éléments : {count} pour un maximum de {limit}.",
        "too_large": "Corps de requête trop volumineux : {limit} octets au plus.",
        "allowed": "valeurs permises",
        "row_too_long": "Ligne {line} : plus de {limit} caractères (HDS_CSV_MAX_ROW_CHARS) ; elle n'est pas lue.",
        "row_unreadable": "Ligne {line} illisible : {detail}.",
        "cell_too_long": "Cellule de plus de {limit} caractères (HDS_CSV_MAX_CELL_CHARS).",
        "header_too_long": "plus de {limit} caractères (HDS_CSV_MAX_ROW_CHARS)",
        "quote_not_closed": "Ligne {line} non lue : un guillemet ouvert sur cette ligne ne se ferme pas correctement "
        "({detail}) ; les lignes qu'il aurait englobées, jusqu'à la ligne {last}, sont lues chacune pour elle-même.",
        "quote_too_long": "toujours ouvert après {limit} caractères, HDS_CSV_MAX_ROW_CHARS",
        "end_of_file": "toujours ouvert à la fin du fichier",
        "bad_quote": "ligne {line} : {detail}",
        "quote_open_at_line_end": "un guillemet ouvert sur cette ligne ne s'y ferme pas",
        "text_after_quote": "un guillemet fermant est suivi d'autre chose que le séparateur",
        "more_errors": "… et {count} autre(s) erreur(s)",
        "too_many_rows": "Trop de lignes : plus de {limit}.",
    },
    "en": {
        "invalid_item": "The item has {count} invalid field(s).",
        "not_object": "Must be a JSON object.",
        "id_required": "Required: a non-empty string or an integer.",
        "unknown_field": "Unknown field.",
        "not_boolean": "Must be a boolean: true/false, yes/no, oui/non or 1/0.",
        "not_activities": "Must be activity numbers separated by ';'.",
        "extra_cells": "The row has more cells than the header has columns (does a value contain the delimiter?).",
        "unnamed_cell": "Value in a column without a name.",
        "malformed_json": "Malformed JSON: {detail}.",
        "bad_detail": "Unknown level of detail.",
        "bad_header": "Unreadable CSV header: {detail}.",
        "unknown_columns": "CSV header: unknown column(s) {columns}.",
        "duplicate_columns": "CSV header: duplicate column(s) {columns}.",
        "missing_id_column": "CSV header: the 'id' column is required.",
        "invalid_batch": "The batch has {count} invalid parameter(s).",
        "too_many_items": "Too many items: {count} for at most {limit}.",
        "too_large": "Request body too large: {limit} bytes at most.",
        "allowed": "allowed",
        "row_too_long": "Line {line}: longer than {limit} characters (HDS_CSV_MAX_ROW_CHARS); not read.",
        "row_unreadable": "Line {line} unreadable: {detail}.",
        "cell_too_long": "Cell longer than {limit} characters (HDS_CSV_MAX_CELL_CHARS).",
        "header_too_long": "longer than {limit} characters (HDS_CSV_MAX_ROW_CHARS)",
        "quote_not_closed": "Line {line} not read: a quote opened on it does not close properly ({detail}); the "
        "lines it would have taken in, up to line {last}, are each read on their own.",
        "quote_too_long": "still open after {limit} characters, HDS_CSV_MAX_ROW_CHARS",
        "end_of_file": "still open at the end of the file",
        "bad_quote": "line {line}: {detail}",
        "quote_open_at_line_end": "a quote opened on this line does not close on it",
        "text_after_quote": "a closing quote is followed by something other than the delimiter",
        "more_errors": "… and {count} more error(s)",
        "too_many_rows": "Too many rows: more than {limit}.",
    },
}


def message(lang: str, key: str, **details: Any) -> str:
    return MESSAGES[text_language(lang)][key].format(**details)
