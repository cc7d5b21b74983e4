"""hds_api.cli."""
