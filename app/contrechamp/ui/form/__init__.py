"""The camera form: every field of one camera, keyboard-first, each change saved at once."""
