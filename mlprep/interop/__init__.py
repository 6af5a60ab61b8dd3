"""Bringing decks from other tools into mlprep (`mlprep import anki|csv`)."""
