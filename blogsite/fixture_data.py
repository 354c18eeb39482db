"""The site's starting content, as one JSON fixture built from the seed copies.

``make fixtures`` runs ``build_fixture`` on a fresh database so primary keys
start at 1; a test rebuilds it the same way and compares, so the committed
file can never drift from what the importer produces today.
"""
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "onprobation.json"
ARCHIVES = Path(settings.BASE_DIR) / "fixtures" / "archives"
MODELS = ("blogsite.label", "blogsite.post", "comments.comment")


def build_fixture() -> str:
    """Import every seed copy into the (empty) database and dump it as JSON."""
    call_command("import_archive", *sorted(map(str, ARCHIVES.glob("*.txt"))), stdout=StringIO())
    return dump()


def dump() -> str:
    out = StringIO()
    call_command("dumpdata", *MODELS, indent=1, stdout=out)
    return out.getvalue()
