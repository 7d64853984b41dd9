"""FrameLens: see how a news text persuades.

The engine (`framelens.engine.analyze`) is pure Python and never imports Qt; the desktop
window lives in `framelens.gui` and is imported only when it is opened.
"""

__version__ = "0.1.0"
