"""Export a module, a specialist module's part or a learning route as a package zip.

What a package names is checked as an LTI launch checks it (``lms.targets``): live,
public pages and live routes only. The zip is built in memory and checked
(``validation``) before anyone gets it, so a refused or broken export writes nothing.
"""

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page

from borg_learning.lms import targets
from borg_learning.lms.models import TargetKind
from borg_learning.lms.packages import cmi5, scorm, validation

PACKAGE_SALT = "borg_learning.lms.package"
FORMATS = {"scorm12": "SCORM 1.2", "cmi5": "cmi5"}
ASSETS = Path(__file__).resolve().parent.parent / "static" / "borg_learning_lms" / "packages"
#: The launcher's files, the same in every package.
LAUNCHER_FILES = ("launcher.js", "launcher.css")
#: Each format's runtime adapter: how the launcher talks to the LMS.
RUNTIME_FILES = {"scorm12": "scorm12.js", "cmi5": "cmi5.js"}
#: Seconds between two questions to the site while the launcher waits for completion.
POLL_SECONDS = 10


class ExportRefused(Exception):
    """What cannot be exported, with a message for the editor (in the active language)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Package:
    filename: str
    content: bytes
    format: str


def name_of(value: str) -> str:
    """A target as the command and the admin name it: ``page:12`` or ``route:<slug>``; a
    bare number is a page, any other bare word a route's slug."""
    value = (value or "").strip()
    if ":" in value:
        return value
    return f"page:{value}" if value.isdigit() else f"route:{value}"


def exportable(request, name: str) -> targets.Target:
    """The target ``name`` names, if it is published and public; else ``ExportRefused``."""
    target = targets.by_key(request, name_of(name))
    if target is None:
        raise ExportRefused(
            _(
                "“%(name)s” is not a published, public module, part or learning route. Only "
                "what everyone may see can be exported: publish it (without a view "
                "restriction) first, or check the number or slug."
            )
            % {"name": name}
        )
    return target


def package_key(target: targets.Target) -> str:
    """The package's signed name of its target: the launcher sends it back, so the public
    endpoints answer for exported targets only."""
    return signing.dumps(target.key, salt=PACKAGE_SALT, compress=True)


def target_of_key(request, key) -> targets.Target | None:
    """The target a package's key names, if it is still published and public."""
    try:
        name = signing.loads(str(key), salt=PACKAGE_SALT)
    except signing.BadSignature:
        return None
    return targets.by_key(request, name) if isinstance(name, str) else None


def site_url(request=None) -> str:
    """This site's address for the launcher (its API, not the frontend): the request's
    host in the admin; else ``WAGTAILADMIN_BASE_URL``, else the default site's root URL."""
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    configured = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    if not configured:
        site = targets.default_site()
        configured = site.root_url if site else ""
    return configured.rstrip("/")


def description_of(target: targets.Target) -> str:
    if target.kind == TargetKind.ROUTE:
        from borg_learning.routes.models import Route

        route = Route.objects.filter(pk=target.id).first()
        text = strip_tags(route.intro) if route else ""
    else:
        page = Page.objects.filter(pk=target.id).specific().first()
        text = getattr(page, "summary", "") or getattr(page, "search_description", "")
    return " ".join(text.split()) or target.title


def launcher_page(target: targets.Target, format: str, base_url: str) -> str:
    config = {
        "format": format,
        "start": base_url + reverse("borg_learning_lms_packages:start"),
        "status": base_url + reverse("borg_learning_lms_packages:status"),
        "package": package_key(target),
        "title": target.title,
        "pollSeconds": POLL_SECONDS,
        "texts": {
            "starting": _("Connecting to the learning environment…"),
            "ready": _("Open it with the button; this page notes when you have completed it."),
            "working": _("Completed it? Come back here: this page checks every few seconds."),
            "completed": _(
                "Completed. Your learning system has been told; you may close this page."
            ),
            "unreachable": _(
                "The learning environment cannot be reached right now. Try again later."
            ),
            "gone": _("This activity is no longer published in the learning environment."),
            "lost": _(
                "The learning environment no longer knows the learner of this activity (for "
                "example after signing in there). Your progress is in your account there."
            ),
            "noLms": _("This page must be started from a learning system (LMS)."),
            "retry": _("Try again"),
            "check": _("I am done: check"),
        },
    }
    return render_to_string(
        "borg_learning_lms/packages/launcher.html",
        {
            "title": target.title,
            "config": config,
            "runtime": RUNTIME_FILES[format],
            "open_label": _("Open “%(title)s”") % {"title": target.title},
        },
    )


def files_of(target: targets.Target, format: str, base_url: str) -> dict[str, bytes]:
    """Every file of the package, by its path in the zip."""
    files = {"index.html": launcher_page(target, format, base_url).encode()}
    for name in (*LAUNCHER_FILES, RUNTIME_FILES[format]):
        files[name] = (ASSETS / name).read_bytes()
    if format == "scorm12":
        identifier = f"borg-learning-{target.kind}-{target.id}"
        files["imsmanifest.xml"] = scorm.manifest(identifier, target.title, sorted(files))
        files.update(scorm.schema_files())
    else:
        iri = f"{base_url}/learning/packages/{target.kind}/{target.id}"
        files["cmi5.xml"] = cmi5.course_structure(iri, target.title, description_of(target))
    return files


def filename_of(target: targets.Target, format: str) -> str:
    stem = slugify(target.title) or f"{target.kind}-{target.id}"
    return f"{re.sub(r'-+', '-', stem)[:60]}-{format}.zip"


def build(request, name: str, format: str, *, base_url: str | None = None) -> Package:
    """The package of the target ``name`` in ``format``, checked; ``ExportRefused`` when
    the target cannot be exported. Nothing is written: the caller gets the zip's bytes."""
    if format not in FORMATS:
        raise ExportRefused(_("Choose a format: SCORM 1.2 or cmi5."))
    target = exportable(request, name)
    base_url = (base_url or site_url(request)).rstrip("/")
    if not base_url.startswith(("https://", "http://")):
        raise ExportRefused(
            _(
                "This site's address is unknown: set WAGTAILADMIN_BASE_URL or the default "
                "site's host name, or give the address (--base-url)."
            )
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, content in sorted(files_of(target, format, base_url).items()):
            archive.writestr(path, content)
    content = buffer.getvalue()
    problems = validation.problems(content, format)
    if problems:  # a fault of this code, never of the editor's input
        raise RuntimeError("The exported package does not validate: " + "; ".join(problems))
    return Package(filename_of(target, format), content, format)
