from .catalogue import Offering, OfferingChapter, Provider
from .credits import DevelopmentGroup, DevelopmentGroupMember
from .evaluation import Answer, Question, Questionnaire, Response
from .modules import BasicModulePage, ModulePartPage, SpecialistModulePage
from .pages import CataloguePage, LearningEnvironmentPage, SectionPage, StartButton
from .themes import Theme
from .visits import PageVisitDay

__all__ = [
    "Answer", "BasicModulePage", "CataloguePage", "DevelopmentGroup", "DevelopmentGroupMember",
    "LearningEnvironmentPage", "ModulePartPage", "Offering", "OfferingChapter", "PageVisitDay",
    "Provider", "Question", "Questionnaire", "Response", "SectionPage", "SpecialistModulePage",
    "StartButton", "Theme",
]
