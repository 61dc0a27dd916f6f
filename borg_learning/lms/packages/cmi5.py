"""A cmi5 course's ``cmi5.xml``: the course and its one assignable unit (AU), the
launcher, at a URL relative to the zip (cmi5 §13, §14).

The AU is satisfied when the launcher sends ``completed`` (``moveOn="Completed"``); it
also sends ``passed`` or ``failed`` with the score where the module has exercises.
"""

from lxml import etree

NAMESPACE = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
LAUNCH_FILE = "index.html"
COURSE_STRUCTURE = "cmi5.xml"
LANGUAGE = "nl-NL"


def _add(parent, tag, text=None, **attributes):
    element = etree.SubElement(parent, f"{{{NAMESPACE}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def _langstrings(parent, tag, text):
    _add(_add(parent, tag), "langstring", text, lang=LANGUAGE)


def course_structure(iri: str, title: str, description: str) -> bytes:
    """The course ``iri`` with one AU, ``<iri>/au``, launched in any window."""
    root = etree.Element(f"{{{NAMESPACE}}}courseStructure", nsmap={None: NAMESPACE})
    course = _add(root, "course", id=iri)
    _langstrings(course, "title", title)
    _langstrings(course, "description", description)
    au = _add(root, "au", id=f"{iri}/au", moveOn="Completed", launchMethod="AnyWindow")
    _langstrings(au, "title", title)
    _langstrings(au, "description", description)
    _add(au, "url", LAUNCH_FILE)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)
