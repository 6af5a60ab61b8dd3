"""Exports of decks to other tools."""
