"""A hostile or broken export is refused, naming file and position, and writes nothing."""

import pytest

WXR_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">\n'
ITEM = "<channel><item><title>{}</title><wp:post_type>post</wp:post_type></item></channel>\n</rss>\n"
BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [\n  <!ENTITY lol "lol">\n'
    '  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
    '  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n]>\n'
    '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&lol3;</title></item></channel></rss>\n'
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n'
    '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&xxe;</title></item></channel></rss>\n'
)
PLAIN_RSS = '<?xml version="1.0"?>\n<rss version="2.0"><channel><item><title>News</title></item></channel></rss>\n'

CASES = {
    "truncated": ((WXR_HEAD + ITEM.format("Cut"))[:160].encode(), 3, "the file ends inside a tag (truncated?)"),
    "truncated-between-tags": ((WXR_HEAD + "<channel><item>\n").encode(), 4, "the file ends before the XML does"),
    "malformed": ((WXR_HEAD + "<channel><item></channel>\n</rss>\n").encode(), 3, "column 18: not well-formed XML: a closing tag"),
    "latin-1-bytes": ((WXR_HEAD + ITEM.format("Caf\xe9")).encode("latin-1"), 3, "not valid UTF-8 (byte"),
    "utf-16": ((WXR_HEAD + ITEM.format("x")).encode("utf-16"), 1, "UTF-16/32 text: exports are UTF-8"),
    "other-format": (b'{"posts": []}\n', 1, "not a format this importer knows"),
    "empty": (b"", 1, "the file is empty"),
    "billion-laughs": (BILLION_LAUGHS.encode(), 2, "refused: the file declares a DTD (<!DOCTYPE rss>)"),
    "external-entity": (EXTERNAL_ENTITY.encode(), 2, "refused: the file declares a DTD (<!DOCTYPE rss>)"),
    "plain-rss": (PLAIN_RSS.encode(), 1, "not a format this importer knows"),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_export_is_refused_unchanged(data_dir, import_file, import_refused, db_state, tmp_path, case):
    content, line, reason = CASES[case]
    import_file(data_dir / "wxr-threaded.xml")  # something the refusal must not disturb
    before = db_state()
    path = tmp_path / f"{case}.xml"
    path.write_bytes(content)

    refusal = import_refused(path)

    assert f"{path}:{line}: " in refusal
    assert reason in refusal
    assert db_state() == before
