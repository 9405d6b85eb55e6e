"""Running the pipeline over many files: executors, bulk import, the folder watcher."""
