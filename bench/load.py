"""A bounded load run: readers and writers against `make serve` on PostgreSQL.

    make load
    .venv/bin/python -m bench.load --seconds 30 --readers 16 --writers 8

Starts the server itself with the same command as `make serve` (gunicorn,
PostgreSQL, Redis for the rate limits) on a scratch database, created fresh
and dropped afterwards (LOAD_DATABASE_URL, default onprobation_load on the
local server), and stops it at the end. Loopback only; the run stops by
itself after --seconds (at most 90) plus the server's start, well within
two minutes.

Readers GET post pages. Writers GET the thread once, for the CSRF cookie and
token, then post replies into one thread, alternating between its root and
their own last reply so that it grows wide and deep at once. Every writer
shares 127.0.0.1, so the server runs with COMMENT_RATE_LIMIT_PER_10MIN raised.

Reports requests/s and p50/p95 latency for reads and writes, errors (any
status other than 200 for a read and a redirect to the new comment for a
write), lost comments (answered as created but not in the database), and
whether the trees are exactly what django-mptt's rebuild() computes. Exits
non-zero unless errors, lost comments and tree differences are all zero.
"""
from __future__ import annotations

import argparse
import http.client
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
SCRATCH_URL = os.environ.get("LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/onprobation_load")
MAX_SECONDS = 90
TREE_FIELDS = ("pk", "tree_id", "lft", "rght", "level", "parent_id")
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CREATED_RE = re.compile(r"#c(\d+)$")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`make serve` in its own process group, on a free loopback port.

    ``env`` adds to or overrides the environment (DATABASE_URL, REDIS_URL,
    ...). Waits until the home page answers; on leaving, stops make and
    gunicorn together. Its output (the access log) goes to ``log_path``.
    """

    def __init__(self, *, env, workers=3, log_path, start_timeout=120):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **env}
        self.workers = workers
        self.log_path = Path(log_path)
        self.start_timeout = start_timeout
        self.process = None

    def __enter__(self):
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            ["make", "-s", "serve", "HOST=127.0.0.1", f"PORT={self.port}", f"WORKERS={self.workers}"],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        log.close()
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def _wait_ready(self):
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"make serve exited ({self.process.returncode}):\n{self.log_tail()}")
            try:
                if request(self.port, "GET", "/").status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"make serve did not answer in {self.start_timeout}s:\n{self.log_tail()}")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)  # make and gunicorn: its own group
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def log_tail(self, lines=30):
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


class Response:
    def __init__(self, status, headers, body, seconds):
        self.status, self.headers, self.body, self.seconds = status, headers, body, seconds


def request(port, method, path, *, body=None, headers=None, timeout=30):
    """One request on a fresh connection (gunicorn's sync workers close each)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    started = time.perf_counter()
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
    finally:
        conn.close()
    return Response(response.status, response.headers, data, time.perf_counter() - started)


class Browser:
    """Cookies and CSRF token of one writer, like a browser without JavaScript."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def send(self, method, path, form=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        response = request(self.port, method, path, body=body, headers=headers)
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.seconds = {"read": [], "write": []}
        self.errors = Counter()
        self.created = []

    def ok(self, kind, seconds):
        with self.lock:
            self.seconds[kind].append(seconds)

    def error(self, kind, reason):
        with self.lock:
            self.errors[f"{kind}: {reason}"] += 1


def reader(port, paths, deadline, tally):
    n = 0
    while time.monotonic() < deadline:
        path = paths[n % len(paths)]
        n += 1
        try:
            response = request(port, "GET", path)
        except OSError as error:
            tally.error("read", type(error).__name__)
            continue
        if response.status == 200:
            tally.ok("read", response.seconds)
        else:
            tally.error("read", f"HTTP {response.status}")


def writer(port, number, post_path, post_pk, root_pk, deadline, tally):
    browser = Browser(port)
    page = browser.send("GET", post_path)
    token = CSRF_RE.search(page.body.decode())
    if page.status != 200 or token is None:
        tally.error("write", "no CSRF token on the post page")
        return
    last = root_pk
    i = 0
    while time.monotonic() < deadline:
        parent = root_pk if i % 2 == 0 else last
        form = {
            "csrfmiddlewaretoken": token.group(1),
            "name": f"Load writer {number}",
            "body": f"Writer {number}, reply {i}: agreed, caseloads are too high in our office as well.",
            "parent": parent,
            "website": "",
        }
        i += 1
        try:
            response = browser.send("POST", f"/comments/post/{post_pk}/", form)
        except OSError as error:
            tally.error("write", type(error).__name__)
            continue
        created = CREATED_RE.search(response.headers.get("Location", ""))
        if response.status == 302 and created:
            last = int(created.group(1))
            tally.ok("write", response.seconds)
            with tally.lock:
                tally.created.append(last)
        else:
            tally.error("write", f"HTTP {response.status}")


def run_threads(workers):
    threads = [threading.Thread(target=target, args=args, daemon=True) for target, args in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def report(tally, elapsed):
    rows = [("kind", "requests", "req/s", "p50 ms", "p95 ms", "errors")]
    for kind in ("read", "write"):
        ok = tally.seconds[kind]
        errors = sum(n for reason, n in tally.errors.items() if reason.startswith(kind))
        total = len(ok) + errors
        rows.append((kind, total, f"{total / elapsed:.1f}", f"{percentile(ok, .5) * 1000:.0f}",
                     f"{percentile(ok, .95) * 1000:.0f}", errors))
    total = sum(row[1] for row in rows[1:])
    rows.append(("all", total, f"{total / elapsed:.1f}", "", "", sum(tally.errors.values())))
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(str(cell).rjust(width) for cell, width in zip(row, widths)))
    for reason, n in sorted(tally.errors.items()):
        print(f"  error {reason}: {n}")


def drop_database(url):
    import dj_database_url
    import psycopg
    from psycopg import sql

    db = dj_database_url.parse(url)
    params = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"], "password": db["PASSWORD"]}
    with psycopg.connect(dbname="postgres", autocommit=True, **{k: v for k, v in params.items() if v}) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(db["NAME"])))


def check_database(post, root, tally, comments_before):
    """Lost comments and tree shape, read straight from the scratch database."""
    from django.db import transaction

    from comments.models import Comment

    created = set(tally.created)
    found = Comment.objects.filter(pk__in=created).count()
    rows_added = Comment.objects.filter(post=post).count() - comments_before
    print(f"comments: {len(created)} answered as created, {found} of them in the database, "
          f"lost {len(created) - found}; rows added {rows_added}")
    stored = list(Comment.objects.order_by("pk").values_list(*TREE_FIELDS))
    with transaction.atomic():
        Comment.objects.rebuild()
        rebuilt = list(Comment.objects.order_by("pk").values_list(*TREE_FIELDS))
        transaction.set_rollback(True)
    differing = sum(a != b for a, b in zip(stored, rebuilt)) + abs(len(stored) - len(rebuilt))
    thread = Comment.objects.filter(tree_id=root.tree_id).count()
    print(f"trees: {len(stored)} comments, {differing} differ from rebuild(); the written thread has {thread}")
    return len(created) - found, rows_added - len(created), differing


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    options = parser.parse_args(argv)
    seconds = min(options.seconds, MAX_SECONDS)

    os.environ["DATABASE_URL"] = SCRATCH_URL  # for this process's checks
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "blogsite.settings")
    import django

    django.setup()
    from django.db import connections

    from blogsite.models import Post
    from comments.models import Comment

    drop_database(SCRATCH_URL)
    env = {
        "DATABASE_URL": SCRATCH_URL,
        # A Redis database of its own: the raised counters of this run stay
        # out of the one `make serve` uses.
        "REDIS_URL": os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/14"),
        "COMMENT_RATE_LIMIT_PER_10MIN": "1000000",
    }
    log_path = ROOT / "var" / "load-serve.log"
    try:
        with Server(env=env, workers=options.workers, log_path=log_path) as server:
            posts = list(Post.objects.published().order_by("-published"))
            post = max(posts, key=lambda p: p.comments.count())
            root = Comment.objects.filter(post=post, parent=None, state=Comment.State.PUBLISHED).first()
            before = Comment.objects.filter(post=post).count()
            connections.close_all()
            paths = [p.get_absolute_url() for p in posts]
            print(f"server {server.url}, {options.workers} gunicorn workers, database {SCRATCH_URL}")
            print(f"{options.readers} readers on {len(paths)} post pages, {options.writers} writers "
                  f"replying in one thread of {post.get_absolute_url()} ({before} comments), {seconds:.0f} s")
            tally = Tally()
            started = time.monotonic()
            deadline = started + seconds
            run_threads(
                [(reader, (server.port, paths, deadline, tally)) for _ in range(options.readers)]
                + [(writer, (server.port, n, post.get_absolute_url(), post.pk, root.pk, deadline, tally))
                   for n in range(options.writers)]
            )
            elapsed = time.monotonic() - started
        report(tally, elapsed)
        lost, unanswered, differing = check_database(post, root, tally, before)
    finally:
        connections.close_all()
        drop_database(SCRATCH_URL)
    failed = sum(tally.errors.values()) or lost or unanswered or differing
    print("FAILED" if failed else "OK: no errors, no lost comments, trees whole")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
