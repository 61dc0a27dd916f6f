"""The Wagtail REST API v2 endpoints."""
