"""tqdm progress bars with one global off switch.

Progress is shown unless ``Web4Rec.progress = False`` or the environment variable
``WEB4REC_NO_PROGRESS`` is set (to anything but ``0``/``false``/``no``/empty).
"""
from __future__ import annotations

import os

from tqdm.auto import tqdm

_switch_owner = None  # the Web4Rec class; its ``progress`` attribute is the switch


def register_switch(owner) -> None:
    global _switch_owner
    _switch_owner = owner


def progress_enabled() -> bool:
    env = os.environ.get("WEB4REC_NO_PROGRESS", "").strip().lower()
    if env not in ("", "0", "false", "no"):
        return False
    return bool(getattr(_switch_owner, "progress", True))


def bar(**kwargs) -> tqdm:
    """A tqdm bar that respects the off switch (a disabled bar still accepts update() calls)."""
    kwargs.setdefault("leave", False)
    kwargs.setdefault("dynamic_ncols", True)
    return tqdm(disable=not progress_enabled(), **kwargs)
