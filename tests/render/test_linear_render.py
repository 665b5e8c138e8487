"""The shortcuts that keep rendering linear give the same answers as the slow, obvious way."""

from __future__ import annotations

import posixpath

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.check.validate import load_content
from generator.model.paths import relative

SEGMENT = st.sampled_from(["a", "b", "index.md", "x.md", "akteure", "recht"])


@settings(max_examples=200, deadline=None)
@given(st.lists(SEGMENT, min_size=1, max_size=4), st.lists(SEGMENT, max_size=3))
def test_relative_equals_relpath(target, start):
    assert relative("/".join(target), "/".join(start)) == posixpath.relpath("/".join(target), "/".join(start) or ".")


def test_mentioning_equals_filtering_every_item(content):
    c = load_content(content)
    for by, field, target in (("recommendation", "actors", "actor"), ("recommendation", "phases", "phase"),
                              ("indicator", "exploitation_forms", "exploitation_form")):
        for t in c.items(target):
            slow = [i for i in c.active(by) if t in getattr(i, field)]
            assert c.mentioning(by, target, t) == slow
