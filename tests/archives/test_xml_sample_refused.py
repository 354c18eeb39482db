"""The Pelican Blogger sample is not well-formed XML and is refused, naming its line."""
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def test_sample_undeclared_prefix_is_refused_at_its_line(samples, db_state):
    path = samples / "blogger-atom-pelican.xml"
    before = db_state()
    err = StringIO()

    with pytest.raises(CommandError):
        call_command("import_archive", str(path), stdout=StringIO(), stderr=err)

    assert (
        f"{path}:973: column 3: not well-formed XML: "
        "a namespace prefix is used but never declared ('app')"
    ) in err.getvalue()
    assert db_state() == before
