"""Ways out: e-mail, SFTP, SMS gateway, phone; each records its step in the journal."""
