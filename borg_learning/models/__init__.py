from borg_learning.models.catalogue import (
    Offering,
    OfferingChapter,
    OfferingFormat,
    Provider,
    ProviderAccess,
)
from borg_learning.models.credits import DevelopmentGroup, DevelopmentGroupMember
from borg_learning.models.evaluation import Answer, Question, Questionnaire, Response
from borg_learning.models.modules import (
    BasicModulePage,
    ModuleKind,
    ModulePage,
    ModulePartPage,
    SpecialistModulePage,
)
from borg_learning.models.pages import (
    CataloguePage,
    LearningEnvironmentPage,
    SectionPage,
    StartButton,
)
from borg_learning.models.themes import Theme
from borg_learning.models.visits import PageVisitDay

__all__ = [
    "Answer",
    "BasicModulePage",
    "CataloguePage",
    "DevelopmentGroup",
    "DevelopmentGroupMember",
    "LearningEnvironmentPage",
    "ModuleKind",
    "ModulePage",
    "ModulePartPage",
    "Offering",
    "OfferingChapter",
    "OfferingFormat",
    "PageVisitDay",
    "Provider",
    "ProviderAccess",
    "Question",
    "Questionnaire",
    "Response",
    "SectionPage",
    "SpecialistModulePage",
    "StartButton",
    "Theme",
]
