"""Messages: rendering (message.py, pure) and delivery (smtp.py, outbox.py)."""
