"""Wagtail's page-type tests: where each page type may live, and that editors can create it."""

from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from borg_learning.models import (
    BasicModulePage,
    CataloguePage,
    LearningEnvironmentPage,
    ModulePartPage,
    SectionPage,
    SpecialistModulePage,
)
from tests import factories
from tests.helpers.admin_forms import (
    audio_data,
    download_data,
    edit_url,
    exercise_data,
    image_data,
    inline_formset,
    link_data,
    module_data,
    nested_form_data,
    part_data,
    rich_text,
    text_data,
    video_data,
)
from tests.testapp.models import HomePage

MODULE_CONTAINERS = {LearningEnvironmentPage, SectionPage}


def sub_app_children(parent):
    """The page types of other apps (a microlesson) that name ``parent`` as their parent:
    the start page and sections accept them too."""
    return {
        model
        for model in get_page_models()
        if model._meta.app_label != "borg_learning"
        and getattr(model, "parent_page_types", None) is not None
        and parent in model.clean_parent_page_models()
    }


class PageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = factories.superuser()
        cls.home = factories.home_page()
        cls.environment = factories.learning_environment(cls.home)
        cls.section = factories.section(cls.environment)
        cls.specialist = factories.specialist_module(cls.environment, target_duration=60)
        cls.theme = factories.theme(name="SGG", colour="orange", icon="shield")

    def setUp(self):
        self.client.force_login(self.admin)

    # --- the tree ---------------------------------------------------------------

    def test_allowed_parent_page_types(self):
        self.assertAllowedParentPageTypes(LearningEnvironmentPage, {Page, HomePage})
        self.assertAllowedParentPageTypes(SectionPage, {LearningEnvironmentPage})
        self.assertAllowedParentPageTypes(CataloguePage, MODULE_CONTAINERS)
        self.assertAllowedParentPageTypes(BasicModulePage, MODULE_CONTAINERS)
        self.assertAllowedParentPageTypes(SpecialistModulePage, MODULE_CONTAINERS)
        self.assertAllowedParentPageTypes(ModulePartPage, {SpecialistModulePage})

    def test_allowed_subpage_types(self):
        self.assertAllowedSubpageTypes(
            LearningEnvironmentPage,
            {SectionPage, BasicModulePage, SpecialistModulePage, CataloguePage}
            | sub_app_children(LearningEnvironmentPage),
        )
        self.assertAllowedSubpageTypes(
            SectionPage,
            {BasicModulePage, SpecialistModulePage, CataloguePage} | sub_app_children(SectionPage),
        )
        self.assertAllowedSubpageTypes(SpecialistModulePage, {ModulePartPage})
        for leaf in (CataloguePage, BasicModulePage, ModulePartPage):
            self.assertAllowedSubpageTypes(leaf, set())

    def test_a_part_cannot_stand_alone_and_a_section_not_in_a_section(self):
        self.assertCanNotCreateAt(LearningEnvironmentPage, ModulePartPage)
        self.assertCanNotCreateAt(SectionPage, ModulePartPage)
        self.assertCanNotCreateAt(SectionPage, SectionPage)
        self.assertCanNotCreateAt(HomePage, BasicModulePage)

    # --- creatable through the admin with valid data -------------------------------

    def test_can_create_a_learning_environment(self):
        self.assertCanCreate(
            self.home,
            LearningEnvironmentPage,
            nested_form_data(
                {
                    "title": "Leeromgeving SGLVG",
                    "intro": rich_text("<p>Welkom in de leeromgeving.</p>"),
                    "feedback_label": "Vragen of feedback?",
                    "feedback_url": "",
                    "feedback_email": "leeromgeving@example.org",
                    "buttons": inline_formset(
                        [
                            {
                                "label": "Basismodules",
                                "target_page": self.section.pk,
                                "target_theme": "",
                                "target_url": "",
                                "colour": "purple",
                                "icon": "book",
                            },
                            {
                                "label": "SGG",
                                "target_page": "",
                                "target_theme": self.theme.pk,
                                "target_url": "",
                                "colour": "",
                                "icon": "",
                            },
                            {
                                "label": "Kennis vindplaats",
                                "target_page": "",
                                "target_theme": "",
                                "target_url": "https://kennis.example.org/",
                                "colour": "green",
                                "icon": "lightbulb",
                            },
                        ]
                    ),
                }
            ),
        )
        page = LearningEnvironmentPage.objects.get(slug="leeromgeving-sglvg")
        assert page.live
        assert page.feedback_href == "mailto:leeromgeving@example.org"
        assert [button.target_type for button in page.buttons.all()] == ["page", "theme", "url"]

    def test_can_create_a_section(self):
        self.assertCanCreate(
            self.environment,
            SectionPage,
            nested_form_data(
                {
                    "title": "Specialistische modules",
                    "intro": rich_text("<p>Verdieping per thema.</p>"),
                }
            ),
        )
        assert SectionPage.objects.get(title="Specialistische modules").live

    def test_can_create_a_catalogue_page(self):
        self.assertCanCreate(
            self.section,
            CataloguePage,
            nested_form_data(
                {
                    "title": "Bestaand aanbod",
                    "intro": rich_text("<p>Trainingen elders.</p>"),
                }
            ),
        )
        assert CataloguePage.objects.get(title="Bestaand aanbod").live

    def test_can_create_a_basic_module_with_every_kind_of_part(self):
        image, document = factories.image(), factories.document()
        audio, video = factories.media("audio", 30), factories.media("video", 45)
        self.assertCanCreate(
            self.environment,
            BasicModulePage,
            module_data(
                "Omgaan met LVB",
                target_duration=15,
                themes=(self.theme.pk,),
                audience_roles=("support-worker",),
                body=[
                    text_data("<h2>Wat is LVB?</h2><p>Een lichte verstandelijke beperking.</p>"),
                    image_data(image),
                    audio_data(audio),
                    video_data(video),
                    video_data(embed_url="https://vimeo.com/1", embed_duration="20"),
                    exercise_data(
                        kind="multiple", options=[("A", True), ("B", True), ("C", False)]
                    ),
                    exercise_data(kind="reflection", options=[]),
                    download_data(document),
                    link_data(url="https://kennis.example.org/lvb"),
                    link_data(page=self.section, label="Meer modules"),
                ],
            ),
        )
        module = BasicModulePage.objects.get(title="Omgaan met LVB")
        assert module.live
        assert [block.block_type for block in module.body] == [
            "text",
            "image",
            "audio",
            "video",
            "video",
            "exercise",
            "exercise",
            "download",
            "link",
            "link",
        ]
        assert module.body[1].value["image"] == image
        assert module.body[3].value["video"] == video
        assert [option["correct"] for option in module.body[5].value["options"]] == [
            True,
            True,
            False,
        ]
        assert module.audience_roles == ["support-worker"]
        assert list(module.themes.all()) == [self.theme]
        # 7 words (3 s), 30 s audio, 45 + 20 s video and two exercises of 60 s.
        assert module.estimated_duration_seconds == 3 + 30 + 65 + 120

    def test_can_create_a_basic_module_in_a_section(self):
        self.assertCanCreate(
            self.section, BasicModulePage, module_data("Basis", body=[text_data("<p>Kort.</p>")])
        )

    def test_can_create_a_specialist_module(self):
        self.assertCanCreate(
            self.environment,
            SpecialistModulePage,
            module_data(
                "SGG",
                target_duration=45,
                icon="shield",
                explanation=rich_text("<p>Seksueel grensoverschrijdend gedrag.</p>"),
            ),
        )
        module = SpecialistModulePage.objects.get(title="SGG")
        assert module.live
        assert module.estimated_duration_seconds == 0

    def test_can_create_a_module_part(self):
        self.assertCanCreate(
            self.specialist,
            ModulePartPage,
            part_data(
                "Wat is SGG?",
                target_duration=5,
                body=[
                    text_data("<p>Uitleg.</p>"),
                    exercise_data(
                        kind="true_false", options=[("Waar", False), ("Niet waar", True)]
                    ),
                ],
            ),
        )
        part = ModulePartPage.objects.get(title="Wat is SGG?")
        assert part.live
        assert part.get_parent().pk == self.specialist.pk

    # --- the edit view of every page type works ------------------------------------

    def test_pages_without_a_stream_field_survive_an_edit_round_trip(self):
        for page in (self.environment, self.section, factories.catalogue_page(self.environment)):
            with self.subTest(page_type=type(page).__name__):
                self.assertPageIsEditable(page)

    def test_pages_with_a_stream_field_can_be_edited_and_published(self):
        module = factories.basic_module(self.environment, body=[factories.text_block(20)])
        part = factories.module_part(self.specialist, body=[factories.exercise_block()])
        cases = [
            (
                module,
                module_data(
                    "Nieuwe titel",
                    body=[text_data("<p>Nieuw.</p>")],
                    slug=module.slug,
                    publish=True,
                ),
            ),
            (
                self.specialist,
                module_data(
                    "Nieuwe titel",
                    slug=self.specialist.slug,
                    target_duration=60,
                    icon="shield",
                    publish=True,
                ),
            ),
            (part, part_data("Nieuwe titel", body=[exercise_data()], slug=part.slug, publish=True)),
        ]
        for page, data in cases:
            with self.subTest(page_type=type(page).__name__):
                assert self.client.get(edit_url(page)).status_code == 200
                response = self.client.post(edit_url(page), data)
                assert response.status_code == 302, response.context["form"].errors
                page.refresh_from_db()
                assert page.title == "Nieuwe titel"
                assert page.live and not page.has_unpublished_changes
