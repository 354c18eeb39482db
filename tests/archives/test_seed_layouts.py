"""Where each seed comment starts and ends, in both page layouts."""
from blogsite.models import Post
from comments.models import Comment
from tests.factories import tree_text


def _comment(source_id):
    return Comment.objects.get(source_id=source_id)


def test_flattened_comment_opens_on_the_line_before_its_marker(seeded):
    # "Damning report..." sits before the first ReplyDelete: it is comment 1,
    # and the post body ends on the line before it.
    post = Post.objects.get(source_id="000_e78408eaad16271b.txt")
    assert post.body.endswith("contact details can be found on the profile page.")
    assert _comment("000_e78408eaad16271b.txt#1").body == "Damning report on West Kent Probation."
    second = _comment("000_e78408eaad16271b.txt#2")
    assert second.body.startswith("https://www-bbc-co-uk.cdn.ampproject.org/")
    assert second.body.endswith("'Getafix")


def test_flattened_quote_stays_with_its_introduction(seeded):
    last_but_one = _comment("000_e78408eaad16271b.txt#17")
    assert last_but_one.body.startswith('From Twitter:-\n"Senior managers are too busy')
    last = _comment("000_e78408eaad16271b.txt#18")
    assert last.body == "Disappointed Jim you've chosen to re print the sexist pqip remark from twitter."
    assert last.parent is None


def test_flattened_replies_belong_to_the_last_top_level_comment(seeded):
    press_release = _comment("000_e78408eaad16271b.txt#3")
    assert press_release.body.startswith("Press Release:-\nWest Sussex probation service")
    assert press_release.parent.source_id == "000_e78408eaad16271b.txt#2"
    assert _comment("002_9d0900b91858b18c.txt#2").parent.source_id == "002_9d0900b91858b18c.txt#1"


def test_flattened_body_shows_repeated_paragraphs_once(seeded):
    body = Post.objects.get(source_id="000_e78408eaad16271b.txt").body
    assert body.count("So true it is dysfunctional") == 1
    assert body.count("25 years service and I am appalled!") == 1
    assert body.count("I have only recently followed this blog") == 1
    assert body.count("Adding the 12mth and under") == 1


def test_numbered_lines_that_look_like_reply_numbers_stay_in_their_comment(seeded):
    layers = _comment("004_603bd1b254fd2665.txt#22")
    assert layers.body.startswith("Layers of hmpps managerialism continue")
    assert "\n3. One HMPPS Update (part 1)\n" in layers.body
    assert "\n3. One HMPPS Update (part 2)\n" in layers.body
    assert layers.parent is None
    assert [c.body for c in layers.get_children()] == [
        "There are no “benefits”.",
        "Another layer of bureaucracy which we don’t want or need.",
    ]


def test_numbered_comment_text_starts_after_its_number(seeded):
    first = _comment("001_ffaae2317d11a2af.txt#1")
    assert first.body.startswith("Those who escaped into the HMPPS command")
    assert first.body.endswith("https://twitter.com/BethRigby/status/1527698670392680449?t=gxRirXZJFxF1vkjNlJtW7g&s=19")
    reply = _comment("001_ffaae2317d11a2af.txt#2")
    assert reply.body.startswith("NEW: Have it from 2 senior sources")
    assert reply.parent == first


def test_signature_on_last_line_names_the_author(seeded):
    signed = Comment.objects.filter(author_name="'Getafix")
    assert signed.count() == 8
    assert all(c.body.rstrip().endswith("'Getafix") for c in signed)
    # Mentioning Getafix elsewhere in a comment does not make it his.
    assert _comment("004_603bd1b254fd2665.txt#31").author_name == "Anonymous"


def test_post_title_and_date_come_from_page_or_manifest(seeded):
    titles = dict(Post.objects.values_list("source_id", "title"))
    assert titles["004_603bd1b254fd2665.txt"] == "Memo To Justin"
    assert titles["000_e78408eaad16271b.txt"] == "Still Vocal"  # editorial, manifest.json
    post = Post.objects.get(source_id="003_beabebd0d8278f2a.txt")
    assert post.published.date().isoformat() == "2024-03-13"
    assert post.claimed_comment_count == 21


def test_numbered_thread_shape(seeded):
    post = Post.objects.get(source_id="004_603bd1b254fd2665.txt")
    shape = tree_text(post).split("\n")
    assert shape[:8] == [
        "… and the probation service must stop su",
        "The end quote from the Dorset probation ",
        "  Inexperienced Dorset pso is an aco in re",
        "Nobody has time for building positive re",
        "Don't do it then",
        "  For a PO is it really that simple?",
        "  Why don't you all look at this way. Bein",
        "  And it’s really that simple when working",
    ]
