"""Tests of electoral_rules; helpers: ``tests.naive`` (reference loops), ``tests.strategies``."""
