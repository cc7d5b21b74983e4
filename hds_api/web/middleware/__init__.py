"""hds_api.web.middleware."""
