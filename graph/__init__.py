"""The graph layer of smugglegraph: settings, Neo4j server management, driver access, schema."""
