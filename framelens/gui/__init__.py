"""The FrameLens desktop window (PySide6). The only package that imports Qt.

Entry point: `framelens.gui.app.run(paths, screenshot=None)`.
"""
