"""A hostile or broken Disqus export is refused, naming file and line, and writes nothing."""

import pytest

HEAD = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n'
)
THREAD = '<thread dsq:id="7"><link>https://x.example/a/</link><title>A</title></thread>\n'
POST = (
    '<post dsq:id="8"><message><![CDATA[<p>Hello</p>]]></message>'
    '<thread dsq:id="7"/></post>\n'
)
DTD = (
    '<?xml version="1.0"?>\n<!DOCTYPE disqus [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n'
    '<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">'
    '<thread dsq:id="7"><title>&xxe;</title></thread></disqus>\n'
)

CASES = {
    "dtd": (DTD, 2, "refused: the file declares a DTD (<!DOCTYPE disqus>)"),
    "malformed": (
        HEAD + THREAD + "<post dsq:id='8'><message>Hi</post>\n</disqus>\n", 4, "a closing tag does not match"
    ),
    "truncated-in-cdata": (HEAD + THREAD + POST[:40], 4, "the file ends inside a CDATA section (truncated?)"),
    "truncated-between-tags": (HEAD + THREAD + POST, 5, "the file ends before the XML does (truncated?)"),
    "undeclared-prefix": (
        HEAD.replace(' xmlns:dsq="http://disqus.com/disqus-internals"', "") + THREAD,
        3,
        "namespace prefix is used but never declared",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_disqus_export_is_refused_unchanged(data_dir, import_file, import_refused, db_state, tmp_path, case):
    content, line, reason = CASES[case]
    import_file(data_dir / "disqus-threaded.xml")  # something the refusal must not disturb
    before = db_state()
    path = tmp_path / f"disqus-{case}.xml"
    path.write_text(content)

    refusal = import_refused(path)

    assert f"{path}:{line}: " in refusal
    assert reason in refusal
    assert db_state() == before
