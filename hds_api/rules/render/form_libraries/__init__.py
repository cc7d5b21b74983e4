"""The questionnaire for form libraries — JSON Schema (RJSF, JSON Forms) and SurveyJS — generated from the rules.

Pure Python, no web framework: each format is a function of the loaded `Rules`, a language and a legal date.
"""

from .json_schema import answers_json_schema
from .surveyjs import surveyjs_definition

__all__ = ["answers_json_schema", "surveyjs_definition"]
