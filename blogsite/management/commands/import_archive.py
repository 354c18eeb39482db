"""Import blog archives: page copies (text), Blogger, Takeout, WXR and Disqus.

    python manage.py import_archive PATH [PATH ...] [--dry-run]
                                    [--title T] [--published YYYY-MM-DD]

Each file is read, checked and written in its own transaction, so a bad file
changes nothing and does not stop the good ones before it. The exit status is
non-zero when any file was refused.
"""
from datetime import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from blogsite.archives import read_archive
from blogsite.archives.loader import archive_load
from blogsite.archives.records import ArchiveError


def _date(value):
    try:
        return datetime.strptime(value, "%Y-%m-%d")
    except ValueError as error:
        raise CommandError(f"--published wants YYYY-MM-DD, got {value!r}") from error


class Command(BaseCommand):
    help = (
        "Import blog archive files into the forum: Blogger page copies (text), Blogger "
        "'Back up content' Atom, Google Takeout feed.atom, WordPress WXR and Disqus XML."
    )

    def _progress(self, path, total):
        """A progress bar on a terminal; silent in pipes, logs and tests."""
        interactive = hasattr(self.stdout, "isatty") and self.stdout.isatty()
        return tqdm(total=total, unit="comment", desc=Path(path).name, disable=not interactive, leave=False)

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument("--dry-run", action="store_true", help="Show what would be created; write nothing.")
        parser.add_argument("--title", help="Title for a copy that has none (overrides the manifest).")
        parser.add_argument("--published", type=_date, help="Date YYYY-MM-DD for a copy that has none.")

    def handle(self, *, paths, dry_run, title, published, **options):
        if (title or published) and len(paths) > 1:
            raise CommandError("--title and --published apply to a single file")
        refused = []
        for path in paths:
            try:
                archive = read_archive(path, title=title, published=published)
                with self._progress(path, len(archive.comments)) as bar:
                    report = archive_load(archive, dry_run=dry_run, progress=bar.update)
            except ArchiveError as error:
                refused.append(str(error))
                self.stderr.write(self.style.ERROR(f"refused: {error}"))
                continue
            for line in report.lines():
                style = self.style.WARNING if line.lstrip().startswith("warning") else str
                self.stdout.write(style(line))
        if dry_run:
            self.stdout.write("dry run: nothing was written")
        if refused:
            raise CommandError(f"{len(refused)} of {len(paths)} file(s) refused")
