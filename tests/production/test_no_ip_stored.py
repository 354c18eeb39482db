"""After a posting run, neither the client's address nor its user agent is
anywhere in the database: not in a model's text, not in a raw row, not
inside a session."""
import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import connection, models
from django.urls import reverse

from comments.models import Comment
from moderation.rules import RULES

ADDRESS = "203.0.113.77"
USER_AGENT = "NoIpProbe/9.9 (distinctive-agent-5f3a)"
ANCHOR = re.compile(r"#c(\d+)$")
TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField, models.GenericIPAddressField)


@pytest.fixture
def visitor(client):
    """Every request from the same address and browser."""
    client.defaults.update(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=USER_AGENT)
    return client


def _post(client, post, body, parent=None):
    data = {"body": body, "name": "Probe", "parent": parent.pk if parent else ""}
    response = client.post(reverse("comments:submit", args=[post.pk]), data)
    assert response.status_code == 302, response.content[:500]
    return Comment.objects.get(pk=ANCHOR.search(response.url).group(1))


def _posting_run(client, post):
    first = _post(client, post, "Our office has lost three officers this year.")
    second = _post(client, post, "Caseloads in the north are over 120%.")
    reply = _post(client, post, "Same here, and no one is replacing them.", parent=first)
    _post(client, post, "Agreed with both of you.", parent=reply)
    for comment, rule in ((first, RULES[0].code), (second, RULES[1].code)):
        response = client.post(reverse("comments:report", args=[comment.pk]), {"rule": rule, "note": "please check"})
        assert response.status_code == 302
    get_user_model().objects.create_superuser("chief", password="a long admin password 42")
    login = reverse("admin:login")
    assert client.post(login, {"username": "chief", "password": "wrong"}).status_code == 200
    assert client.post(login, {"username": "chief", "password": "a long admin password 42"}).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def _model_text():
    """Every text, char, JSON and address column of every model, as strings."""
    for model in apps.get_models(include_auto_created=True):
        names = [f.attname for f in model._meta.concrete_fields if isinstance(f, TEXT_FIELDS)]
        if names:
            for row in model._default_manager.values_list(*names):
                yield from (str(value) for value in row)


def _raw_rows():
    """Every row of every table, models or not."""
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            yield from (str(row) for row in cursor.fetchall())


def test_no_ip_or_user_agent_stored_after_posting_run(visitor, a_post, settings):
    settings.COMMENT_RATE_LIMIT = (100, 600)
    _posting_run(visitor, a_post)
    assert Comment.objects.count() == 4
    sessions = [str(session.get_decoded()) for session in Session.objects.all()]
    assert sessions, "the run should have left sessions to inspect"

    everything = [*_model_text(), *_raw_rows(), *sessions]
    for secret in (ADDRESS, USER_AGENT, "distinctive-agent"):
        found = [text[:200] for text in everything if secret in text]
        assert found == [], f"{secret!r} stored: {found}"
