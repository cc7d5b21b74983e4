"""The form's own words, in French and English; the questions and results come translated from the rules."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Faut-il une certification HDS ?",
        "intro": (
            "Décrivez un service d'hébergement d'un prestataire, une question à la fois : l'outil indique si la "
            "certification HDS (hébergeur de données de santé) est requise, pour quelles activités, et pourquoi."
        ),
        "disclaimer": (
            "Ce n'est pas un avis juridique : chaque conclusion cite ses sources pour que vous puissiez la vérifier."
        ),
        "noscript": (
            "Ce formulaire a besoin de JavaScript. L'API JSON reste utilisable directement : POST /v1/assessments."
        ),
        "other_language": "English",
        "other_language_code": "en",
        "loading": "Chargement…",
        "yes": "Oui",
        "no": "Non",
        "references": "Références",
        "references_inline": "Sources :",
        "progress": "Question {number} sur {total} au plus",
        "back": "Question précédente",
        "restart": "Recommencer",
        "previous_answer": "(réponse précédente)",
        "error": "Le service n'a pas pu répondre : {message}",
        "network_error": "Le service est injoignable. Vérifiez la connexion puis réessayez.",
        "retry": "Réessayer",
        "result_heading": "Résultat",
        "required_yes": "La certification HDS est requise.",
        "required_no": "La certification HDS n'est pas requise.",
        "archives_approval": "Un agrément de l'administration des archives (ministère de la Culture) est requis.",
        "archives_approval_too": (
            "Un agrément de l'administration des archives (ministère de la Culture) est également requis."
        ),
        "certificates": "Certificat(s) à détenir",
        "certificate_covers": "requis pour les activités {activities}",
        "activities": "Activités d'hébergement exercées (art. R.1111-9 du CSP)",
        "activity_number": "Activité {number}",
        "exemptions": "Pourquoi le certificat n'est pas requis",
        "flags": "Points d'action",
        "confidence": "Confiance :",
        "confidence_high": "élevée : la conclusion suit les textes cités, sans lecture contestée",
        "confidence_medium": (
            "moyenne : une étape repose sur une interprétation (FAQ du ministère ou de l'ANS, lecture d'un texte), "
            "pas sur la lettre de la loi"
        ),
        "confidence_low": (
            "faible : une étape repose sur une lecture contestée ; faites relire la conclusion par un juriste"
        ),
        "periods": "Cadre applicable à la date d'évaluation",
        "explanation": "Explication pas à pas",
        "assessed_on": "Évaluation au {as_of}, règles {tree} version {version}",
        "copy": "Copier le résultat (JSON)",
        "copied": "Résultat copié dans le presse-papiers.",
        "copy_failed": "La copie a échoué ; téléchargez le résultat à la place.",
        "download": "Télécharger le résultat (JSON)",
    },
    "en": {
        "title": "Is an HDS certificate required?",
        "intro": (
            "Describe one hosting service of one provider, one question at a time: the tool tells whether the HDS "
            "certificate (French health-data hosting) is required, for which activities, and why."
        ),
        "disclaimer": "Not legal advice: every conclusion cites its sources so that you can check it.",
        "noscript": "This form needs JavaScript. The JSON API can be used directly: POST /v1/assessments.",
        "other_language": "Français",
        "other_language_code": "fr",
        "loading": "Loading…",
        "yes": "Yes",
        "no": "No",
        "references": "References",
        "references_inline": "Sources:",
        "progress": "Question {number} of at most {total}",
        "back": "Previous question",
        "restart": "Start over",
        "previous_answer": "(previous answer)",
        "error": "The service could not answer: {message}",
        "network_error": "The service cannot be reached. Check the connection and try again.",
        "retry": "Try again",
        "result_heading": "Result",
        "required_yes": "The HDS certificate is required.",
        "required_no": "The HDS certificate is not required.",
        "archives_approval": "An approval of the archives administration (Ministry of Culture) is required.",
        "archives_approval_too": (
            "An approval of the archives administration (Ministry of Culture) is required as well."
        ),
        "certificates": "Certificate(s) to hold",
        "certificate_covers": "required for activities {activities}",
        "activities": "Hosting activities performed (CSP art. R.1111-9)",
        "activity_number": "Activity {number}",
        "exemptions": "Why the certificate is not required",
        "flags": "Actions",
        "confidence": "Confidence:",
        "confidence_high": "high: the conclusion follows the cited texts, with no contested reading",
        "confidence_medium": (
            "medium: a step rests on an interpretation (ministry or ANS FAQ, a reading of a text), not on the letter "
            "of the law"
        ),
        "confidence_low": "low: a step rests on a contested reading; have a lawyer review the conclusion",
        "periods": "Framework applicable on the assessment date",
        "explanation": "Step-by-step explanation",
        "assessed_on": "Assessed as of {as_of}, rules {tree} version {version}",
        "copy": "Copy the result (JSON)",
        "copied": "Result copied to the clipboard.",
        "copy_failed": "Copying failed; download the result instead.",
        "download": "Download the result (JSON)",
    },
}
