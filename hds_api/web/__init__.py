"""hds_api.web."""
