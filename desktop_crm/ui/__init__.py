"""The Qt shell: widgets, table models, dialogs and workers. It calls services only."""
