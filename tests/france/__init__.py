"""Tests of electoral_rules.france."""
