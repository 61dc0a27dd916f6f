"""Counting what happens: visits, and the figures the reports and dashboards show."""
