"""Tests of electoral_rules.apportionment."""
