"""Failed admin logins are limited per client and per username, storing no address."""
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

PASSWORD = "correct horse battery staple"
LOGIN = reverse("admin:login")


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user("editor", password=PASSWORD, is_staff=True)


def _login(client, username, password, address="198.51.100.1"):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address)


def _logged_in(client):
    return "_auth_user_id" in client.session


def test_admin_login_succeeds_after_failures_below_limit(client, editor):
    for _ in range(4):
        assert _login(client, "editor", "wrong").status_code == 200
    response = _login(client, "editor", PASSWORD)
    assert response.status_code == 302 and response.url == "/admin/"
    assert _logged_in(client)


def test_admin_login_fifth_failure_answers_429_and_locks(client, editor):
    for _ in range(4):
        assert b"Please enter the correct username" in _login(client, "editor", "wrong").content
    response = _login(client, "editor", "wrong")
    assert response.status_code == 429
    assert b"Too many failed logins" in response.content
    assert b"paused for 15 minutes" in response.content
    # Locked: even the right password is not checked.
    assert _login(client, "editor", PASSWORD).status_code == 429
    assert not _logged_in(client)


def test_admin_login_limit_follows_username_across_addresses(client, editor):
    for n in range(5):
        _login(client, "editor", "wrong", address=f"198.51.100.{10 + n}")
    assert _login(client, "Editor", PASSWORD, address="198.51.100.99").status_code == 429
    get_user_model().objects.create_user("other", password=PASSWORD, is_staff=True)
    assert _login(client, "other", PASSWORD, address="198.51.100.99").status_code == 302


def test_admin_login_limit_follows_client_across_usernames(client, editor):
    for n in range(5):
        _login(client, f"guess{n}", "wrong")
    assert _login(client, "editor", PASSWORD).status_code == 429
    assert _login(client, "editor", PASSWORD, address="198.51.100.2").status_code == 302


def test_admin_login_non_staff_refused(client, db):
    get_user_model().objects.create_user("reader", password=PASSWORD)
    response = _login(client, "reader", PASSWORD)
    assert response.status_code == 200
    assert b"correct username and password for a staff account" in response.content
    assert not _logged_in(client)
    assert client.get("/admin/").status_code == 302  # back to the login page


def test_admin_login_empty_form_not_counted(client, editor):
    for _ in range(10):
        assert _login(client, "", "").status_code == 200
    assert _login(client, "editor", PASSWORD).status_code == 302


def test_admin_login_limit_follows_username_however_spelt(client, db):
    get_user_model().objects.create_user("alex", password=PASSWORD, is_staff=True)
    for n, spelling in enumerate(["ａｌｅｘ", "ＡＬＥＸ", "ALEX", "Alex ", "ａｌｅｘ"]):
        _login(client, spelling, "wrong", address=f"198.51.100.{10 + n}")
    assert _login(client, "alex", PASSWORD, address="198.51.100.99").status_code == 429
