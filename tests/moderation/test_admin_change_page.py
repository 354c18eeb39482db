"""A queue item's page shows the evidence in place, escaped, and read-only."""
import pytest
from django.urls import reverse

from moderation.models import Decision, Report
from tests.factories import make_comment

BODY = 'Look: <script>alert("x")</script> you absolute idiot & worse.'


def _evidence(text, quote, rule="personal_attack", reason="insult aimed at 'you'", field="body"):
    start = text.index(quote)
    return {"rule": rule, "text": quote, "reason": reason, "start": start, "end": start + len(quote), "field": field}


def _page(client, comment):
    response = client.get(reverse("admin:moderation_queueitem_change", args=[comment.pk]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def flagged(a_post):
    parent = make_comment(a_post, body="Caseloads are the real problem.")
    comment = make_comment(
        a_post,
        parent=parent,
        body=BODY,
        author_name="Troll <b>King</b>",
        state="held",
        flagged_rules="personal_attack abusive",
        evidence=[
            _evidence(BODY, "you absolute idiot", reason='calls someone "idiot" <directly>'),
            _evidence("Troll <b>King</b>", "<b>King</b>", rule="abusive", reason="markup in name", field="name"),
        ],
    )
    make_comment(a_post, parent=comment, body="Steady on, mate.")
    return comment


def test_change_page_marks_evidence_and_escapes_the_text(admin_client, flagged):
    html = _page(admin_client, flagged)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert '<mark title="calls someone &quot;idiot&quot; &lt;directly&gt;">you absolute idiot</mark>' in html
    assert " &amp; worse." in html


def test_change_page_marks_evidence_in_the_name(admin_client, flagged):
    html = _page(admin_client, flagged)
    assert "Troll <mark title=\"markup in name\">&lt;b&gt;King&lt;/b&gt;</mark>" in html


def test_change_page_lists_each_rule_hit_with_number_name_and_reason(admin_client, flagged):
    html = _page(admin_client, flagged)
    assert "<strong>3. Personal attacks</strong>: calls someone &quot;idiot&quot; &lt;directly&gt;" in html
    assert "<strong>1. Abusive or profane language</strong>: markup in name" in html


def test_change_page_shows_parent_and_replies(admin_client, flagged):
    html = _page(admin_client, flagged)
    assert "Caseloads are the real problem." in html
    assert "Steady on, mate." in html


def test_change_page_shows_reports_and_decisions_read_only(admin_client, admin_user, flagged):
    Report.objects.create(comment=flagged, rule="defamatory", note="names my SPO", reporter_hash="h")
    Decision.objects.create(comment=flagged, action="screen_hold", rule="abusive", from_state="published", to_state="held")
    html = _page(admin_client, flagged)
    assert "names my SPO" in html and "4. Libel and defamation" in html
    assert "Held by screening" in html
    assert 'name="_save"' not in html  # nothing on the page can be saved
    assert 'name="reports-0-note"' not in html  # the inline shows text, not inputs


def test_change_page_refuses_a_post(admin_client, flagged):
    url = reverse("admin:moderation_queueitem_change", args=[flagged.pk])
    response = admin_client.post(url, {"author_name": "Renamed"})
    assert response.status_code == 403


def test_change_page_finds_moved_evidence_by_its_quote(admin_client, a_post):
    # Offsets from before an edit no longer line up; the quote still does.
    evidence = [{"rule": "abusive", "text": "sh*t", "reason": "strong word", "start": 0, "end": 4, "field": "body"}]
    comment = make_comment(a_post, body="Edited: what sh*t.", state="held", flagged_rules="abusive", evidence=evidence)
    assert 'what <mark title="strong word">sh*t</mark>.' in _page(admin_client, comment)
