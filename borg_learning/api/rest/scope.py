"""What the learning endpoints serve of a site, and nothing more.

A site that includes the app has pages, images and documents of its own. The learning
endpoints serve:

* pages of the learning page types (``LEARNING_PAGE_TYPES``, the types GraphQL serves,
  and those sub-apps name with the hook ``register_learning_page_type``);
* the images, documents and media files those pages use, as Wagtail's reference index
  records it: module images, body blocks, rich text, start buttons. The index follows
  the live version of a page, so a file only a draft uses is not served;

each through the request's visibility policy. Labels rather than classes, so the REST
serializer fields, which the models import, can use this module without a cycle.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, Model, OuterRef, QuerySet
from django.db.models.functions import Cast
from wagtail import hooks
from wagtail.models import Page, ReferenceIndex

LEARNING_PAGE_TYPES = (
    "borg_learning.LearningEnvironmentPage",
    "borg_learning.SectionPage",
    "borg_learning.BasicModulePage",
    "borg_learning.SpecialistModulePage",
    "borg_learning.ModulePartPage",
    "borg_learning.CataloguePage",
)


def learning_page_models() -> tuple[type[Page], ...]:
    core = tuple(apps.get_model(label) for label in LEARNING_PAGE_TYPES)
    return core + tuple(hook() for hook in hooks.get_hooks("register_learning_page_type"))


def index_content_type(model: type[Model]) -> ContentType:
    """The content type the reference index files a model's rows under: that of the
    table with the primary key (``Page`` for every page type)."""
    parents = model._meta.get_parent_list()
    return ContentType.objects.get_for_model(parents[-1] if parents else model)


def used_by(files: QuerySet, pages: QuerySet) -> QuerySet:
    """The images, documents or media files of ``files`` that one of ``pages`` uses.

    One SQL subquery on the reference index, which keeps ids as text.
    """
    uses = ReferenceIndex.objects.filter(
        base_content_type=index_content_type(Page),
        object_id__in=pages.annotate(index_key=Cast("pk", CharField())).values("index_key"),
        to_content_type=index_content_type(files.model),
        to_object_id=Cast(OuterRef("pk"), CharField()),
    )
    return files.filter(Exists(uses))
