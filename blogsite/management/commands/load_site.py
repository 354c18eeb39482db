"""Load the starting content into a database that has none yet.

    python manage.py load_site

Safe to run on every start (`make run`, the container): once posts exist it
does nothing, so it never overwrites comments written since.
"""
from django.core.management import call_command
from django.core.management.base import BaseCommand

from blogsite.fixture_data import FIXTURE
from blogsite.models import Post


class Command(BaseCommand):
    help = "Load fixtures/onprobation.json if the database has no posts yet."

    def handle(self, **options):
        if Post.objects.exists():
            self.stdout.write("posts already present: fixtures not loaded")
            return
        call_command("loaddata", str(FIXTURE), stdout=self.stdout)
