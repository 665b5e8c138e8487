"""Everything that judges content before anything is rendered: errors (with German messages),
warnings for editors, and the guard that no published address goes missing."""
