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
        "bad_header": "En-tête illisible : {detail}.",
        "duplicate_columns": "En-tête : colonne(s) en double {columns}.",
        "missing_id_column": "En-tête : la colonne « id » est obligatoire.",
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
        "near_miss_columns": "En-tête : colonne(s) {columns} proche(s) d'une colonne connue ; faute de frappe ?",
        "looks_like": "Colonne inconnue proche de « {column} » : corrigez l'en-tête, ou renommez-la pour qu'elle "
        "soit recopiée telle quelle.",
        "too_many_columns": "En-tête : {count} colonnes inconnues à recopier telles quelles ; {limit} au plus.",
        "result_columns": "En-tête : colonne(s) {columns} au nom d'une colonne de résultat ; renommez-la "
        "(ex. « {example} (source) ») pour qu'elle soit recopiée, sans quoi le résultat la remplacerait.",
        "result_column": "Nom d'une colonne de résultat : renommez-la pour qu'elle soit recopiée telle quelle.",
        "workbook_as_csv": "Ce corps est un classeur (.xlsx), pas un CSV : envoyez-le avec Content-Type: {media_type}.",
        "not_decodable": "Le fichier n'est pas en {encoding} : ligne {line}, l'octet {column} (0x{byte:02X}) est "
        "illisible. Enregistrez-le au format « CSV UTF-8 » (Excel : Fichier > Enregistrer sous > CSV UTF-8), ou "
        "indiquez son encodage : charset=windows-1252 (HTTP), --encoding windows-1252 (ligne de commande).",
        "not_decodable_somewhere": "Le fichier n'est pas en {encoding}. Enregistrez-le au format « CSV UTF-8 » "
        "(Excel : Fichier > Enregistrer sous > CSV UTF-8), ou indiquez son encodage : charset=windows-1252 (HTTP), "
        "--encoding windows-1252 (ligne de commande).",
        "bad_charset": "Encodage {charset} non pris en charge : enregistrez le fichier au format « CSV UTF-8 ».",
        "bad_spreadsheet": "Classeur .xlsx illisible : {detail}.",
        "certificate_expires": "Le certificat détenu cesse d'être valide (dernier jour la veille du {date}).",
        "bad_window": "La date de fin ({end}) précède la date de début ({start}).",
        "bad_siren": "Un SIREN a 9 chiffres.",
        "bad_siret": "Un SIRET a 14 chiffres.",
        "bad_finess": "Un numéro FINESS a 9 caractères : le département (01 à 95, 2A, 2B, 97x) puis des chiffres.",
        "bad_check_digit": "Clé de contrôle fausse : le numéro contient une faute de frappe.",
        "siret_not_of_siren": "Ce SIRET n'est pas un établissement du SIREN de la colonne supplier_siren.",
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
        "bad_header": "Unreadable header: {detail}.",
        "duplicate_columns": "Header: duplicate column(s) {columns}.",
        "missing_id_column": "Header: the 'id' column is required.",
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
        "near_miss_columns": "Header: column(s) {columns} close to a known column; a typo?",
        "looks_like": "Unknown column close to '{column}': correct the header, or rename it to have it carried "
        "through as it is.",
        "too_many_columns": "Header: {count} unknown columns to carry through as they are; {limit} at most.",
        "result_columns": "Header: column(s) {columns} named like a result column; rename it (e.g. '{example} "
        "(source)') to have it carried through, else the result would replace it.",
        "result_column": "The name of a result column: rename it to have it carried through as it is.",
        "workbook_as_csv": "This body is a workbook (.xlsx), not a CSV: send it with Content-Type: {media_type}.",
        "not_decodable": "The file is not {encoding}: on line {line}, byte {column} (0x{byte:02X}) cannot be read. "
        "Save it as 'CSV UTF-8' (Excel: File > Save As > CSV UTF-8), or name its encoding: charset=windows-1252 "
        "(HTTP), --encoding windows-1252 (command line).",
        "not_decodable_somewhere": "The file is not {encoding}. Save it as 'CSV UTF-8' (Excel: File > Save As > CSV "
        "UTF-8), or name its encoding: charset=windows-1252 (HTTP), --encoding windows-1252 (command line).",
        "bad_charset": "Unsupported charset {charset}: save the file as 'CSV UTF-8'.",
        "bad_spreadsheet": "Unreadable .xlsx workbook: {detail}.",
        "certificate_expires": "The certificate held stops being valid (its last day is the day before {date}).",
        "bad_window": "The end date ({end}) comes before the start date ({start}).",
        "bad_siren": "A SIREN has 9 digits.",
        "bad_siret": "A SIRET has 14 digits.",
        "bad_finess": "A FINESS number has 9 characters: the département (01 to 95, 2A, 2B, 97x) then digits.",
        "bad_check_digit": "Wrong check digit: the number has a typo.",
        "siret_not_of_siren": "This SIRET is not an establishment of the SIREN in column supplier_siren.",
    },
}


def message(lang: str, key: str, **details: Any) -> str:
    return MESSAGES[text_language(lang)][key].format(**details)
