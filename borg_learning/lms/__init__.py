"""Linking the learning environment to the institutions' learning systems (LMS): an LTI 1.3
tool with launches, Deep Linking and grade passback (Assignment and Grade Services)."""
