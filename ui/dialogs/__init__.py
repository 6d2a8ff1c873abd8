"""Dialogs. Each is shown with ``open()`` and awaited (``ui.asyncqt.run_dialog``), never exec()."""
