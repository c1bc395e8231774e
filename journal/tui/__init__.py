"""The Textual interface of bilan: the app, its screens and widgets.

Screens read and change the journal only through ``journal.core`` services.
"""
