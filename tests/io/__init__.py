"""Tests of electoral_rules.io."""
