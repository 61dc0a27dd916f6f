from .catalogue import Offering, OfferingChapter, Provider
from .credits import DevelopmentGroup, DevelopmentGroupMember
from .evaluation import Answer, Question, Questionnaire, Response
from .modules import MODULE_MODELS, BasicModulePage, ModulePartPage, SpecialistModulePage
from .pages import CataloguePage, LearningEnvironmentPage, SectionPage, StartButton
from .themes import Theme
from .visits import PageVisitDay

__all__ = [
    "MODULE_MODELS", "Answer", "BasicModulePage", "CataloguePage", "DevelopmentGroup",
    "DevelopmentGroupMember", "LearningEnvironmentPage", "ModulePartPage", "Offering",
    "OfferingChapter", "PageVisitDay", "Provider", "Question", "Questionnaire", "Response",
    "SectionPage", "SpecialistModulePage", "StartButton", "Theme",
]
