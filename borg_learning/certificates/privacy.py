"""The learner's certificates in the export of everything kept about them."""

from borg_learning.learners.models import Learner


def exported(learner: Learner) -> dict:
    return {
        "certificates": [
            {
                "code": certificate.shown_code,
                "subject": certificate.subject_kind,
                "subject_id": str(certificate.subject_id),
                "name": certificate.name,
                "title": certificate.title,
                "duration_minutes": certificate.duration_minutes,
                "completed_on": certificate.completed_on,
                "development_group": certificate.development_group or None,
                "issuer": certificate.issuer,
                "issued_at": certificate.issued_at,
            }
            for certificate in learner.certificates.order_by("issued_at", "pk")
        ]
    }
