"""Packages for an LMS without LTI: a published module or route exported as a SCORM 1.2 zip
or a cmi5 course zip that validates; the launcher's endpoints hand out a learner and tell
whether they completed it; what cannot be exported is refused and nothing is written."""

import io
import json
import re
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from lxml import etree

from borg_learning.learners.models import Learner
from borg_learning.lms.packages import cmi5, scorm, validation
from tests import factories
from tests.helpers.learners import Frontend
from tests.lms.test_grades import complete

pytestmark = pytest.mark.django_db

START = "/learning/packages/start/"
STATUS = "/learning/packages/status/"
EXPORT = reverse("borg_learning_lms_package_export")
CP = {"cp": scorm.IMSCP}


def export(tmp_path, target, format="scorm12", *extra):
    output = tmp_path / f"package-{format}.zip"
    call_command(
        "export_lms_package",
        str(target),
        "--format",
        format,
        "-o",
        str(output),
        "--base-url",
        "http://testserver",
        *extra,
        stdout=io.StringIO(),
    )
    return output.read_bytes()


def archive(content):
    return zipfile.ZipFile(io.BytesIO(content))


def launcher_config(content):
    page = archive(content).read("index.html").decode()
    found = re.search(r'<script id="borg-package" type="application/json">(.*?)</script>', page)
    return json.loads(found.group(1))


def replaced(content, name, old, new):
    """The zip with ``old`` replaced by ``new`` in its file ``name``."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as changed:
        for item in archive(content).infolist():
            data = archive(content).read(item.filename)
            changed.writestr(
                item.filename, data.replace(old, new) if item.filename == name else data
            )
    return out.getvalue()


def without(content, name):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as changed:
        for item in archive(content).infolist():
            if item.filename != name:
                changed.writestr(item.filename, archive(content).read(item.filename))
    return out.getvalue()


# --- the packages -------------------------------------------------------------------


def test_an_exported_scorm_package_of_the_module_validates_with_its_launcher_files(
    tmp_path, module
):
    content = export(tmp_path, module.pk)

    assert validation.problems(content, "scorm12") == []
    names = set(archive(content).namelist())
    assert {
        "imsmanifest.xml",
        "index.html",
        "launcher.js",
        "launcher.css",
        "scorm12.js",
        "imscp_rootv1p1p2.xsd",
        "adlcp_rootv1p2.xsd",
        "imsmd_rootv1p2p1.xsd",
        "ims_xml.xsd",
    } == names
    manifest = etree.fromstring(archive(content).read("imsmanifest.xml"))
    assert manifest.xpath("//cp:organization/cp:title/text()", namespaces=CP) == [module.title]
    [resource] = manifest.xpath("//cp:resource", namespaces=CP)
    assert resource.get("href") == "index.html"
    assert resource.get(f"{{{scorm.ADLCP}}}scormtype") == "sco"
    assert manifest.xpath("//cp:file/@href", namespaces=CP) == [
        "index.html",
        "launcher.css",
        "launcher.js",
        "scorm12.js",
    ]
    # The shipped schemas are IMS's and ADL's, unchanged.
    assert archive(content).read("ims_xml.xsd") == (scorm.SCHEMAS / "ims_xml.xsd").read_bytes()

    config = launcher_config(content)
    assert (config["format"], config["title"]) == ("scorm12", module.title)
    assert config["start"] == "http://testserver" + START
    assert config["status"] == "http://testserver" + STATUS


def test_a_cmi5_package_s_course_structure_validates(tmp_path, module):
    content = export(tmp_path, f"page:{module.pk}", "cmi5")

    assert validation.problems(content, "cmi5") == []
    assert set(archive(content).namelist()) == {
        "cmi5.xml",
        "index.html",
        "launcher.js",
        "launcher.css",
        "cmi5.js",
    }
    structure = etree.fromstring(archive(content).read("cmi5.xml"))
    ns = {"c": cmi5.NAMESPACE}
    [au] = structure.xpath("//c:au", namespaces=ns)
    assert au.get("id") == f"http://testserver/learning/packages/page/{module.pk}/au"
    assert au.get("moveOn") == "Completed"
    assert au.xpath("c:url/text()", namespaces=ns) == ["index.html"]
    assert structure.xpath("//c:course/c:title/c:langstring/text()", namespaces=ns) == [
        module.title
    ]


def test_a_route_is_exported_by_its_slug(tmp_path):
    route = factories.route(title="Inwerkroute begeleider", slug="inwerkroute-begeleider")

    content = export(tmp_path, "route:inwerkroute-begeleider", "cmi5")

    assert validation.problems(content, "cmi5") == []
    assert launcher_config(content)["title"] == route.title


def test_the_check_finds_what_an_lms_would_refuse(tmp_path, module):
    """The validation is no formality: each fault is named."""
    good = export(tmp_path, module.pk)
    cases = {
        "a file the manifest names is missing": (
            without(good, "launcher.js"),
            "'launcher.js' is not in the package",
        ),
        "an absolute href": (
            replaced(good, "imsmanifest.xml", b'href="launcher.js"', b'href="https://cdn/x.js"'),
            "'https://cdn/x.js' is absolute",
        ),
        "an href out of the package": (
            replaced(good, "imsmanifest.xml", b'href="launcher.js"', b'href="../launcher.js"'),
            "'../launcher.js' leaves the package",
        ),
        "a value the SCORM schema does not allow": (
            replaced(good, "imsmanifest.xml", b'scormtype="sco"', b'scormtype="lesson"'),
            "not an element of the set {'asset', 'sco'}",
        ),
        "no manifest": (without(good, "imsmanifest.xml"), "imsmanifest.xml is not at the root"),
    }
    for case, (content, expected) in cases.items():
        found = validation.problems(content, "scorm12")
        assert any(expected in problem for problem in found), (case, found)

    good = export(tmp_path, module.pk, "cmi5")
    bad = replaced(good, "cmi5.xml", b'moveOn="Completed"', b'moveOn="Sometimes"')
    assert any("moveOn" in problem for problem in validation.problems(bad, "cmi5"))
    bad = replaced(good, "cmi5.xml", b"<url>index.html</url>", b"<url>start.html</url>")
    assert validation.problems(bad, "cmi5") == ["'start.html' is not in the package"]


@pytest.mark.parametrize("state", ["draft", "unpublished", "private", "unknown"])
def test_what_is_not_published_and_public_is_refused_and_nothing_is_written(
    tmp_path, environment, state
):
    section = factories.section(environment, title="Modules")
    if state == "unknown":
        target = "987654"
    else:
        page = factories.basic_module(section, "Nog niet klaar", publish=state != "draft")
        if state == "unpublished":
            factories.unpublish(page)
        elif state == "private":
            factories.restrict(page)
        target = str(page.pk)
    output = tmp_path / "package.zip"

    with pytest.raises(
        CommandError, match="is geen gepubliceerde, openbare module, onderdeel of leerroute"
    ):
        call_command("export_lms_package", target, "-o", str(output), stdout=io.StringIO())

    assert not output.exists()


def test_a_draft_route_and_an_unknown_route_are_refused(tmp_path):
    factories.route(title="Nog niet af", slug="nog-niet-af", publish=False)
    for target in ("route:nog-niet-af", "bestaat-niet"):
        with pytest.raises(CommandError, match="is geen gepubliceerde, openbare"):
            call_command("export_lms_package", target, "-o", str(tmp_path / "x.zip"))
    assert list(tmp_path.iterdir()) == []


def test_the_command_s_site_address_comes_from_the_default_site(tmp_path, module, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://leren.deborg.nl/"
    output = tmp_path / "package.zip"
    call_command("export_lms_package", str(module.pk), "-o", str(output), stdout=io.StringIO())

    config = launcher_config(output.read_bytes())
    assert config["start"] == "https://leren.deborg.nl" + START


# --- the admin --------------------------------------------------------------------


def test_the_editor_downloads_a_package_from_the_admin(editor, module):
    screen = editor.get(EXPORT).content.decode()
    assert "Pakket exporteren" in screen
    assert f'value="page:{module.pk}"' in screen

    response = editor.post(EXPORT, {"target": f"page:{module.pk}", "format": "scorm12"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="grenzen-stellen-scorm12.zip"'
    assert validation.problems(response.content, "scorm12") == []
    assert launcher_config(response.content)["start"] == "http://testserver" + START


def test_a_module_s_more_menu_opens_the_export_with_it_chosen(editor, module):
    listing = editor.get(reverse("wagtailadmin_explore", args=[module.get_parent().pk]))
    assert f"{EXPORT}?target=page:{module.pk}" in listing.content.decode()
    assert "Exporteren als LMS-pakket" in listing.content.decode()

    screen = editor.get(f"{EXPORT}?target=page:{module.pk}").content.decode()
    assert re.search(rf'<option value="page:{module.pk}" selected>', screen)


def test_a_draft_module_is_refused_in_dutch_and_no_zip_is_made(editor, environment):
    draft = factories.basic_module(factories.section(environment), "Concept", publish=False)

    screen = editor.get(f"{EXPORT}?target=page:{draft.pk}", follow=True).content.decode()
    assert "is geen gepubliceerde, openbare module" in screen

    response = editor.post(EXPORT, {"target": f"page:{draft.pk}", "format": "cmi5"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "is geen gepubliceerde, openbare module" in response.content.decode()


# --- what the launcher asks ---------------------------------------------------------


def post(client, url, data, **extra):
    body = data if isinstance(data, str) else json.dumps(data)
    return client.post(url, body, content_type="text/plain", **extra)


@pytest.fixture
def package_key(tmp_path, module):
    return launcher_config(export(tmp_path, module.pk))["package"]


def test_a_launch_starts_a_learner_and_opens_the_module_with_its_token(client, module, package_key):
    answer = post(client, START, {"package": package_key, "learner": None})

    assert answer.status_code == 200
    assert answer["Access-Control-Allow-Origin"] == "*"
    assert answer["Cache-Control"] == "no-store"
    started = answer.json()
    assert started["url"] == f"{module.get_full_url()}#learner-token={started['learner']}"
    assert Learner.objects.count() == 1

    # The next launch goes on with the learner the LMS kept.
    again = post(client, START, {"package": package_key, "learner": started["learner"]}).json()
    assert again["learner"] == started["learner"]
    assert Learner.objects.count() == 1


def test_the_status_tells_completion_and_the_exercises_score(
    client, graphql, module, package_key, django_assert_num_queries
):
    token = post(client, START, {"package": package_key}).json()["learner"]
    asked = {"package": package_key, "learner": token}
    assert post(client, STATUS, asked).json() == {"completed": False, "score": None}

    complete(Frontend(graphql, token), module, wrong=1)

    with django_assert_num_queries(8):
        answer = post(client, STATUS, asked)
    assert answer.json() == {"completed": True, "score": {"raw": 1, "max": 2, "scaled": 0.5}}
    assert answer["Access-Control-Allow-Origin"] == "*"


def test_a_completed_route_has_no_score(client, tmp_path):
    from django.utils import timezone

    from borg_learning.routes.models import RouteEnrolment

    route = factories.route([{"title": "Loop mee"}], title="Inwerkroute", slug="inwerkroute")
    key = launcher_config(export(tmp_path, "route:inwerkroute"))["package"]
    token = post(client, START, {"package": key}).json()["learner"]
    RouteEnrolment.objects.create(
        learner=Learner.objects.get(), route=route, completed_at=timezone.now()
    )

    assert post(client, STATUS, {"package": key, "learner": token}).json() == {
        "completed": True,
        "score": None,
    }


def test_the_launcher_s_bad_requests_are_refused_and_store_nothing(client, module, package_key):
    cases = [
        (START, "not json", 400, "bad_request", "Send a JSON object"),
        (START, {"learner": None}, 400, "bad_request", "package's key"),
        (START, {"package": "forged"}, 404, "not_published", "not (or no longer) published"),
        (
            STATUS,
            {"package": package_key, "learner": "x" * 43},
            404,
            "unknown_learner",
            "no learner",
        ),
        (STATUS, {"package": package_key, "learner": "x" * 5000}, 413, "bad_request", "larger"),
        # Past DATA_UPLOAD_MAX_MEMORY_SIZE too: a JSON answer, not Django's own page.
        (
            STATUS,
            {"package": package_key, "learner": "x" * 3_000_000},
            413,
            "bad_request",
            "larger",
        ),
    ]
    for url, body, status, code, message in cases:
        answer = post(client, url, body)
        assert answer.status_code == status, (body, answer.content)
        assert answer.json()["code"] == code
        assert message in answer.json()["error"]
        assert answer["Access-Control-Allow-Origin"] == "*"
    assert Learner.objects.count() == 0
    assert client.get(START).status_code == 405

    factories.unpublish(module)
    answer = post(client, START, {"package": package_key})
    assert answer.status_code == 404
    assert Learner.objects.count() == 0


def test_a_preflight_is_answered(client):
    answer = client.options(START, HTTP_ORIGIN="https://moodle.example.nl")
    assert answer.status_code == 204
    assert answer["Access-Control-Allow-Origin"] == "*"
    assert answer["Access-Control-Allow-Headers"] == "Content-Type"


def test_new_learners_from_one_address_are_limited(client, package_key, settings):
    settings.BORG_LEARNING = {"NEW_LEARNER_RATE_LIMIT": 1}
    assert post(client, START, {"package": package_key}).status_code == 200
    answer = post(client, START, {"package": package_key})
    assert answer.status_code == 429
    assert Learner.objects.count() == 1
