"""django-comments-xtd 2.10 rendering a given comment tree (run in xtd's venv).

    XTD_PYTHON xtd_page.py TREE.json OUT.json REPEAT

Stand-alone: imports nothing from the project, which is not installed in
xtd's venv. TREE.json is bench_post_page's export: [id, parent id, tree id,
level, body, author, created] in tree order. The rows become XtdComments on
one object (the default Site) with xtd's own thread fields (thread_id,
parent_id, level, order) precomputed, then the page is fetched through the
test Client, as the project's is: xtd's ``render_xtdcomment_tree`` (with
flagging, as our pages carry a Report link) against a flat ``<ol>`` floor of
the same rows, interleaved, median of REPEAT. Writes {"page", "floor",
"queries", "versions"} to OUT.json.
"""
import atexit
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import django
from django.conf import settings

TMP = Path(tempfile.mkdtemp(prefix="onprobation-bench-xtd-"))
atexit.register(shutil.rmtree, TMP, ignore_errors=True)

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-only",
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    SITE_ID=1,
    USE_TZ=True,
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(TMP / "db.sqlite3")}},
    INSTALLED_APPS=[
        "django.contrib.auth",
        "django.contrib.contenttypes",
        "django.contrib.sessions",
        "django.contrib.sites",
        "django.contrib.messages",
        "django_comments_xtd",
        "django_comments",
    ],
    COMMENTS_APP="django_comments_xtd",
    COMMENTS_XTD_MAX_THREAD_LEVEL=10,
    MIDDLEWARE=[
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    ],
    TEMPLATES=[
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "APP_DIRS": True,
            "OPTIONS": {
                "context_processors": [
                    "django.template.context_processors.request",
                    "django.contrib.auth.context_processors.auth",
                    "django.contrib.messages.context_processors.messages",
                ]
            },
        }
    ],
)
django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.contrib.sites.models import Site  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.template import engines  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import include, path  # noqa: E402
from django_comments_xtd.models import XtdComment  # noqa: E402

PAGE = engines["django"].from_string(
    "{% load comments_xtd %}<!doctype html><title>{{ object.name }}</title><h1>{{ object.name }}</h1>"
    "{% render_xtdcomment_tree for object allow_flagging %}"
)
FLOOR = engines["django"].from_string(
    "<!doctype html><title>{{ object.name }}</title><h1>{{ object.name }}</h1>"
    "<ol>{% for c in comments %}<li>{{ c.comment }}</li>{% endfor %}</ol>"
)


def page(request):
    return HttpResponse(PAGE.render({"object": Site.objects.get(pk=1)}, request))


def floor(request):
    site = Site.objects.get(pk=1)
    comments = XtdComment.objects.filter(
        content_type=ContentType.objects.get_for_model(site), object_pk=str(site.pk), is_public=True
    )
    return HttpResponse(FLOOR.render({"object": site, "comments": comments}, request))


urlpatterns = [path("page/", page), path("floor/", floor), path("comments/", include("django_comments_xtd.urls"))]


def load(rows):
    site = Site.objects.get(pk=1)
    ct = ContentType.objects.get_for_model(site)
    root_of, order_in = {}, {}
    comments = []
    for pk, parent_id, _tree, level, body, author, created in rows:
        root = pk if parent_id is None else root_of[parent_id]
        root_of[pk] = root
        order_in[root] = order_in.get(root, 0) + 1
        comments.append(
            XtdComment(
                pk=pk,
                content_type=ct,
                object_pk=str(site.pk),
                site=site,
                user_name=author,
                user_email="",
                comment=body,
                submit_date=datetime.fromisoformat(created) if created else datetime.now(timezone.utc),
                is_public=True,
                thread_id=root,
                parent_id=parent_id or pk,  # xtd: a thread's root is its own parent
                level=level,
                order=order_in[root],
            )
        )
    # bulk_create refuses multi-table models (XtdComment extends Comment), and
    # XtdComment.save() would recompute the thread fields: save_base skips it.
    with transaction.atomic():
        for comment in comments:
            comment.save_base()
    return len(comments)


def main():
    tree_file, out_file, repeat = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    call_command("migrate", verbosity=0, interactive=False)
    rows = json.loads(tree_file.read_text())
    count = load(rows)
    client = Client(HTTP_HOST="127.0.0.1")

    def fetch(url):
        def run():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            return response

        return run

    runs = {"page": fetch("/page/"), "floor": fetch("/floor/")}
    body = runs["page"]().content.decode()
    shown = len(re.findall(r'<div id="c\d+" class="comment', body))
    assert shown == count, f"xtd rendered {shown} of {count} comments"
    with CaptureQueriesContext(connection) as captured:
        runs["page"]()
    queries = len(captured.captured_queries)
    for run in runs.values():
        run()
    times = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            t0 = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - t0)
    import django_comments_xtd

    result = {name: statistics.median(ts) for name, ts in times.items()}
    result["queries"] = queries
    result["versions"] = f"django-comments-xtd {django_comments_xtd.get_version()}, Django {django.get_version()}"
    out_file.write_text(json.dumps(result))


if __name__ == "__main__":
    main()
