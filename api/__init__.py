"""The HTTP API and the command line that investigators and ILOs use."""
