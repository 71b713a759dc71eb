"""One safe YAML reader for the toolkit's rule and lexicon files and users' front matter.

PyYAML's C-accelerated safe loader (``CSafeLoader``, present when PyYAML was built with
libyaml, as its wheels are) builds the same plain Python values as :func:`yaml.safe_load`
about ten times faster; without libyaml the pure-Python ``SafeLoader`` is used. Both construct
only plain types (no Python objects, no code), so user files stay data.
"""
from __future__ import annotations

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str):
    """Parse YAML text into plain Python values, never objects or code.

    Example:
        >>> safe_load("name: escalation\\nversion: 1.6.0\\nno: no")
        {'name': 'escalation', 'version': '1.6.0', False: False}
    """
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader, chosen above
