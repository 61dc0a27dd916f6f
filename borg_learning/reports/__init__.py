"""The admin reports: review due, evaluation, level 4 and visits, with charts and exports."""
