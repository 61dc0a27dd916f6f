"""``/learning/badges/issuer.json``, ``keys/<thumbprint>.json`` and ``jwks.json``; the core's ``borg_learning.urls``
includes them through the hook ``register_learning_urls``."""

from django.urls import path

from borg_learning.badges import views

app_name = "borg_learning_badges"
urlpatterns = [
    path("issuer.json", views.issuer, name="issuer"),
    path("jwks.json", views.jwks, name="jwks"),
    path("keys/<str:thumbprint>.json", views.key, name="key"),
]
