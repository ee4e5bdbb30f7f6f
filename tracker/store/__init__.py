"""Storage adapters: SQLModel tables, engine creation, and the queries the jobs need."""
