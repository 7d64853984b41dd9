"""Qt text formats for every category, built from `framelens.styles` (never hard-coded here).

Sentence labels become background tints (the style's `background`, or `dark_background`
in the dark theme); marks become underline style, weight and slant in the style's colour,
so they still read in grayscale and for colour-blind viewers.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap, QTextCharFormat, QTextCursor, QTextDocument

from framelens import labels, styles

_UNDERLINES = {
    "none": QTextCharFormat.UnderlineStyle.NoUnderline,
    "single": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "double": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "wave": QTextCharFormat.UnderlineStyle.WaveUnderline,
    "dot": QTextCharFormat.UnderlineStyle.DotLine,
    "dash": QTextCharFormat.UnderlineStyle.DashUnderline,
}


def readable_color(color: str, dark: bool) -> QColor:
    """The style colour, lightened on a dark background so it keeps its contrast."""
    qcolor = QColor(color)
    if dark and qcolor.isValid():
        hue, saturation, lightness, alpha = qcolor.getHslF()
        qcolor = QColor.fromHslF(hue, saturation, max(lightness, 0.72), alpha)
    return qcolor


def category_format(category: str, dark: bool = False) -> QTextCharFormat:
    """The character format drawing one category (see resources/styles.toml)."""
    style = styles.style(category)
    fmt = QTextCharFormat()
    tint = style.dark_background if dark else style.background
    if tint:
        fmt.setBackground(QColor(tint))
    if category in labels.SENTENCE_LABELS:
        return fmt
    color = readable_color(style.color, dark) if style.color else None
    if style.underline != "none":
        fmt.setUnderlineStyle(_UNDERLINES[style.underline])
        if color is not None:
            fmt.setUnderlineColor(color)
    if style.underline == "double":
        # Qt has no double underline: an overline pairs with the underline instead.
        fmt.setFontOverline(True)
    if style.bold:
        fmt.setFontWeight(700)
    if style.italic:
        fmt.setFontItalic(True)
    if color is not None and not style.dim:
        fmt.setForeground(color)
    if style.dim:
        dimmed = readable_color(style.color, dark) if style.color else QColor(Qt.GlobalColor.gray)
        fmt.setForeground(dimmed)
    return fmt


def all_formats(dark: bool = False) -> dict[str, QTextCharFormat]:
    """Formats of every styled category, in legend order."""
    return {category: category_format(category, dark) for category in labels.STYLED_CATEGORIES}


def swatch(category: str, dark: bool, point_size: float, text_color: QColor,
           sample: str = "sample") -> QPixmap:
    """A small picture of `sample` drawn exactly as the category is drawn in the text."""
    document = QTextDocument()
    document.setDocumentMargin(2)
    font = document.defaultFont()
    font.setPointSizeF(point_size)
    document.setDefaultFont(font)
    cursor = QTextCursor(document)
    fmt = category_format(category, dark)
    if fmt.foreground().style() == Qt.BrushStyle.NoBrush:
        fmt.setForeground(text_color)
    cursor.insertText(sample, fmt)
    size = document.size().toSize()
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    document.drawContents(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    return pixmap
