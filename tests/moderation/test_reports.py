"""Readers report comments; enough distinct reports hold one for review."""
from django.urls import reverse

from comments.models import Comment
from moderation.models import Decision, Report
from tests.factories import make_comment


def _report(client, comment, ip, rule="personal_attack", note=""):
    return client.post(
        reverse("comments:report", args=[comment.pk]), {"rule": rule, "note": note}, REMOTE_ADDR=ip
    )


def test_report_form_lists_the_rules(client, a_post):
    comment = make_comment(a_post)
    html = client.get(reverse("comments:report", args=[comment.pk])).content.decode()
    assert "3. Personal attacks" in html and "7." in html


def test_report_lands_in_the_queue(client, a_post):
    comment = make_comment(a_post, body="A perfectly ordinary remark.")
    response = _report(client, comment, "10.0.0.1", note="names my manager")
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.open_reports == 1
    assert comment.state == "published"
    assert list(Comment.objects.needing_review()) == [comment]
    report = Report.objects.get()
    assert (report.rule, report.note) == ("personal_attack", "names my manager")
    assert "10.0.0.1" not in report.reporter_hash


def test_same_reader_counts_once(client, a_post):
    comment = make_comment(a_post)
    _report(client, comment, "10.0.0.1")
    response = _report(client, comment, "10.0.0.1")
    assert "already reported" in client.get(response["Location"]).content.decode()
    assert Report.objects.count() == 1


def test_enough_distinct_reports_hold_the_comment(client, a_post, settings):
    settings.MODERATION_REPORTS_TO_HOLD = 3
    comment = make_comment(a_post)
    for n in range(3):
        _report(client, comment, f"10.0.0.{n}")
    comment.refresh_from_db()
    assert (comment.state, comment.open_reports) == ("held", 3)
    decision = Decision.objects.get(comment=comment)
    assert (decision.action, decision.moderator, decision.to_state) == ("report_hold", None, "held")


def test_reports_are_rate_limited(client, a_post, settings):
    settings.REPORT_RATE_LIMIT = (2, 3600)
    comments = [make_comment(a_post) for _ in range(3)]
    codes = [_report(client, c, "10.0.0.7").status_code for c in comments]
    assert codes == [302, 302, 429]
    assert Report.objects.count() == 2


def test_hidden_comments_cannot_be_reported(client, a_post):
    held = make_comment(a_post, state="held")
    assert _report(client, held, "10.0.0.1").status_code == 404


def test_rules_page_numbers_the_published_rules(client, db):
    html = client.get(reverse("moderation:rules")).content.decode()
    for number, name in [(1, "Abusive or profane language"), (3, "Personal attacks"), (7, "")]:
        assert f'id="rule-{number}"' in html
    assert "Personal attacks" in html
    assert "Strong criticism of HMPPS" in html


def test_decisions_record_the_rules_wording_and_old_ones_are_listed(client, a_post, django_user_model):
    from moderation.rules import RULES_VERSION
    from moderation.services import comment_remove

    moderator = django_user_model.objects.create(username="mod", is_staff=True)
    comment_remove(comment=make_comment(a_post), moderator=moderator, rule="abusive")
    assert Decision.objects.get().rules_version == RULES_VERSION
    assert "Decisions under earlier wording" not in client.get(reverse("moderation:rules")).content.decode()
    Decision.objects.update(rules_version="2019-04")  # as if the wording had since changed
    html = client.get(reverse("moderation:rules")).content.decode()
    assert "Decisions under earlier wording" in html
    assert "Wording of 2019-04: 1 decision" in html
