"""Wires adapters (frames, face mesh) to the pure core; shared by the CLI and the GUI."""
