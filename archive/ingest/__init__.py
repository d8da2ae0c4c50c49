"""Stage 1-2: discover files, read and decode them, and run the pipeline to the store."""
