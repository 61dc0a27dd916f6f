"""A SCORM 1.2 package's ``imsmanifest.xml``: one organization with one item, whose one
resource is the launcher, a SCO (it talks to the LMS's runtime API).

The manifest names the SCORM 1.2 schemas it follows (IMS Content Packaging 1.1.2, IMS
Metadata 1.2.1, ADL's SCORM 1.2 extension); the package carries them beside it, as LMSs
expect, and ``validation`` checks the manifest against them.
"""

from pathlib import Path

from lxml import etree

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMAS = Path(__file__).resolve().parent / "schemas" / "scorm12"
#: The schema files, by namespace, as ``xsi:schemaLocation`` names them.
SCHEMA_FILES = {
    IMSCP: "imscp_rootv1p1p2.xsd",
    IMSMD: "imsmd_rootv1p2p1.xsd",
    ADLCP: "adlcp_rootv1p2.xsd",
}
#: Imported by the others (the ``xml:lang`` attribute).
SUPPORT_FILES = ("ims_xml.xsd",)
LAUNCH_FILE = "index.html"
MANIFEST = "imsmanifest.xml"

NAMESPACES = {None: IMSCP, "adlcp": ADLCP, "xsi": XSI}


def schema_files() -> dict[str, bytes]:
    return {
        name: (SCHEMAS / name).read_bytes() for name in (*SCHEMA_FILES.values(), *SUPPORT_FILES)
    }


def _add(parent, tag, text=None, namespace=IMSCP, **attributes):
    element = etree.SubElement(parent, f"{{{namespace}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def manifest(identifier: str, title: str, files: list[str]) -> bytes:
    """The manifest of a package whose launcher (``index.html``) needs ``files``."""
    root = etree.Element(
        f"{{{IMSCP}}}manifest",
        nsmap=NAMESPACES,
        attrib={
            "identifier": identifier,
            "version": "1.0",
            f"{{{XSI}}}schemaLocation": " ".join(
                f"{namespace} {name}" for namespace, name in SCHEMA_FILES.items()
            ),
        },
    )
    metadata = _add(root, "metadata")
    _add(metadata, "schema", "ADL SCORM")
    _add(metadata, "schemaversion", "1.2")
    organizations = _add(root, "organizations", default=f"{identifier}-organization")
    organization = _add(organizations, "organization", identifier=f"{identifier}-organization")
    _add(organization, "title", title)
    item = _add(
        organization,
        "item",
        identifier=f"{identifier}-item",
        identifierref=f"{identifier}-launcher",
        isvisible="true",
    )
    _add(item, "title", title)
    resources = _add(root, "resources")
    resource = _add(
        resources,
        "resource",
        identifier=f"{identifier}-launcher",
        type="webcontent",
        href=LAUNCH_FILE,
        **{f"{{{ADLCP}}}scormtype": "sco"},
    )
    for name in files:
        _add(resource, "file", href=name)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)
