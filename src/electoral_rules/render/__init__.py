"""Explanations, tables and pictures of outcomes: :mod:`~electoral_rules.render.explain`,
:mod:`~electoral_rules.render.tables`, :mod:`~electoral_rules.render.svg` and the others."""

__all__: list[str] = []
