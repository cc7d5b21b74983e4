"""hds_api.rules.render."""
