"""Admin views of the learning environment."""
