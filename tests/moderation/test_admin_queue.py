"""The moderation queue lists held and reported comments, and filters them."""
from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from moderation.models import Report
from tests.factories import make_comment, make_post

QUEUE = reverse("admin:moderation_queueitem_changelist")


def _at(day):
    return timezone.make_aware(datetime(2024, 3, day, 12, 0))


@pytest.fixture
def queue(db):
    """One of each kind of comment, on two posts."""
    caseloads = make_post(title="Caseloads are out of control")
    estates = make_post(title="The estate in winter")
    return {
        "clean": make_comment(caseloads, body="A fair point about caseloads.", created=_at(1)),
        "held": make_comment(
            caseloads, body="You f*cking idiot.", state="held", flagged_rules="abusive", created=_at(2)
        ),
        "reported": make_comment(
            caseloads, body="My SPO never answers.", author_name="Dave", open_reports=2, created=_at(3)
        ),
        "removed": make_comment(caseloads, body="Gone.", state="removed", removed_rule="abusive", created=_at(4)),
        "advert": make_comment(
            estates, body="Cheap loans, DM me!", state="held", flagged_rules="advert off_topic", open_reports=1
        ),
    }


def _listed(client, query=""):
    response = client.get(QUEUE + query)
    assert response.status_code == 200
    return [comment.pk for comment in response.context["cl"].result_list]


def test_queue_lists_held_and_reported_not_clean(admin_client, queue):
    listed = _listed(admin_client)
    assert sorted(listed) == sorted([queue["held"].pk, queue["reported"].pk, queue["advert"].pk])


def test_queue_lists_newest_first_undated_last(admin_client, queue):
    assert _listed(admin_client) == [queue["reported"].pk, queue["held"].pk, queue["advert"].pk]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("held", ["held", "advert"]), ("reported", ["reported"]), ("removed", ["removed"])],
)
def test_queue_filters_by_state(admin_client, queue, value, expected):
    assert sorted(_listed(admin_client, f"?state={value}")) == sorted(queue[k].pk for k in expected)


def test_queue_filters_by_flagged_rule(admin_client, queue):
    assert _listed(admin_client, "?rule=abusive") == [queue["held"].pk]
    assert _listed(admin_client, "?rule=off_topic") == [queue["advert"].pk]
    assert _listed(admin_client, "?rule=self_harm") == []


def test_queue_rule_filter_includes_open_reports_citing_it(admin_client, queue):
    Report.objects.create(comment=queue["reported"], rule="defamatory", reporter_hash="a")
    assert _listed(admin_client, "?rule=defamatory") == [queue["reported"].pk]


def test_queue_rule_filter_offers_numbered_rules(admin_client, queue):
    html = admin_client.get(QUEUE).content.decode()
    assert "1. Abusive or profane language" in html
    assert "7. Spam and off-topic posts" in html


def test_queue_filters_by_post(admin_client, queue):
    post = queue["advert"].post
    assert _listed(admin_client, f"?post__id__exact={post.pk}") == [queue["advert"].pk]


@pytest.mark.parametrize(("value", "expected"), [("0", ["held"]), ("1", ["advert"]), ("2%2B", ["reported"])])
def test_queue_filters_by_report_count(admin_client, queue, value, expected):
    assert _listed(admin_client, f"?reports={value}") == [queue[k].pk for k in expected]


@pytest.mark.parametrize(
    ("term", "expected"), [("idiot", "held"), ("Dave", "reported"), ("winter", "advert")]
)
def test_queue_search_finds_body_author_and_post_title(admin_client, queue, term, expected):
    assert _listed(admin_client, f"?q={term}") == [queue[expected].pk]


def test_queue_shows_rules_as_numbered_badges(admin_client, queue):
    html = admin_client.get(QUEUE).content.decode()
    assert "6. Adverts" in html and "7. Spam and off-topic posts" in html


def test_queue_date_hierarchy_skips_undated_comments(admin_client, queue):
    assert sorted(_listed(admin_client, "?created__year=2024&created__month=3")) == sorted(
        [queue["held"].pk, queue["reported"].pk]
    )


def test_queue_changelist_queries_do_not_grow(admin_client, django_assert_max_num_queries):
    posts = [make_post() for _ in range(3)]
    for n in range(66):
        make_comment(
            posts[n % 3],
            state="held" if n % 2 else "published",
            open_reports=0 if n % 2 else 1 + n % 3,  # held, or published and reported
            flagged_rules="abusive personal_attack" if n % 2 else "",
            evidence=[{"rule": "abusive", "text": "x", "reason": "r", "start": 0, "end": 1, "field": "body"}],
            created=_at(1 + n % 28),
        )
    # 8 today (session, user, counts, filters, dates, the page); one query
    # per row for the post, rules or reports would add 50.
    with django_assert_max_num_queries(10):
        response = admin_client.get(QUEUE)
    assert response.context["cl"].result_count == 66
    assert len(response.context["cl"].result_list) == 50  # one full page
