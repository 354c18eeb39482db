"""'@14:04' in a comment links to the comment posted at 14:04 on the post."""
from datetime import datetime

from django.utils import timezone

from tests.factories import make_comment, make_post


def _at(hour, minute, day=14):
    return timezone.make_aware(datetime(2024, 3, day, hour, minute))


def test_time_reference_links_to_the_comment_at_that_time(client, a_post):
    target = make_comment(a_post, body="The original point.", created=_at(14, 4))
    make_comment(a_post, body="@14:04 spot on. And anon 10:32 is wrong.", created=_at(15, 0))
    html = client.get(a_post.get_absolute_url()).content.decode()
    assert f'<a class="timeref" href="/comments/{target.pk}/" title="The comment posted at 14:04">@14:04</a>' in html
    assert "anon 10:32 is wrong" in html  # no comment at 10:32: nothing linked
    assert 'href="/comments/' in html and html.count('class="timeref"') == 1


def test_dotted_and_anon_forms_link_too(client, a_post):
    first = make_comment(a_post, body="First.", created=_at(9, 15))
    make_comment(a_post, body="Agree with 09.15 and with Anonymous 09:15.", created=_at(9, 30))
    html = client.get(a_post.get_absolute_url()).content.decode()
    assert html.count(f'href="/comments/{first.pk}/"') == 2


def test_several_comments_at_that_minute_offer_a_choice(client, a_post):
    one = make_comment(a_post, body="One.", created=_at(14, 4))
    two = make_comment(a_post, body="Two.", created=_at(14, 4, day=15))
    make_comment(a_post, body="Re 14:04: which one?", created=_at(16, 0))
    html = client.get(a_post.get_absolute_url()).content.decode()
    assert "timeref-choice" in html and "which?" in html
    assert f'href="/comments/{one.pk}/">1</a>' in html and f'href="/comments/{two.pk}/">2</a>' in html


def test_numbers_and_other_posts_are_not_linked(client, db):
    post, other = make_post(), make_post()
    make_comment(other, body="On another post.", created=_at(14, 4))
    make_comment(post, body="Only 57.4% of staff; it cost £14.04; see 14:04.", created=_at(15, 0))
    html = client.get(post.get_absolute_url()).content.decode()
    assert "timeref" not in html


def test_held_comment_is_not_a_link_target(client, a_post):
    make_comment(a_post, body="Held one.", created=_at(14, 4), state="held")
    make_comment(a_post, body="@14:04 what?", created=_at(15, 0))
    assert "timeref" not in client.get(a_post.get_absolute_url()).content.decode()
