"""Write fixtures/onprobation.json from the seed copies (run on an empty DB).

    python manage.py build_fixture            # used by `make fixtures`
"""
from django.core.management.base import BaseCommand, CommandError

from blogsite.fixture_data import FIXTURE, build_fixture
from blogsite.models import Post


class Command(BaseCommand):
    help = "Rebuild fixtures/onprobation.json from fixtures/archives/ (needs an empty database)."

    def handle(self, **options):
        if Post.objects.exists():
            raise CommandError("the database is not empty: build the fixture on a fresh one")
        FIXTURE.write_text(build_fixture())
        self.stdout.write(f"wrote {FIXTURE}")
