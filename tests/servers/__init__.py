"""Real servers on loopback for the channel tests: SMTP, SFTP and an SMS gateway."""
