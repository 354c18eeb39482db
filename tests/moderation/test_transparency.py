"""/moderation/: monthly figures per rule from the audit log, and nothing personal."""
import re
from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from comments.models import Comment
from comments.services import comment_submit
from moderation import services
from moderation.models import Decision
from moderation.transparency import moderation_figures
from tests.factories import make_big_post, pin_screening

AUTHOR = "Mallory Quillfeather"
MODERATOR = "janemoderatorsmith"
TEXTS = {
    "attack": "You are an idiot.",
    "advert": "Call us today on 07700 900123 for a free consultation.",
    "plain": "A perfectly ordinary remark about caseloads.",
    "other": "Another ordinary remark about unpaid work.",
    "pricing": "CPD coaching, £35 per session. DM me for details.",
    "review": "Waiting on the new OASys release.",
    "report_note": "names my manager Quentin",
}


def at(year, month, day, hour=12, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def dated(when, comment=None):
    """Move the newest decision (and the comment's own date) to ``when``.

    The services stamp "now"; the figures are about months, so each step is
    placed in time after it has really happened.
    """
    Decision.objects.filter(pk=Decision.objects.order_by("-pk").values("pk")[:1]).update(created=when)
    if comment is not None:
        Comment.objects.filter(pk=comment.pk).update(created=when)


def submit(post, key, when):
    comment, _ = comment_submit(post=post, body=TEXTS[key], author_name=AUTHOR)
    dated(when, comment)  # its hold is the newest decision
    return comment


@pytest.fixture
def moderator(db):
    users = get_user_model().objects
    return users.create_user(MODERATOR, first_name="Jane", last_name="Smith", is_staff=True)


@pytest.fixture
def a_history(a_post, moderator, settings, monkeypatch):
    """Two months of real moderation, made through the services."""
    settings.MODERATION_MODE = "screen"
    pin_screening(monkeypatch, {
        TEXTS["attack"]: ["personal_attack"],
        TEXTS["advert"]: ["advert"],
        TEXTS["pricing"]: ["advert"],
        **{TEXTS[key]: [] for key in ("plain", "other", "review")},
    })
    settings.MODERATION_REPORTS_TO_HOLD = 2
    make_big_post(6)  # imported: screened, but dated by the old blog

    attack = submit(a_post, "attack", at(2024, 3, 5, 10))  # held by screening, rule 3
    services.comment_approve(comment=attack, moderator=moderator)
    dated(at(2024, 3, 5, 14))  # 4 hours, reinstated

    advert = submit(a_post, "advert", at(2024, 3, 6, 9))  # held by screening, rule 6
    services.comment_remove(comment=advert, moderator=moderator, rule="advert")
    dated(at(2024, 3, 6, 11))  # 2 hours, removed

    plain, _ = comment_submit(post=a_post, body=TEXTS["plain"], author_name=AUTHOR)
    Comment.objects.filter(pk=plain.pk).update(created=at(2024, 3, 7, 8))
    for reader in ("a", "b"):
        services.report_file(
            comment=plain, rule="disrespectful", note=TEXTS["report_note"], client_key=reader
        )
    dated(at(2024, 3, 7, 12))  # held by reports, rule 2
    services.comment_approve(comment=plain, moderator=moderator)
    dated(at(2024, 3, 8, 0))  # 12 hours, reinstated

    other, _ = comment_submit(post=a_post, body=TEXTS["other"], author_name=AUTHOR)
    Comment.objects.filter(pk=other.pk).update(created=at(2024, 3, 9))
    services.comment_remove(comment=other, moderator=moderator, rule="off_topic")
    dated(at(2024, 3, 10))  # removed from the page: no hold, no waiting time
    services.comment_restore(comment=other, moderator=moderator)
    dated(at(2024, 4, 2))  # reinstated in April, under rule 7

    pricing = submit(a_post, "pricing", at(2024, 4, 3, 8))
    services.comment_approve(comment=pricing, moderator=moderator)
    dated(at(2024, 4, 3, 9, 30))  # 1.5 hours, reinstated under rule 6

    settings.MODERATION_MODE = "all"
    review = submit(a_post, "review", at(2024, 4, 4, 8))  # held for review, no rule
    services.comment_approve(comment=review, moderator=moderator)
    dated(at(2024, 4, 4, 11, 30))  # 3.5 hours, not a reinstatement: nothing was wrong


def _row(figures, month, label):
    [found] = [m for m in figures.months if (m.month.year, m.month.month) == month]
    if label == "total":
        row = found.total
    else:
        [row] = [r for r in found.rules if r.label.startswith(label)]
    return row.held, row.removed, row.reinstated, row.median_hours


def test_figures_count_each_month_by_rule(a_history):
    figures = moderation_figures()

    assert [(m.month.year, m.month.month, m.screened) for m in figures.months] == [(2024, 4, 2), (2024, 3, 4)]
    assert figures.imported_screened == 6
    assert _row(figures, (2024, 3), "total") == (3, 2, 2, 4.0)
    assert _row(figures, (2024, 3), "2.") == (1, 0, 1, 12.0)
    assert _row(figures, (2024, 3), "3.") == (1, 0, 1, 4.0)
    assert _row(figures, (2024, 3), "6.") == (1, 1, 0, 2.0)
    assert _row(figures, (2024, 3), "7.") == (0, 1, 0, None)
    assert _row(figures, (2024, 4), "total") == (2, 0, 2, 2.5)
    assert _row(figures, (2024, 4), "6.") == (1, 0, 1, 1.5)
    assert _row(figures, (2024, 4), "7.") == (0, 0, 1, None)
    assert _row(figures, (2024, 4), "No rule cited") == (1, 0, 0, 3.5)


def test_figures_take_a_fixed_number_of_queries(a_history, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(7):
        moderation_figures()
    with django_assert_max_num_queries(9):
        assert client.get(reverse("moderation:transparency")).status_code == 200


def test_page_shows_no_text_author_or_moderator(a_history, client):
    html = client.get("/moderation/").content.decode()

    assert "March 2024" in html and "April 2024" in html
    leaks = [*TEXTS.values(), AUTHOR, MODERATOR, "Jane", "Smith", "Quentin", "07700"]
    assert [value for value in leaks if value in html] == []


def test_page_is_a_plain_table(a_history, client):
    html = client.get("/moderation/").content.decode()
    summary = html[html.index('<table class="figures" id="by-month">') : html.index("</table>")]
    cells = [
        " ".join(re.sub(r"<[^>]+>", " ", cell).split())
        for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", summary, re.S)
    ]

    assert cells == [
        "Month", "Comments screened", "Held", "Removed", "Reinstated", "Appeals upheld",
        "Median hours from hold to decision",
        "April 2024", "2", "2", "0", "2", "0", "2.5 (2 decisions)",
        "March 2024", "4", "3", "2", "2", "0", "4.0 (3 decisions)",
    ]


def test_upheld_appeals_are_counted_under_the_rule_appealed(db, a_post, django_user_model):
    from moderation.models import Appeal, Decision
    from moderation.services import appeal_decide, comment_remove
    from tests.factories import make_comment

    first = django_user_model.objects.create(username="first", is_staff=True)
    second = django_user_model.objects.create(username="second", is_staff=True)
    for n in range(2):
        comment = make_comment(a_post, body=f"Comment {n}.")
        comment_remove(comment=comment, moderator=first, rule="disrespectful")
        appeal = Appeal.objects.create(decision=Decision.objects.get(comment=comment), comment=comment, text="x")
        appeal_decide(appeal=appeal, moderator=second, uphold=n == 0)
    [month] = moderation_figures().months
    [row] = [r for r in month.rules if r.label.startswith("2.")]
    assert (row.removed, row.appeals_upheld) == (2, 1)


def test_page_with_nothing_moderated_says_so(db, client):
    html = client.get("/moderation/").content.decode()

    assert "Nothing has been moderated yet." in html
