"""``manage.py score_screening [PATH] [--show-misses]``: score the screener.

Arguments and output only; the scoring lives in moderation.evaluation.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from moderation.evaluation import evaluate, load_cases

DEFAULT_CASES = Path("tests") / "data" / "moderation_cases.jsonl"


class Command(BaseCommand):
    help = "Score the comment screener on labelled JSON-lines cases and print a table."

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            help=f"JSON-lines cases (default: BASE_DIR/{DEFAULT_CASES.as_posix()})",
        )
        parser.add_argument(
            "--show-misses",
            action="store_true",
            help="also list every case whose rules differ from the expected ones",
        )

    def handle(self, *args, **options):
        path = Path(options["path"] or Path(settings.BASE_DIR) / DEFAULT_CASES)
        try:
            cases = load_cases(path)
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        report = evaluate(cases)
        self.stdout.write(f"Screening scores for {path}")
        self.stdout.write(report.table())
        if options["show_misses"]:
            self.stdout.write("")
            self.stdout.write("Misses:")
            self.stdout.write(report.misses_table())
