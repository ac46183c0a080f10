"""Ways out: e-mail draft, SMTP, SFTP, SMS providers, and the phone confirmation.

Each returns a Delivery with journal-safe details; the use case in
``handoff/core/usecases.py`` appends the journal record (channels never do).
"""
