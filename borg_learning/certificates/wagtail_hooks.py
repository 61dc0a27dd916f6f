"""The certificates' part of the site: the module subject, the GraphQL fields, the public
URLs, the learner's export and the admin screen "Certificates"."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from borg_learning.reports.permissions import register_report_permission

#: Opens the report; a site administrator can give it to any group.
REPORT_PERMISSION = register_report_permission("borg_learning_certificates.view_certificate")


@hooks.register("register_certificate_subject")
def module_subject():
    from borg_learning.certificates.subjects import ModuleSubject

    return ModuleSubject()


@hooks.register("register_learning_graphql_query")
def certificate_queries():
    from borg_learning.certificates.graphql import CertificateQuery

    return [CertificateQuery]


@hooks.register("register_learning_graphql_mutation")
def certificate_mutations():
    from borg_learning.certificates.graphql import CertificateMutation

    return [CertificateMutation]


@hooks.register("register_learner_graphql_fields")
def certificate_me_fields():
    from borg_learning.certificates.graphql import CertificateFields

    return [CertificateFields]


@hooks.register("register_learner_export_graphql_fields")
def certificate_export_fields():
    from borg_learning.certificates.graphql import MyDataCertificateFields

    return [MyDataCertificateFields]


@hooks.register("register_learning_urls")
def certificate_urls():
    return [path("learning/certificates/", include("borg_learning.certificates.urls"))]


@hooks.register("register_learner_export")
def certificate_export(learner, references):
    from borg_learning.certificates.privacy import exported

    return exported(learner)


# The screen "Certificates", in the Reports menu next to the report "Progress".


@hooks.register("register_admin_urls")
def register_certificate_report_urls():
    from borg_learning.certificates.reports import CertificateReportView
    from borg_learning.wagtail_hooks import report_urls

    urls = [path("certificates/", include(report_urls("certificates", CertificateReportView)))]
    namespace = "borg_learning_certificates_reports"
    return [path("reports/", include((urls, namespace), namespace=namespace))]


@hooks.register("register_reports_menu_item")
def register_certificate_report_menu_item():
    from borg_learning.wagtail_hooks import PermissionMenuItem

    return PermissionMenuItem(
        _("Certificates"),
        reverse("borg_learning_certificates_reports:certificates"),
        icon_name="doc-full",
        name="certificates",
        order=1180,
        permission=REPORT_PERMISSION,
    )
