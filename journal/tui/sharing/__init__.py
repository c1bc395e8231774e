"""The worker's side of encrypted sharing: confirming the conseiller's key, choosing to encrypt an export."""
