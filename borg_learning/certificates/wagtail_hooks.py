"""The certificates' part of the site: the module subject, the GraphQL fields, the public
URLs and the learner's export."""

from django.urls import include, path
from wagtail import hooks


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


@hooks.register("register_learning_urls")
def certificate_urls():
    return [path("learning/certificates/", include("borg_learning.certificates.urls"))]


@hooks.register("register_learner_export")
def certificate_export(learner, references):
    from borg_learning.certificates.privacy import exported

    return exported(learner)
