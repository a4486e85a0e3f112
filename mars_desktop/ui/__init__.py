"""The officer workstation (Qt). Widgets only show and forward; the work is in pipeline/."""
