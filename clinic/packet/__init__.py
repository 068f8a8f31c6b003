"""Form packs, the pypdf filler, and packet assembly (cover, answer sheet, checklist, addendum).

No Qt here. ``packs`` reads and verifies form packs against official PDFs; ``expr`` evaluates a
pack's value expressions over the answers; ``fill`` fills an official PDF.
"""
