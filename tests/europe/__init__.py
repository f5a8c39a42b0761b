"""Tests of electoral_rules.europe."""
