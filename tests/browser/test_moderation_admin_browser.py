"""A moderator works the queue in a real browser; readers see the outcome."""
import re
import secrets
from datetime import datetime
from functools import reduce
from importlib import import_module
from operator import or_

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.db.models import Q
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import make_comment, make_post

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GROUP_MIGRATION = import_module("moderation.migrations.0003_moderators_group")


def _evidence(body, quote, rule, reason):
    start = body.index(quote)
    return [{"rule": rule, "text": quote, "reason": reason, "start": start, "end": start + len(quote), "field": "body"}]


@pytest.fixture
def moderator_login(db):
    """A staff member of the Moderators group, with a password made here."""
    # An earlier transactional test flushes the rows migrations made.
    group, created = Group.objects.get_or_create(name=GROUP_MIGRATION.GROUP)
    if created:
        wanted = reduce(or_, (Q(content_type__app_label=a, codename=c) for a, c in GROUP_MIGRATION.PERMISSIONS))
        group.permissions.set(Permission.objects.filter(wanted))
    password = secrets.token_urlsafe(16)
    user = User.objects.create_user("moderator", password=password, is_staff=True)
    user.groups.add(group)
    return user.username, password


@pytest.fixture
def queue_post(db):
    post = make_post(title="Caseloads again")
    when = timezone.make_aware(datetime(2024, 3, 14, 9, 30))
    abusive = "Whoever wrote this policy is a f*cking disgrace."
    attack = "Dave, you are an idiot and everyone knows it."
    advert = "Great post! Cheap essays, DM me for 20% off."
    return {
        "post": post,
        "abusive": make_comment(
            post, body=abusive, created=when, state="held", flagged_rules="abusive",
            evidence=_evidence(abusive, "f*cking", "abusive", "strong profanity, disguised"),
        ),
        "attack": make_comment(
            post, body=attack, created=when, state="held", flagged_rules="personal_attack",
            evidence=_evidence(attack, "you are an idiot", "personal_attack", "insult aimed at a person"),
        ),
        "advert": make_comment(
            post, body=advert, created=when, state="held", flagged_rules="advert",
            evidence=_evidence(advert, "DM me", "advert", "asks for private messages"),
        ),
    }


def _run_action(page, comment, action):
    page.locator(f"input[name=_selected_action][value='{comment.pk}']").check()
    page.select_option("select[name=action]", action)
    page.locator("button[name=index]").click()
    return page.locator("ul.messagelist")


def test_moderator_removes_and_approves_from_the_queue(page, live_server, moderator_login, queue_post, screenshot_dir):
    username, password = moderator_login
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(live_server.url + "/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("input[type=submit]").click()

    page.get_by_role("link", name="Comments needing review").click()
    queue_url = page.url
    page.locator("#toggle-nav-sidebar").click()  # room for the badges and filters
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(3)
    expect(page.locator("#result_list")).to_contain_text("1. Abusive or profane language")
    page.screenshot(path=str(screenshot_dir / "moderation-queue.png"), full_page=True)

    page.locator("#changelist-filter").get_by_role("link", name="1. Abusive or profane language").click()
    expect(rows).to_have_count(1)
    expect(_run_action(page, queue_post["abusive"], "remove_abusive")).to_contain_text(
        "Removed under rule 1: 1 comment."
    )
    expect(page.locator("p.paginator")).to_contain_text("0 comments needing review")  # still filtered

    page.goto(queue_url)  # the whole queue again
    expect(rows).to_have_count(2)
    expect(_run_action(page, queue_post["attack"], "approve")).to_contain_text("Approved 1 comment.")
    expect(rows).to_have_count(1)  # the advert waits
    page.get_by_role("link", name=queue_post["advert"].body[:20]).click()
    expect(page.locator("mark[title='asks for private messages']")).to_have_text("DM me")
    page.screenshot(path=str(screenshot_dir / "moderation-queue-item.png"), full_page=True)

    page.goto(live_server.url + queue_post["post"].get_absolute_url())
    removed = page.locator(f"#{queue_post['abusive'].anchor}")
    # The lead's placeholder may lower-case the rule name; number and name must show.
    expect(removed).to_contain_text(re.compile("Removed under rule 1: Abusive or profane language", re.I))
    expect(removed).not_to_contain_text("f*cking")
    expect(page.locator(f"#{queue_post['attack'].anchor}")).to_contain_text(
        "Dave, you are an idiot and everyone knows it."
    )
    expect(page.locator(f"#{queue_post['advert'].anchor}")).to_contain_text("Awaiting moderation.")
