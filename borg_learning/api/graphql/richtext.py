"""Rich text as HTML the frontend can insert as is, by the rule both APIs share
(``api/richtext.py``), with the references of the request's loaders."""

from borg_learning.api.graphql.loaders import Loaders
from borg_learning.api.richtext import resolve_rich_text


def expand_rich_text(html, info):
    return resolve_rich_text(html, Loaders.of(info))
