from mlwiki.cli import main

if __name__ == "__main__":  # not when a spawned scan worker imports the main module again
    main()
