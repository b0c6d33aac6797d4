"""Practice problems: keys ship with the package, since practice is for learning, not grades."""
