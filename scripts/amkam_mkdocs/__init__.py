"""The one MkDocs adapter of the site's core (`amkam`): see plugin.py."""
