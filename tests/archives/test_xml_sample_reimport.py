"""Importing a sample export a second time creates nothing and changes nothing."""
import pytest

SAMPLES = [
    "blogger-atom-ghost-importer.xml",
    "blogger-atom-google-blog-converters.xml",
    "wxr-isso.xml",
    "wxr-pelican.xml",
    "wxr-wordpress-theme-unit-test.xml",
]


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_second_import_creates_nothing(samples, import_file, db_state, name):
    import_file(samples / name)
    before = db_state()

    output = import_file(samples / name)

    assert db_state() == before
    assert "created 0 post(s), 0 top-level comments, 0 replies" in output
