"""Answers shared by several test packages."""

# A managed-services host under referential v2: certificate required for activities 4, 5 and 6.
MANAGED_SERVICES_REQUIRED = {
    "personal_data": True, "health_data": True, "data_originator": "health_professional", "care_context": True,
    "hosting_relationship": "on_behalf_of_originator", "storage_medium": "digital", "stores_data": True,
    "short_term_processing_only": False, "activity_physical_site": False, "activity_hardware": False,
    "activity_virtual_infrastructure": False, "activity_application_platform": True,
    "activity_administration_operation": True, "activity_backup": True, "storage_location": "eea_only",
    "non_eea_access": False, "third_country_law_exposure": False, "uses_subcontractors": False,
}  # fmt: skip
