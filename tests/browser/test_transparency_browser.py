"""/moderation/ in a real browser: a readable table reached from the site's pages."""
import pytest
from django.contrib.auth import get_user_model

from comments.services import comment_submit
from moderation import services
from tests.factories import pin_screening

ATTACK = "You are an idiot."
ADVERT = "Call us today on 07700 900123 for a free consultation."
PLAIN = "A perfectly ordinary remark about caseloads."

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def some_moderation(a_post, settings, monkeypatch):
    settings.MODERATION_MODE = "screen"
    pin_screening(monkeypatch, {ATTACK: ["personal_attack"], ADVERT: ["advert"], PLAIN: []})
    moderator = get_user_model().objects.create_user("moderator", is_staff=True)
    held, _ = comment_submit(post=a_post, body=ATTACK, author_name="Mallory")
    services.comment_remove(comment=held, moderator=moderator, rule="personal_attack")
    advert, _ = comment_submit(post=a_post, body=ADVERT)
    services.comment_approve(comment=advert, moderator=moderator)
    comment_submit(post=a_post, body=PLAIN)


def test_transparency_table_reads_by_header(page, live_server, some_moderation, screenshot_dir):
    page.goto(live_server.url + "/moderation/")

    assert page.title().startswith("Moderation in figures")
    summary = page.get_by_role("table", name="Moderation by month, newest first")
    headers = summary.get_by_role("columnheader").all_inner_texts()
    assert headers == [
        "Month", "Comments screened", "Held", "Removed", "Reinstated", "Appeals upheld",
        "Median hours from hold to decision",
    ]
    [month_row] = summary.locator("tbody tr").all()
    assert month_row.get_by_role("rowheader").inner_text()  # this month, by name
    assert month_row.locator("td").all_inner_texts()[:4] == ["3", "2", "1", "1"]
    assert month_row.locator("td").all_inner_texts()[4] == "0"  # appeals upheld
    assert "idiot" not in page.content() and "Mallory" not in page.content()
    page.screenshot(path=str(screenshot_dir / "transparency.png"), full_page=True)

    month_row.get_by_role("link").click()
    assert page.evaluate("document.querySelector(':target').tagName") == "SECTION"
    by_rule = page.locator("section:target table")
    assert by_rule.get_by_role("rowheader").first.inner_text() == "1. Abusive or profane language"
