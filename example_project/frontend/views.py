from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

# The demo frontend is one HTML shell; its JavaScript routes by URL path and asks
# the GraphQL API for everything it shows.
index = require_GET(TemplateView.as_view(template_name="frontend/index.html"))
