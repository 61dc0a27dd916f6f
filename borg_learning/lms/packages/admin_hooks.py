"""The packages in the admin and on the site: the screen "Export a package" in the menu
LMS links, "Export as an LMS package" in the "more" menu of a module's or a part's page,
and the launcher's endpoints under ``/learning/packages/``. Imported by
``borg_learning.lms.wagtail_hooks``."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from borg_learning.lms.targets import LAUNCHABLE_PAGES

#: The hook of the menu LMS links (``LmsViewSetGroup.submenu_hook``).
LMS_MENU_HOOK = "register_lms_menu_item"
EXPORT_URL_NAME = "borg_learning_lms_package_export"


@hooks.register("register_learning_urls")
def package_urls():
    return [path("learning/packages/", include("borg_learning.lms.packages.urls"))]


@hooks.register("register_admin_urls")
def package_admin_urls():
    from borg_learning.lms.packages.export_view import PackageExportView

    return [path("lms/package/", PackageExportView.as_view(), name=EXPORT_URL_NAME)]


@hooks.register(LMS_MENU_HOOK)
def package_menu_item():
    return MenuItem(
        _("Export a package"),
        reverse(EXPORT_URL_NAME),
        name="lms_package_export",
        icon_name="download",
        order=900,
    )


class ExportPackageButton(PageMenuItem):
    label = _("Export as an LMS package")
    icon_name = "download"

    @property
    def url(self):
        return reverse(EXPORT_URL_NAME) + f"?target=page:{self.page.pk}"

    def is_shown(self, user):
        return issubclass(self.page.specific_class or type(self.page), LAUNCHABLE_PAGES)


@hooks.register("register_page_listing_more_buttons")
def package_listing_button(page, user, next_url=None):
    yield ExportPackageButton(page=page, priority=70)


@hooks.register("register_page_header_buttons")
def package_header_button(page, user, view_name, next_url=None):
    yield ExportPackageButton(page=page, priority=80)
