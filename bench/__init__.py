"""Benchmarks: ratios against a plain-sqlite3 floor measured in the same run."""
