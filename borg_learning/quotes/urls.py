"""``/learning/quotes/<access key>.pdf``: a stored quote's PDF, for whoever requested it;
the core's ``borg_learning.urls`` includes it through the hook ``register_learning_urls``."""

from django.urls import path

from borg_learning.quotes import views

app_name = "borg_learning_quotes"
urlpatterns = [path("<str:access_key>.pdf", views.quote_pdf, name="pdf")]
