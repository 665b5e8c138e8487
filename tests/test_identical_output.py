"""No behaviour change by restructuring: the shipped content built with the reference commit's code
and with the current code gives the same files, byte for byte (see ``tests/identical.py`` for why
two checkouts and not a stored manifest, and when to move the reference)."""

from __future__ import annotations

import pytest

from tests import identical


@pytest.mark.skipif(not identical.reference_available(), reason="reference commit not in this clone (shallow?)")
def test_outputs_are_byte_identical_to_the_reference_code() -> None:
    lines = identical.compare()
    assert not lines, "Output differs from the reference code:\n" + "\n".join(lines[:40])
