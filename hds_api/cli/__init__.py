"""The command line (`python -m hds_api`): check, assess, batch, docs."""

from .main import main

__all__ = ["main"]
