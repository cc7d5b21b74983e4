"""The assessment the benchmarks measure."""

# A GHT whose convention does not entrust hosting: a 20-step path through scope, activities and compliance.
TWENTY_ANSWERS = {
    "personal_data": True,
    "health_data": True,
    "data_originator": "health_establishment",
    "care_context": True,
    "hosting_relationship": "on_behalf_of_originator",
    "ght_same_convention": True,
    "ght_convention_delegates_hosting": False,
    "storage_medium": "digital",
    "stores_data": True,
    "short_term_processing_only": False,
    "activity_physical_site": True,
    "activity_hardware": True,
    "activity_virtual_infrastructure": True,
    "activity_application_platform": False,
    "activity_administration_operation": True,
    "activity_backup": True,
    "storage_location": "eea_only",
    "non_eea_access": False,
    "third_country_law_exposure": False,
    "uses_subcontractors": True,
}
