"""Widgets of the game: answer areas made for each question type, and the bars around them.

Widgets post messages and never change the session themselves; the screen calls the session.
"""
