// Makes the compiler print its own version (CS8304), so the test knows which compiler ran the analyzers.
#error version
