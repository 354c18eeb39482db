"""``manage.py score_screening [PATH] [--show-misses] [--no-quotes | --compare-quotes]``.

Scores the screener on labelled cases.  ``--no-quotes`` scores it with quote
handling off (quoted words count as the commenter's, as before quote
handling); ``--compare-quotes`` scores the same cases both ways in one run
and prints both tables and a side-by-side summary.

Arguments and output only; the scoring lives in moderation.evaluation.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from moderation.evaluation import compare, evaluate, load_cases

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
        quotes = parser.add_mutually_exclusive_group()
        quotes.add_argument(
            "--no-quotes",
            action="store_true",
            help="score with quote handling off: quoted text counts as the commenter's",
        )
        quotes.add_argument(
            "--compare-quotes",
            action="store_true",
            help="score with quote handling off and on, on the same cases",
        )

    def handle(self, *args, **options):
        path = Path(options["path"] or Path(settings.BASE_DIR) / DEFAULT_CASES)
        try:
            cases = load_cases(path)
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        if options["compare_quotes"]:
            runs = [("off", evaluate(cases, quote_aware=False)), ("on", evaluate(cases))]
        else:
            aware = not options["no_quotes"]
            runs = [("on" if aware else "off", evaluate(cases, quote_aware=aware))]
        for label, report in runs:
            self.stdout.write(f"Screening scores for {path} (quote handling {label})")
            self.stdout.write(report.table())
            if options["show_misses"]:
                self.stdout.write("")
                self.stdout.write("Misses:")
                self.stdout.write(report.misses_table())
            self.stdout.write("")
        if len(runs) == 2:
            self.stdout.write("Quote handling off vs on:")
            self.stdout.write(compare(runs[0][1], runs[1][1]))
