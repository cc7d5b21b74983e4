"""Sub-commands of `python -m hds_api`, one module each."""
