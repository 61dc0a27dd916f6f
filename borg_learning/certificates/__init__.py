"""Proof of participation: a PDF certificate for a completed module, with a public
verification code (``borg_learning.certificates``, label ``borg_learning_certificates``)."""
