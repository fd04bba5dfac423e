"""Writes to the archive, named `<entity>_<action>` with keyword-only arguments.

Views and commands validate input and call these; nothing else writes.
"""
