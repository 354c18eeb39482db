"""The committed fixture is exactly what the importer makes of the seeds today."""
import json
from io import StringIO

import pytest
from django.core.management import call_command

from blogsite.fixture_data import FIXTURE, build_fixture
from blogsite.models import Post
from comments.models import Comment


@pytest.mark.django_db(transaction=True, reset_sequences=True)
def test_committed_fixture_matches_a_fresh_import():
    # Compared as data, not text: PostgreSQL's jsonb stores object keys in
    # its own order, so the same evidence dumps with keys shuffled.
    assert json.loads(build_fixture()) == json.loads(FIXTURE.read_text()), (
        "fixtures/onprobation.json is stale: run `make fixtures` and commit it"
    )


@pytest.mark.django_db
def test_load_site_loads_once():
    call_command("load_site", stdout=StringIO())
    assert (Post.objects.count(), Comment.objects.count()) == (5, 148)
    out = StringIO()
    call_command("load_site", stdout=out)
    assert "already present" in out.getvalue()
    assert Comment.objects.count() == 148
