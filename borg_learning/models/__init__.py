from .catalogue import Offering, OfferingChapter, Provider
from .credits import DevelopmentGroup, DevelopmentGroupMember
from .modules import BasicModulePage, ModulePartPage, SpecialistModulePage
from .pages import CataloguePage, LearningEnvironmentPage, SectionPage, StartButton
from .themes import Theme

__all__ = [
    "BasicModulePage", "CataloguePage", "DevelopmentGroup", "DevelopmentGroupMember",
    "LearningEnvironmentPage", "ModulePartPage", "Offering", "OfferingChapter", "Provider",
    "SectionPage", "SpecialistModulePage", "StartButton", "Theme",
]
