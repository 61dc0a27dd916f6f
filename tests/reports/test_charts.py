"""The SVG charts of the reports: round numbers on the value axis, figures as the editor
writes them."""

import re

from django.utils import translation

from borg_learning.reports import charts


def axis_labels(svg):
    return re.findall(r'text-anchor="end" fill="#333" >([^<]*)</text>', str(svg))


def test_the_value_axis_falls_on_round_numbers():
    svg = charts.line_chart("Bezoeken", ["jan", "feb"], [("Totaal", [312, 575])])
    assert axis_labels(svg)[:5] == ["0", "150", "300", "450", "600"]


def test_a_few_visits_get_whole_numbers_on_the_axis():
    svg = charts.column_chart("Bezoeken", ["jan", "feb"], [("Totaal", [1, 3])])
    assert axis_labels(svg)[:5] == ["0", "1", "2", "3", "4"]


def test_scores_keep_their_fixed_scale_of_100():
    svg = charts.line_chart("Score", ["jan"], [("Niveau 4", [79.46])], max_value=100)
    assert axis_labels(svg)[:5] == ["0", "25", "50", "75", "100"]


def test_a_figure_has_a_decimal_comma_in_dutch():
    with translation.override("nl"):
        assert charts.number(79.46) == "79,5"
        assert charts.number(80.0) == "80"
    with translation.override("en"):
        assert charts.number(79.46) == "79.5"
