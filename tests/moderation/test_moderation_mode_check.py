"""An unknown MODERATION_MODE stops start-up instead of publishing everything."""
import pytest
from django.core import checks
from django.test import override_settings

from moderation.checks import check_moderation_mode


@pytest.mark.parametrize("mode", ["screen", "all", "off"])
def test_moderation_mode_known_value_passes(mode):
    with override_settings(MODERATION_MODE=mode):
        assert check_moderation_mode(None) == []


@pytest.mark.parametrize("mode", ["Screen", "scren", "ALL", " off", ""])
def test_moderation_mode_unknown_value_is_an_error(mode):
    with override_settings(MODERATION_MODE=mode):
        (error,) = check_moderation_mode(None)
    assert error.level == checks.ERROR and error.id == "moderation.E001"
    assert repr(mode) in error.msg


def test_moderation_mode_check_runs_with_the_system_checks():
    with override_settings(MODERATION_MODE="Screen"):
        errors = checks.run_checks()
    assert "moderation.E001" in [e.id for e in errors]
