"""Assessing many hosting services at once: items from JSON, CSV or JSON lines, one result each, a summary.

Pure Python, no web framework: the HTTP endpoint and the command line both call `assess_items` (or the
streaming pieces of `pipeline`).
"""

from .errors import UsageError, error_body
from .items import Item, item_from_json
from .runner import DETAILS, BatchOptions, assess_items
from .summary import Summary

__all__ = [
    "DETAILS",
    "BatchOptions",
    "Item",
    "Summary",
    "UsageError",
    "assess_items",
    "error_body",
    "item_from_json",
]
