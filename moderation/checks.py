"""System checks on the moderation settings, run by `manage.py check`,
`migrate` and `runserver`, so `make serve` and compose refuse to start.

MODERATION_MODE comes from the environment as free text, and
services.initial_state() holds a comment only on an exact "screen" or "all":
any other value ("Screen", "scren") published everything unscreened.
"""
from django.conf import settings
from django.core.checks import Error, register

MODERATION_MODES = ("screen", "all", "off")


@register()
def check_moderation_mode(app_configs, **kwargs):
    mode = settings.MODERATION_MODE
    if mode in MODERATION_MODES:
        return []
    return [
        Error(
            f"MODERATION_MODE is {mode!r}, which would publish every comment unscreened.",
            hint=f"Set it to one of {', '.join(MODERATION_MODES)} (lower case), or leave it unset for screen.",
            id="moderation.E001",
        )
    ]
