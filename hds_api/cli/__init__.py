"""The command line (`python -m hds_api`): `main(argv) -> exit code`."""

from .main import main

__all__ = ["main"]
