"""Export published posts and comments: WordPress WXR (to move the site) or JSON.

    python manage.py export_archive [--post SLUG] [--include-held]
                                    [--site-url URL] --format wxr|json OUT

Live posts and pages go out with their published comments; held comments
too with --include-held; removed ones never. The file is written whole or
not at all: it goes to OUT.partial first and is renamed when complete.
"""
import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from blogsite.archives.export import FORMATS, archive_export
from blogsite.models import Post


class Command(BaseCommand):
    help = "Export posts and comments as WordPress WXR or JSON."

    def add_arguments(self, parser):
        parser.add_argument("out", type=Path, metavar="OUT")
        parser.add_argument("--format", choices=FORMATS, required=True)
        parser.add_argument("--post", dest="slug", metavar="SLUG", help="Only this post.")
        parser.add_argument("--include-held", action="store_true", help="Also held comments (as unapproved).")
        parser.add_argument(
            "--site-url",
            default=settings.SITE_URL,
            help="The site's address, for links and WordPress's base URL.",
        )

    def handle(self, *, out, format, slug, include_held, site_url, **options):
        if slug and not Post.objects.filter(slug=slug).exists():
            raise CommandError(f"no post with slug {slug!r}")
        partial = out.with_name(out.name + ".partial")
        try:
            with partial.open("w", encoding="utf-8") as handle:
                report = archive_export(
                    out=handle, format=format, site_url=site_url, slug=slug, include_held=include_held
                )
            os.replace(partial, out)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise CommandError(f"cannot write {out}: {error.strerror}") from error
        self.stdout.write(f"{out} ({format}): {report.posts} post(s), {report.comments} comments")
