"""Languages: the ones served, the default (`HDS_DEFAULT_LANG`), which one a request gets, and the texts of the
messages the service writes itself (the rules bring their own texts, in the same languages). No web framework.
"""

from __future__ import annotations

from typing import Any

LANGUAGES = ("fr", "en")
# French unless `HDS_DEFAULT_LANG` says otherwise (`default_language`): the one place this choice is written.
DEFAULT_LANGUAGE = LANGUAGES[0]

Catalogue = dict[str, dict[str, str]]


def default_language() -> str:
    """The configured default (`HDS_DEFAULT_LANG`, checked by `hds_api.settings`)."""
    from .settings import setting  # here, not above: settings imports this module for LANGUAGES

    return setting("HDS_DEFAULT_LANG")


def text_language(lang: Any) -> str:
    """`lang` when it is served, else the default: for messages written before `lang` itself is validated."""
    return lang if lang in LANGUAGES else default_language()


def preferred_language(accept_language: str) -> str | None:
    """The served language an `Accept-Language` value prefers: the highest `q`, the first listed among equals. A
    tag counts for its primary language (`en-GB` is English); `*` names none in particular, nor does `q=0`."""
    best, best_quality = None, 0.0
    for item in accept_language.split(","):
        tag, _, parameters = item.partition(";")
        lang = tag.strip().replace("_", "-").partition("-")[0].lower()
        if lang in LANGUAGES:
            quality = _quality(parameters)
            if quality > best_quality:
                best, best_quality = lang, quality
    return best


def _quality(parameters: str) -> float:
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "q":
            try:
                quality = float(value.strip())
            except ValueError:
                return 0.0
            return quality if 0.0 <= quality <= 1.0 else 0.0
    return 1.0


def negotiate(query_lang: Any, accept_language: str | None, default: str) -> str:
    """The language of an answer: the query's `lang` when served, else the best of `Accept-Language`, else
    `default`. The header is parsed only when present: most requests name their language or send none."""
    if query_lang in LANGUAGES:
        return query_lang
    if accept_language:
        return preferred_language(accept_language) or default
    return default


def message(catalogue: Catalogue, lang: str, key: str, **details: Any) -> str:
    """One text of `catalogue` in `lang` (a served language), its `{placeholders}` filled from `details`."""
    return catalogue[lang][key].format(**details)


# Checking a request against the questions (`hds_api.rules.request_check`): the engine's 422s, for the API, the
# batch and the command line alike.
VALIDATION: Catalogue = {
    "fr": {
        "invalid": "La requête contient {count} champ(s) invalide(s).",
        "not_object": "Doit être un objet JSON.",
        "unknown_question": "Identifiant de question inconnu.",
        "not_boolean": "Doit être un booléen JSON (true ou false).",
        "not_choice": "Valeur hors des choix possibles.",
        "bad_date": "Doit être une date AAAA-MM-JJ.",
        "too_early": "Le régime de certification HDS n'existe qu'à partir du {start}.",
        "bad_language": "Langue non prise en charge.",
        "bad_activities": "Doit être une liste de numéros d'activité distincts.",
        "bad_referential": "Référentiel inconnu.",
        "missing": "Champ obligatoire.",
        "unknown_field": "Champ inconnu.",
    },
    "en": {
        "invalid": "The request has {count} invalid field(s).",
        "not_object": "Must be a JSON object.",
        "unknown_question": "Unknown question id.",
        "not_boolean": "Must be a JSON boolean (true or false).",
        "not_choice": "Value outside the allowed choices.",
        "bad_date": "Must be a date YYYY-MM-DD.",
        "too_early": "The HDS certification regime only exists from {start}.",
        "bad_language": "Unsupported language.",
        "bad_activities": "Must be a list of distinct activity numbers.",
        "bad_referential": "Unknown referential.",
        "missing": "Required field.",
        "unknown_field": "Unknown field.",
    },
}

# The errors of the HTTP layer: the request as a whole (its body, its key, its path), not what it asks.
HTTP: Catalogue = {
    "fr": {
        "invalid_json": "Corps JSON invalide.",
        "too_deep": "Le corps JSON imbrique plus de {limit} niveaux (HDS_MAX_JSON_DEPTH).",
        "too_large": "Le corps de la requête dépasse {limit} octets ({setting}).",
        "media_type": "Le corps de la requête doit être envoyé en {allowed}.",
        "media_type_given": "Type de média non pris en charge : « {given} ».",
        "key_required": "Une clé d'API est requise : envoyez-la en `Authorization: Bearer <clé>` ou "
        "`X-API-Key: <clé>`.",
        "no_key": "Aucune clé d'API fournie.",
        "unknown_key": "Clé d'API inconnue.",
        "broken_framing": "Le corps de la requête est mal formé : son découpage (chunked) est rompu, ou il s'arrête "
        "trop tôt.",
        "unknown_tree": "Aucun arbre de décision ne s'appelle « {tree_id} ».",
        "unknown_tree_field": "Arbre de décision inconnu.",
        "not_found": "Aucune ressource à cette adresse.",
        "method_not_allowed": "Cette méthode n'est pas permise à cette adresse.",
        "internal": "Le serveur a rencontré une erreur inattendue ; elle a été journalisée.",
        "not_ready": "Les règles ne sont pas chargées : n'envoyez pas de requêtes à cette instance.",
    },
    "en": {
        "invalid_json": "Invalid JSON body.",
        "too_deep": "The JSON body nests deeper than {limit} levels (HDS_MAX_JSON_DEPTH).",
        "too_large": "The request body is larger than {limit} bytes ({setting}).",
        "media_type": "The request body must be sent as {allowed}.",
        "media_type_given": "Unsupported media type '{given}'.",
        "key_required": "An API key is required: send it as `Authorization: Bearer <key>` or `X-API-Key: <key>`.",
        "no_key": "No API key given.",
        "unknown_key": "Unknown API key.",
        "broken_framing": "The request body is malformed: its chunked transfer encoding is broken, or it ends too "
        "early.",
        "unknown_tree": "No decision tree named '{tree_id}'.",
        "unknown_tree_field": "Unknown decision tree.",
        "not_found": "Nothing at this address.",
        "method_not_allowed": "This method is not allowed at this address.",
        "internal": "The server met an unexpected error; it has been logged.",
        "not_ready": "The rules are not loaded: do not send traffic to this instance.",
    },
}

# What gunicorn answers before the app (`hds_api.web.gunicorn_worker`), in the default language: there is no
# request to negotiate with. `{cfg.*}` are gunicorn's limits.
SERVER: Catalogue = {
    "fr": {
        "400": "La requête n'est pas du HTTP/1.1 valide (ligne de requête, en-tête ou découpage) ; elle n'a pas été "
        "traitée.",
        "403": "La requête est interdite.",
        "414": "La ligne de requête dépasse {cfg.limit_request_line} octets.",
        "417": "Seul `Expect: 100-continue` est pris en charge.",
        "431": "La requête a plus de {cfg.limit_request_fields} en-têtes, ou un en-tête de plus de "
        "{cfg.limit_request_field_size} octets.",
        "501": "Seul le codage de transfert chunked est pris en charge.",
    },
    "en": {
        "400": "The request is not valid HTTP/1.1 (request line, header or framing); it was not processed.",
        "403": "The request is forbidden.",
        "414": "The request line is longer than {cfg.limit_request_line} bytes.",
        "417": "Only `Expect: 100-continue` is supported.",
        "431": "The request has more than {cfg.limit_request_fields} header fields, or one longer than "
        "{cfg.limit_request_field_size} bytes.",
        "501": "Only the chunked transfer coding is supported.",
    },
}
