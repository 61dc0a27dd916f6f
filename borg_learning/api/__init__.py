"""Wagtail API v2 endpoints for clients that prefer REST over GraphQL."""
