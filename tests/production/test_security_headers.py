"""Every response carries the security headers, the CSP included."""
import pytest
from django.conf import settings
from django.urls import reverse

EXPECTED = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _assert_headers(response):
    for header, value in EXPECTED.items():
        assert response.headers.get(header) == value, header


@pytest.mark.parametrize(
    "where, status",
    [
        (lambda post: reverse("blogsite:home"), 200),
        (lambda post: post.get_absolute_url(), 200),
        (lambda post: reverse("admin:login"), 200),
        (lambda post: "/no-such-page/", 404),
    ],
    ids=["home", "post", "admin-login", "404"],
)
def test_security_headers_on_every_response(client, a_post, where, status):
    response = client.get(where(a_post))
    assert response.status_code == status
    _assert_headers(response)


def test_security_headers_on_static_files(client, db):
    # WhiteNoise answers before Django's X-Frame-Options middleware; the CSP's
    # frame-ancestors 'none' covers framing for these too.
    response = client.get("/static/blogsite/site.css")
    assert response.status_code == 200
    for header in EXPECTED.keys() - {"X-Frame-Options"}:
        assert response.headers.get(header) == EXPECTED[header], header


def test_security_headers_policy_comes_from_settings(client, db, settings):
    settings.CONTENT_SECURITY_POLICY = "default-src 'none'"
    settings.PERMISSIONS_POLICY = ""
    response = client.get(reverse("blogsite:home"))
    assert response.headers["Content-Security-Policy"] == "default-src 'none'"
    assert "Permissions-Policy" not in response.headers


def test_security_headers_session_cookie_httponly():
    assert settings.SESSION_COOKIE_HTTPONLY is True
