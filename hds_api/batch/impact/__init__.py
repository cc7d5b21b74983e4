"""What changes when the law does: each row assessed at two dates, and per row what changes between them, with
the legal dates (law.yaml) crossed on the way that make the change."""

from .dates import LegalDate, legal_dates_between
from .job import ImpactJob, ImpactOptions, ImpactOutcome
from .report import ImpactShape
from .window import days_after, impact_options

__all__ = [
    "ImpactJob", "ImpactOptions", "ImpactOutcome", "ImpactShape", "LegalDate", "days_after", "impact_options",
    "legal_dates_between",
]  # fmt: skip
