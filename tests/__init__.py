"""ClinicDay's test suite."""
