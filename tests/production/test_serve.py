"""`make serve` end to end: gunicorn on the test database, as in production.

Starts the same command (bench.load.Server runs `make serve`) on a free port
against pytest's PostgreSQL test database, then reads the home page and a
hashed static file and posts a comment with a CSRF token, like a browser.
"""
import json
import re
from urllib.parse import quote, urlencode

import pytest
from django.conf import settings
from django.db import connection

from bench.load import Browser, Server, request
from blogsite.models import Post
from comments.models import Comment

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="make serve runs on PostgreSQL (CI's second pass)"),
]


def _database_url():
    db = connection.settings_dict
    auth = quote(db["USER"] or "") + (":" + quote(db["PASSWORD"]) if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def server(tmp_path):
    env = {"DATABASE_URL": _database_url(), "REDIS_URL": "redis://127.0.0.1:6379/15", "CONN_MAX_AGE": "0"}
    with Server(env=env, workers=2, log_path=tmp_path / "serve.log") as running:
        yield running


def test_serve_home_static_and_comment(server):
    home = request(server.port, "GET", "/")
    assert home.status == 200
    assert home.headers["Content-Security-Policy"].startswith("default-src 'self'")

    # load_site filled the empty database; the page links the hashed CSS.
    manifest = json.loads((settings.STATIC_ROOT / "staticfiles.json").read_text())
    css = manifest["paths"]["blogsite/site.css"]
    assert re.search(r"\.[0-9a-f]{12}\.css$", css)
    assert f"/static/{css}".encode() in home.body
    static = request(server.port, "GET", f"/static/{css}", headers={"Accept-Encoding": "gzip"})
    assert static.status == 200
    assert "immutable" in static.headers["Cache-Control"] and "max-age=315360000" in static.headers["Cache-Control"]
    assert static.headers["Content-Encoding"] == "gzip"

    post = Post.objects.published().first()
    browser = Browser(server.port)
    page = browser.send("GET", post.get_absolute_url())
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.body).group(1).decode()
    assert "csrftoken" in browser.cookies
    posted = browser.send("POST", f"/comments/post/{post.pk}/", {"csrfmiddlewaretoken": token, "body": "Posted through gunicorn."})
    assert posted.status == 302
    comment = Comment.objects.get(body="Posted through gunicorn.")
    assert posted.headers["Location"].endswith(f"#c{comment.pk}")

    # Without the token the same post is refused.
    refused = request(server.port, "POST", f"/comments/post/{post.pk}/", body=urlencode({"body": "No token."}),
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert refused.status == 403


def test_serve_access_log_has_no_address_or_agent(server):
    request(server.port, "GET", "/rules/", headers={"User-Agent": "ServeProbe/1.0"})
    server.stop()
    log = server.log_path.read_text()
    assert '"GET /rules/ HTTP/1.1" 200' in log
    assert "127.0.0.1 -" not in log and "ServeProbe" not in log
