"""``/learning/lti/``: the JWK set, login, launch and deep linking answer; the core's
``borg_learning.urls`` includes them through the hook ``register_learning_urls``."""

from django.urls import path

from borg_learning.lms import views

app_name = "borg_learning_lms"
urlpatterns = [
    path("jwks.json", views.jwks, name="jwks"),
    path("login/", views.login, name="login"),
    path("launch/", views.launch, name="launch"),
    path("deep-linking/", views.deep_linking, name="deep_linking"),
]
