"""Small reusable widgets the pages are built from."""
