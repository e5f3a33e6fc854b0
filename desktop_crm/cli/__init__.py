"""The command line: the HTTP-free intake for bots and scripts. Imports no Qt module."""
