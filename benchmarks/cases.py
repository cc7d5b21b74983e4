"""The assessment the benchmarks measure, built by the tests' answer builder (tests/answers.py)."""

from tests.answers import complete_answers

# A GHT whose convention does not entrust hosting: a 20-step path through scope, activities and compliance.
TWENTY_ANSWERS = complete_answers(
    data_originator="health_establishment",
    ght_same_convention=True,
    ght_convention_delegates_hosting=False,
    activity_physical_site=True,
    activity_hardware=True,
    activity_virtual_infrastructure=True,
    activity_application_platform=False,
    uses_subcontractors=True,
)
assert len(TWENTY_ANSWERS) == 20, TWENTY_ANSWERS
