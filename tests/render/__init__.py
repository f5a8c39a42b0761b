"""Tests of electoral_rules.render."""
