"""Checks over the built HTML, run by ``bkk-site build`` before the new site replaces the old one.

Works on any static site folder with the standard library only (html.parser); it does not
import MkDocs, so other engines' output can be checked the same way.
"""
