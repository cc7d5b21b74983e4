"""hds_api.web.openapi."""
