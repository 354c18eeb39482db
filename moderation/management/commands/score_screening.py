"""``manage.py score_screening [PATH] [--split test] [--datasets DIR] [--show-misses]``.

Scores the screener on text it was not built from: by default the frozen
test split (writers whose cases were never used for training or for
choosing thresholds; the command refuses a file whose SHA-256 moved since
``fixtures/screening/splits.json`` was committed), then the held-out splits
of the public corpora in ``--datasets`` (default ``../shared/datasets``
beside the project; skipped, saying so, when absent).  ``PATH`` scores any
JSON-lines case file instead.  ``--compare-quotes`` scores the cases with
quote handling off and on.

Arguments and output only; the scoring lives in moderation.evaluation.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from moderation.evaluation import (
    PUBLIC_HEADER, compare, evaluate, evaluate_public, load_cases, load_split, unseen_test_cases,
)


class Command(BaseCommand):
    help = "Score the comment screener on the frozen test split and public held-out sets."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="a JSON-lines case file instead of a split")
        parser.add_argument("--split", default="test", choices=["test", "dev", "train"],
                            help="frozen split to score (default: test; dev and train were trained on)")
        parser.add_argument("--datasets", help="public corpora folder (default: ../shared/datasets)")
        parser.add_argument("--no-public", action="store_true", help="skip the public corpora")
        parser.add_argument("--show-misses", action="store_true",
                            help="also list every case whose rules differ from the expected ones")
        parser.add_argument("--compare-quotes", action="store_true",
                            help="score with quote handling off and on, on the same cases")

    def handle(self, *args, **options):
        try:
            if options["path"]:
                label, cases = options["path"], load_cases(options["path"])
            elif options["split"] == "test":
                cases, dropped = unseen_test_cases()
                label = "frozen test split" + (f" ({dropped} case(s) whose text is also in training left out)"
                                               if dropped else "")
            else:
                label, cases = f"frozen {options['split']} split", load_split(options["split"])
        except (OSError, ValueError, RuntimeError) as exc:
            raise CommandError(str(exc)) from exc
        if options["split"] != "test" and not options["path"]:
            self.stderr.write(f"note: the {options['split']} split was used to train the screener; "
                              "these figures are not a measurement")
        if options["compare_quotes"]:
            runs = [("off", evaluate(cases, quote_aware=False)), ("on", evaluate(cases))]
        else:
            runs = [("on", evaluate(cases))]
        for quotes, report in runs:
            self.stdout.write(f"Screening scores on {label}: {report.n_cases} cases (quote handling {quotes})")
            self.stdout.write(report.table())
            if options["show_misses"]:
                self.stdout.write(report.misses_table())
        if len(runs) == 2:
            self.stdout.write(compare(runs[0][1], runs[1][1]))
        if not options["no_public"] and not options["path"]:
            self._public(options["datasets"])

    def _public(self, folder):
        from moderation.screening.training import corpora

        root = Path(folder) if folder else Path(settings.BASE_DIR).parent / "shared" / "datasets"
        if not root.is_dir():
            self.stdout.write(f"\npublic corpora: skipped, no folder at {root} (pass --datasets)")
            return
        self.stdout.write("\nPublic corpora, held-out splits (never trained on); "
                          "'held' = held under any rule, 'rule' = under the mapped rule")
        self.stdout.write(PUBLIC_HEADER)
        for corpus in corpora.load(root):
            self.stdout.write(evaluate_public(corpus).row())
