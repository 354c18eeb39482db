"""Generate a classic Blogger "Back up content" Atom file for benchmarks.

    python -m bench.gen_blogger OUT.xml --posts 50 --comments 100000 [--seed 1]

The file has the shape blogsite.archives.blogger_atom reads: a settings and a
template entry (skipped by the importer), P posts with labels and
``<thr:total>``, and N comments. About one comment in five starts a thread;
the rest answer an earlier comment of the same post (``<link rel="related">``)
up to a depth of 8, so threads are a mix of shallow and deep. Entries are
written in shuffled order, as real exports are not reliably parent-first.
Deterministic for a given seed. A small share of bodies carry words the
screener holds, so the hold path is exercised too.
"""
import argparse
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

BLOG = "4242"
KIND = "http://schemas.google.com/g/2005#kind"
KIND_TERM = "http://schemas.google.com/blogger/2008/kind#"
MAX_DEPTH = 8
START = datetime(2012, 1, 1, 9, 0, tzinfo=timezone.utc)

SENTENCES = [
    "Caseloads in our office have gone past 80 again and nobody upstairs seems to notice.",
    "The new OASys layout takes twice as long and tells us nothing we did not know.",
    "TR was a disaster from day one; the CRCs never had the money to do the job.",
    "Our SPO is doing her best but the senior managers have no idea what we do.",
    "Has anyone else had the nDelius outage this morning? Lost an hour of notes.",
    "Unification was supposed to fix this. It has not, and morale is on the floor.",
    "Good post, Jim. The training budget has been cut every year since 2014.",
    "I left after twenty years. Best decision I made, though I miss the clients.",
    "Agency staff are being paid twice what a band 4 PSO gets for the same work.",
    "The Ministry says recruitment is up, but half the trainees leave within two years.",
    "See https://www.theguardian.com/society/probation for the inspectorate report.",
    "Approved premises in our area are full; people are being released to nowhere.",
]
HELD = [
    "This is shit management and everyone knows it.",
    "Cheap loans! DM me on 07700 900123 for a discount code, visit our website.",
]


def _stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _body(rng):
    if rng.random() < 0.01:
        return rng.choice(HELD)
    return " ".join(rng.sample(SENTENCES, rng.randint(1, 3)))


def plan(*, posts, comments, seed=1):
    """(post numbers, [(comment number, post number, parent number or None)])."""
    rng = random.Random(seed)
    post_ids = [1000 + p for p in range(posts)]
    by_post = {p: [] for p in post_ids}  # (number, depth) of each comment so far
    rows = []
    for n in range(comments):
        number = 100000 + n
        post = post_ids[n % posts]
        earlier = by_post[post]
        parent, depth = None, 0
        if earlier and rng.random() >= 0.2:
            # Mostly answer something recent, as conversations do.
            cand, cand_depth = earlier[-1 - min(int(rng.expovariate(0.3)), len(earlier) - 1)]
            if cand_depth < MAX_DEPTH:
                parent, depth = cand, cand_depth + 1
        earlier.append((number, depth))
        rows.append((number, post, parent))
    return post_ids, rows


def generate(path, *, posts, comments, seed=1):
    """Write the file; return the expected counts (posts, comments, replies)."""
    rng = random.Random(seed + 1)
    post_ids, rows = plan(posts=posts, comments=comments, seed=seed)
    totals = {p: 0 for p in post_ids}
    for _, post, _ in rows:
        totals[post] += 1
    entries = [_post_entry(p, totals[p], rng) for p in post_ids]
    entries += [_comment_entry(number, post, parent, rng) for number, post, parent in rows]
    rng.shuffle(entries)
    path = Path(path)
    with path.open("w", encoding="utf-8") as out:
        out.write(
            "<?xml version='1.0' encoding='UTF-8'?>\n"
            "<feed xmlns='http://www.w3.org/2005/Atom' "
            "xmlns:thr='http://purl.org/syndication/thread/1.0' "
            "xmlns:app='http://purl.org/atom/app#' xmlns:gd='http://schemas.google.com/g/2005'>\n"
            f"<id>tag:blogger.com,1999:blog-{BLOG}</id>\n"
            "<title type='text'>Generated probation blog</title>\n"
        )
        out.write(_other_entry("settings.BLOG_NAME", "settings", "Generated probation blog"))
        out.write(_other_entry("layout", "template", "<html/>"))
        out.writelines(entries)
        out.write("</feed>\n")
    replies = sum(1 for _, _, parent in rows if parent is not None)
    return {"posts": posts, "comments": comments, "replies": replies, "bytes": path.stat().st_size}


def _other_entry(suffix, kind, content):
    return (
        f"<entry><id>tag:blogger.com,1999:blog-{BLOG}.{suffix}</id>"
        f"<category scheme='{KIND}' term='{KIND_TERM}{kind}'/>"
        f"<title type='text'>{kind}</title><content type='text'>{escape(content)}</content></entry>\n"
    )


def _post_entry(number, total, rng):
    published = START + timedelta(days=number - 1000)
    body = "<p>" + escape(" ".join(rng.sample(SENTENCES, 4))) + "</p>"
    return (
        f"<entry><id>tag:blogger.com,1999:blog-{BLOG}.post-{number}</id>\n"
        f"<published>{_stamp(published)}</published><updated>{_stamp(published)}</updated>\n"
        f"<category scheme='{KIND}' term='{KIND_TERM}post'/>\n"
        "<category scheme='http://www.blogger.com/atom/ns#' term='Probation'/>\n"
        f"<title type='text'>Generated post {number}</title>\n"
        f"<content type='html'>{escape(body)}</content>\n"
        f"<link rel='alternate' type='text/html' href='http://generated.blogspot.com/p/{number}.html'/>\n"
        "<author><name>Jim Brown</name><email>noreply@blogger.com</email></author>\n"
        f"<thr:total>{total}</thr:total></entry>\n"
    )


def _comment_entry(number, post, parent, rng):
    created = START + timedelta(days=post - 1000, minutes=number - 100000)
    related = (
        f"<link rel='related' type='application/atom+xml' "
        f"href='http://www.blogger.com/feeds/{BLOG}/{post}/comments/default/{parent}'/>\n"
        if parent
        else ""
    )
    author = rng.choice(["Anonymous", "Anonymous", "Netnipper", "Old Lag", "PSO in the North"])
    return (
        f"<entry><id>tag:blogger.com,1999:blog-{BLOG}.post-{number}</id>\n"
        f"<published>{_stamp(created)}</published>\n"
        f"<category scheme='{KIND}' term='{KIND_TERM}comment'/>\n"
        f"<title type='text'>Comment {number}</title>\n"
        f"<content type='html'>{escape(_body(rng))}</content>\n"
        f"{related}"
        f"<author><name>{escape(author)}</name></author>\n"
        f"<thr:in-reply-to ref='tag:blogger.com,1999:blog-{BLOG}.post-{post}' "
        f"href={quoteattr(f'http://generated.blogspot.com/p/{post}.html')} type='text/html'/></entry>\n"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--posts", type=int, default=50)
    parser.add_argument("--comments", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    counts = generate(args.out, posts=args.posts, comments=args.comments, seed=args.seed)
    print(f"{args.out}: {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
