import os
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from tests import factories

ARCHIVES = Path(settings.BASE_DIR) / "fixtures" / "archives"
SEED_FILES = sorted(ARCHIVES.glob("*.txt"))

# Playwright's sync API runs an event loop in the test thread; Django refuses
# ORM calls from such a thread unless told the test knows what it is doing.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def seed_files():
    return list(SEED_FILES)


@pytest.fixture
def import_seeds(db):
    """Import the five seed copies; returns the command's output."""

    def run(*extra):
        out = StringIO()
        call_command("import_archive", *map(str, SEED_FILES), *extra, stdout=out)
        return out.getvalue()

    return run


@pytest.fixture
def seeded(import_seeds):
    import_seeds()


@pytest.fixture
def a_post(db):
    return factories.make_post(title="Fancy Being a Probation Officer?", slug="fancy")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache: no test inherits another's."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def moderators_group(db):
    """The Moderators group as its migrations make it. Transactional tests
    flush the rows migrations created, so rebuild it from the same lists."""
    from importlib import import_module

    from django.contrib.auth.models import Group, Permission

    group_migration = import_module("moderation.migrations.0003_moderators_group")
    appeals_migration = import_module("moderation.migrations.0005_moderators_decide_appeals")
    group, _ = Group.objects.get_or_create(name=group_migration.GROUP)
    wanted = list(group_migration.PERMISSIONS) + [("moderation", c) for c in appeals_migration.PERMISSIONS]
    group.permissions.set(
        Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in wanted
    )
    return group
