"""Export a published module, part or learning route as a SCORM 1.2 or cmi5 package zip."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from borg_learning.lms.packages import exporting


class Command(BaseCommand):
    help = (
        "Export a published module, part or learning route as a package for an LMS without "
        "LTI: a SCORM 1.2 zip or a cmi5 course zip."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "target",
            help="A page id (12 or page:12) of a module or part, or a route's slug "
            "(route:<slug>, or the bare slug).",
        )
        parser.add_argument(
            "--format", choices=sorted(exporting.FORMATS), default="scorm12", dest="package_format"
        )
        parser.add_argument("-o", "--output", required=True, help="The zip file to write.")
        parser.add_argument(
            "--base-url",
            default=None,
            help="This site's address, which the launcher calls (default: "
            "WAGTAILADMIN_BASE_URL, else the default site's root URL).",
        )

    def handle(self, *args, target, package_format, output, base_url, **options):
        output = Path(output)
        if not output.parent.is_dir():
            raise CommandError(f"The folder {output.parent} does not exist.")
        try:
            package = exporting.build(None, target, package_format, base_url=base_url)
        except exporting.ExportRefused as refused:
            raise CommandError(refused.message) from None
        output.write_bytes(package.content)
        self.stdout.write(
            f"{exporting.FORMATS[package_format]} package of “{target}” written to {output} "
            f"({len(package.content)} bytes)."
        )
