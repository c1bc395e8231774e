"""Screens of the bilan app: home (tableau de bord), exercise, notes, export."""
